import { execFile } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { withPgClient } from '../db/pg-client.js';

const run = promisify(execFile);

/**
 * A PostgreSQL 15 primary and streaming replica of a test's own, in a temporary folder on free ports.
 * Tests that pause replay or provoke recovery conflicts need one: the shared cluster of `npm run db:up`
 * serves every other test at the same time, and its replica must keep replaying.
 */
export interface PrivateCluster {
  /** The superuser `postgres` on the primary's database `pulse` (migrations, test data). */
  primaryUrl: string;
  /** The same on the replica. */
  replicaUrl: string;
  /** Stops replay on the replica (`pg_wal_replay_pause()`) until resumeReplay; it stays readable. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Resolves once the replica has replayed everything the primary had written when called. */
  waitForReplica(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Debian's layout, as scripts/db/up.sh uses it; PG_BIN overrides it. */
function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql (set PG_BIN)');
  return join(root, versions[0]!, 'bin');
}

/** initdb and postgres refuse to run as root; as root the cluster belongs to the `postgres` user. */
const asRoot = process.getuid?.() === 0;

async function pg(binary: string, args: string[]): Promise<void> {
  const command = join(pgBin(), binary);
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', 'env', '-C', '/', command, ...args]]
    : [command, args];
  try {
    await run(file, argv, { timeout: 120_000 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${binary} failed: ${(stderr || stdout || String(error)).slice(0, 2000)}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the pair: initdb, a primary tuned for speed (fsync off, as the shared test cluster), a replica
 * cloned with pg_basebackup that cancels conflicting queries at once (max_standby_streaming_delay = 0,
 * no hot_standby_feedback) so a test can provoke a recovery conflict without waiting 30 s.
 */
export async function startPrivateCluster(label: string): Promise<PrivateCluster> {
  const root = mkdtempSync(join(tmpdir(), `pulse-${label}-`));
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    chownSync(root, uid, gid);
  }
  const primaryData = join(root, 'primary');
  const replicaData = join(root, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = async () => {
    for (const data of started.reverse()) {
      await pg('pg_ctl', ['stop', '-s', '-w', '-t', '30', '-D', data, '-m', 'immediate']).catch(
        () => undefined,
      );
    }
    started.length = 0;
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await pg('initdb', [
      '-D',
      primaryData,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-instructions',
    ]);
    writeFileSync(
      join(primaryData, 'pg_hba.conf'),
      'local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
    );
    appendFileSync(
      join(primaryData, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${root}'`,
        'max_connections = 60',
        'shared_buffers = 32MB',
        'wal_level = replica',
        'max_wal_senders = 4',
        'fsync = off',
        'full_page_writes = off',
        // Commits wait for their WAL to be flushed (not fsynced: fsync is off), so a committed write is
        // at or below the flush position the read router samples.
        'synchronous_commit = on',
        'hot_standby = on',
        'hot_standby_feedback = off',
        'max_standby_streaming_delay = 0',
        'wal_receiver_status_interval = 1s',
        'autovacuum = off',
      ].join('\n') + '\n',
    );
    await pg('pg_ctl', ['start', '-s', '-w', '-t', '60', '-D', primaryData, '-l', join(root, 'primary.log')]);
    started.push(primaryData);
    const primaryAdmin = `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`;
    await withPgClient(primaryAdmin, (client) => client.query('create database pulse'));
    await pg('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaData,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
    ]);
    appendFileSync(join(replicaData, 'postgresql.conf'), `port = ${replicaPort}\n`);
    await pg('pg_ctl', ['start', '-s', '-w', '-t', '60', '-D', replicaData, '-l', join(root, 'replica.log')]);
    started.push(replicaData);
  } catch (error) {
    await stop();
    throw error;
  }
  const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/pulse`;
  const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/pulse`;
  const waitForReplica = async (timeoutMs = 15_000) => {
    const [{ lsn }] = await withPgClient(primaryUrl, (c) =>
      c.query<{ lsn: string }>('select pg_current_wal_flush_lsn()::text as lsn').then((r) => r.rows),
    );
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const caughtUp = await withPgClient(replicaUrl, (c) =>
        c
          .query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [lsn])
          .then((r) => r.rows[0]?.ok === true),
      ).catch(() => false);
      if (caughtUp) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`the private replica did not catch up within ${timeoutMs} ms`);
  };
  await waitForReplica(60_000);
  return {
    primaryUrl,
    replicaUrl,
    pauseReplay: async () => {
      await withPgClient(replicaUrl, async (client) => {
        await client.query('select pg_wal_replay_pause()');
        // Pausing is requested, then takes effect at the next record boundary.
        for (let i = 0; i < 500; i++) {
          const { rows } = await client.query<{ state: string }>(
            'select pg_get_wal_replay_pause_state() as state',
          );
          if (rows[0]?.state === 'paused') return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        throw new Error('replay did not pause');
      });
    },
    resumeReplay: () =>
      withPgClient(replicaUrl, (client) => client.query('select pg_wal_replay_resume()')).then(
        () => undefined,
      ),
    waitForReplica,
    stop,
  };
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}
