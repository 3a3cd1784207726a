import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, startServerProcess } from './gateway-process.js';
import type { GatewayProcess } from './gateway-process.js';
import type { PeerName } from './peer-queries.js';

/** bench/peers: PostGraphile 4 and 5 with their own package.json, never the gateway's dependencies. */
export function peersDir(root: string): string {
  return join(root, 'bench', 'peers');
}

/** The packages whose presence says bench/peers is installed (one per peer). */
const INSTALLED_MARKERS = ['postgraphile/package.json', 'postgraphile-v4/package.json'];

/**
 * Installs bench/peers from its lockfile (`npm ci`, exact versions) when it is not installed yet, so a
 * fresh clone can run the comparison; a no-op afterwards.
 */
export async function ensurePeersInstalled(root: string, log: (message: string) => void): Promise<void> {
  const dir = peersDir(root);
  if (INSTALLED_MARKERS.every((marker) => existsSync(join(dir, 'node_modules', marker)))) return;
  log(`installing the PostGraphile peers: npm ci --prefix ${dir} (once)`);
  const npm = process.env.npm_execpath;
  const [command, args] = npm
    ? [process.execPath, [npm, 'ci', '--prefix', dir, '--no-audit', '--no-fund']]
    : ['npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund']];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args as string[], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm ci --prefix ${dir} failed with exit code ${code}`)),
    );
  });
}

export interface PeerEnvironment {
  /** Where it connects: the same database and role as the gateway's reads. */
  databaseUrl: string;
  /** The tenant, sent as `pulse.client_id` in each request's transaction. */
  clientId: number;
  poolSize: number;
}

/** Starts one PostGraphile peer (bench/peers/postgraphile-<name>.server.mjs) in its own process. */
export async function startPeer(root: string, name: PeerName, env: PeerEnvironment): Promise<GatewayProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PEER_DATABASE_URL: env.databaseUrl,
    PEER_CLIENT_ID: String(env.clientId),
    PEER_PORT: String(port),
    PEER_POOL_SIZE: String(env.poolSize),
  };
  return startServerProcess({
    name: `postgraphile-${name}`,
    script: join(peersDir(root), `postgraphile-${name}.server.mjs`),
    env: childEnv,
    port,
  });
}
