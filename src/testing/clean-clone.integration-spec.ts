import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A fresh clone of the committed tree installs from its lockfile. `npm ci --dry-run` runs npm's own
 * lockfile-versus-package.json check (the one that failed with npm 11 on a missing optional platform
 * package) without unpacking a thousand packages, which takes minutes on this machine; `.ci/run` does
 * the full `npm ci`. Offline, from npm's cache: the test must not depend on the registry being up.
 */
describe('install from a clean clone', () => {
  let clone = '';
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'pulse-clone-'));
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    execFileSync('git', ['clone', '--quiet', '--shared', '--no-checkout', ROOT, clone]);
    run('git', ['checkout', '--quiet', head]);
  });

  afterAll(() => {
    if (clone) rmSync(clone, { recursive: true, force: true });
  });

  it('npm ci accepts the lockfile', () => {
    const output = run('npm', [
      'ci',
      '--dry-run',
      '--ignore-scripts',
      '--offline',
      '--no-audit',
      '--no-fund',
    ]);
    expect(output).toMatch(/added \d+ packages/);
  }, 120_000);

  it('npm install leaves git status clean', () => {
    run('npm', [
      'install',
      '--package-lock-only',
      '--ignore-scripts',
      '--offline',
      '--no-audit',
      '--no-fund',
    ]);
    expect(run('git', ['status', '--porcelain'])).toBe('');
  }, 120_000);
});
