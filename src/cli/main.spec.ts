import 'reflect-metadata';

import { describe, expect, it } from '@jest/globals';

import { loadConfig } from '../config/config.js';
import { runPulse } from '../testing/run-pulse.js';

// No database is opened by any of these: help and usage errors are answered before a command runs.
const config = loadConfig({ DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' });

async function pulse(...argv: string[]) {
  return runPulse(argv, config);
}

describe('pulse CLI usage', () => {
  it('prints the command list and exits 2 when no command is given', async () => {
    const { code, err } = await pulse();
    expect(code).toBe(2);
    expect(err).toMatch(/Usage: pulse \[options\] \[command\]/);
    for (const command of ['migrate', 'seed', 'token', 'schema']) expect(err).toContain(command);
  });

  it('gives each command its own help', async () => {
    const seed = await pulse('seed', '--help');
    expect(seed.code).toBe(0);
    expect(seed.out).toMatch(/Usage: pulse seed \[options\]/);
    expect(seed.out).toContain('--issues-per-client <n>');

    const token = await pulse('token', '--help');
    expect(token.out).toMatch(/Usage: pulse token \[options\]/);
    expect(token.out).toContain('--email <email>');

    const up = await pulse('migrate', 'up', '--help');
    expect(up.out).toMatch(/Usage: pulse migrate up/);
  });

  it('names an unknown flag and shows where the usage is', async () => {
    const { code, err } = await pulse('seed', '--clientz', '3');
    expect(code).toBe(2);
    expect(err).toContain("unknown option '--clientz'");
    expect(err).toContain('(run with --help for usage)');
  });

  it('names a bad value and the flag it was given to', async () => {
    const { code, err } = await pulse('seed', '--clients', 'many');
    expect(code).toBe(2);
    expect(err).toContain("option '--clients <n>' argument 'many' is invalid. must be a positive integer");
  });

  it('refuses a missing required flag and an unknown command', async () => {
    const token = await pulse('token');
    expect(token.code).toBe(2);
    expect(token.err).toContain('give either --email <email> or --etl <client>');
    const unknown = await pulse('migrat');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command 'migrat'");
  });
});
