import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface GatewayProcess {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

export interface GatewayEnvironment {
  databaseUrl: string;
  replicaUrls: string[];
  jwtSecret: string;
}

/**
 * The bench measures one admin viewer's throughput with a token it signs itself: it needs sessionless
 * tokens and no per-viewer rate limit.
 */
export const BENCH_GATEWAY_ENV = {
  JWT_ALLOW_SESSIONLESS: 'true',
  RATE_LIMIT_READS: '0',
  RATE_LIMIT_WRITES: '0',
} as const;

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the built gateway as production runs it (`node dist/src/main.js`, configuration from the
 * environment, LOG_LEVEL=warn) in its own process, so the load generator does not share its event loop.
 * Resolves once `/health` answers; its output goes to our stderr with a `[gateway]` prefix.
 */
export async function startGateway(mainScript: string, env: GatewayEnvironment): Promise<GatewayProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  // The gateway holds the runtime role's credentials only, as in production.
  for (const name of [
    'DATABASE_OWNER_URL',
    'LOG_SQL',
    'EMBEDDED_DB_DIR',
    'EMBEDDED_DB_SEED',
    'JWT_PUBLIC_KEY',
    'JWT_ISSUER',
    'JWT_AUDIENCE',
  ]) {
    delete childEnv[name];
  }
  Object.assign(childEnv, {
    NODE_ENV: 'production',
    DATABASE_URL: env.databaseUrl,
    DATABASE_REPLICA_URLS: env.replicaUrls.join(','),
    JWT_SECRET: env.jwtSecret,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...BENCH_GATEWAY_ENV,
  });
  return startServerProcess({ name: 'gateway', script: mainScript, env: childEnv, port });
}

export interface ServerProcessOptions {
  /** Prefix of its output lines and name in messages: `gateway`, `postgraphile-v4`. */
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  /** The port it was told to listen on (127.0.0.1). */
  port: number;
}

/**
 * Starts a Node server script in its own process with this Node, and resolves once its `/health`
 * answers 200 (60 s at most); its output goes to our stderr with a `[name]` prefix.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<GatewayProcess> {
  const { name, port } = options;
  // As `npm start` and the Docker image run the gateway, for the peers as for the gateway: the young
  // generation sized for a server, so neither pays for the default's frequent scavenges, and
  // AsyncLocalStorage on V8's async context frames (Node 24's default) instead of async hooks, which
  // otherwise run on every promise once any store is used (MikroORM's transaction context, the read
  // router's scope).
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', '--experimental-async-context-frame', options.script],
    {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const relay = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 50) output.shift();
    for (const line of text.split('\n').filter(Boolean)) process.stderr.write(`[${name}] ${line}\n`);
  };
  child.stdout!.on('data', relay);
  child.stderr!.on('data', relay);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await Promise.race([
      exited.then((code) => ({ exited: code })),
      fetch(`${origin}/health`)
        .then((response) => ({ healthy: response.ok }))
        .catch(() => ({ healthy: false })),
    ]);
    if ('exited' in state) {
      throw new Error(
        `the ${name} exited with code ${state.exited} before it was ready:\n${output.join('')}`,
      );
    }
    if (state.healthy) break;
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`the ${name} did not answer /health within 60 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { origin, pid: child.pid!, stop: () => stopChild(child, exited) };
}

/** SIGTERM (a server drains and closes its pools), SIGKILL after 15 s. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
