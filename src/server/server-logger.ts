import type { FastifyServerOptions } from 'fastify';

import type { Config } from '../config/config.js';

/** Never logged: bearer tokens and cookies of requests. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie'];

/**
 * Fastify's pino options: readable lines through pino-pretty for a person at a terminal, one JSON
 * object a line for log collectors (the default whenever stdout is not a terminal).
 */
export function loggerOptions(
  level: Config['logLevel'],
  format: Config['logFormat'],
  stdoutIsTerminal: boolean = process.stdout.isTTY === true,
): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  const pretty = format === 'pretty' || (format === 'auto' && stdoutIsTerminal);
  if (!pretty) return { level, redact: REDACT };
  return {
    level,
    redact: REDACT,
    transport: {
      target: 'pino-pretty',
      options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true },
    },
  };
}
