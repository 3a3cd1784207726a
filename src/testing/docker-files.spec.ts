import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

/**
 * No Docker engine runs on these machines, so the Docker files are checked for what can be checked
 * without one: the compose file's structure, one PostgreSQL major everywhere, the image's file layout
 * against the build context, and the shell entrypoints.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ComposeService {
  image?: string;
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const services = compose.services;

describe('docker-compose.yml', () => {
  it('runs one PostgreSQL major, the one db:up and the tests use', () => {
    const major = /^PG_MAJOR=(\d+)$/m.exec(read('scripts/db/up.sh'))?.[1];
    expect(major).toBe('15');
    const images = Object.values(services)
      .map((service) => service.image)
      .filter((image): image is string => image !== undefined);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toBe(`pgvector/pgvector:pg${major}`);
  });

  it('needs JWT_SECRET on the gateway only, and never blocks other services on it', () => {
    expect(read('docker-compose.yml')).not.toMatch(/\$\{[A-Z_]+:\?/);
    const withSecret = Object.entries(services)
      .filter(([, service]) => service.environment && 'JWT_SECRET' in service.environment)
      .map(([name]) => name);
    expect(withSecret).toEqual(['gateway']);
  });

  it('has a demo profile that seeds after the migration, and no service that is connected to nothing', () => {
    expect(services.seed?.profiles).toEqual(['demo']);
    expect(services.seed?.command).toEqual(['node', 'bin/pulse.js', 'seed']);
    expect(services.seed?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(Object.keys(services).sort()).toEqual([
      'gateway',
      'migrate',
      'postgres-primary',
      'postgres-replica',
      'seed',
    ]);
  });

  it('mounts only files that exist', () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('./')) expect(existsSync(join(ROOT, source))).toBe(true);
      }
    }
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile');
  const ignored = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('copies only paths that exist in the build context and that .dockerignore lets through', () => {
    const copies = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) =>
      match[1]!.split(/\s+/),
    );
    expect(copies).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src', 'bin']));
    for (const source of copies) {
      expect(existsSync(join(ROOT, source))).toBe(true);
      expect(ignored).not.toContain(source);
    }
    // The heavy and private things stay out of the context.
    for (const path of ['node_modules', '.data', '.pg', '.git', 'dist']) expect(ignored).toContain(path);
  });

  it('runs as the unprivileged node user with a data folder that user owns, for the embedded database', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/EMBEDDED_DB_DIR=\/app\/\.data\/pglite/);
    expect(runtime).toMatch(/chown node:node \/app\/\.data/);
    expect(runtime).toMatch(/^VOLUME \["\/app\/\.data"\]$/m);
  });

  it('starts files the TypeScript build produces', () => {
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions?: { outDir?: string } };
    const outDir = build.compilerOptions?.outDir ?? JSON.parse(read('tsconfig.json')).compilerOptions.outDir;
    expect(outDir.replace(/^\.\//, '')).toBe('dist');
    expect(dockerfile).toContain(
      'CMD ["node", "--max-semi-space-size=64", "--experimental-async-context-frame", "dist/src/main.js"]',
    );
    expect(existsSync(join(ROOT, 'src/main.ts'))).toBe(true);
    expect(read('bin/pulse.js')).toContain('../dist/src/cli/main.js');
  });
});

describe('docker/postgres entrypoints', () => {
  const scripts = readdirSync(join(ROOT, 'docker/postgres')).filter((name) => name.endsWith('.sh'));
  const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;

  it.each(scripts)('%s parses (and passes shellcheck where it is installed)', (name) => {
    const path = join(ROOT, 'docker/postgres', name);
    execFileSync('bash', ['-n', path]);
    if (shellcheck) execFileSync('shellcheck', [path]);
  });
});
