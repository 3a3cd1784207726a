import { execFile } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The backup could not be taken or read back; nothing was migrated. */
export class BackupError extends Error {}

/**
 * Finds a PostgreSQL client tool: on PATH first, else in Debian's versioned folders
 * (/usr/lib/postgresql/<version>/bin, newest first), where the postgresql-client packages put them
 * without always linking them onto PATH.
 */
export function locatePgTool(
  tool: 'pg_dump' | 'pg_restore',
  path = process.env.PATH ?? '',
  versioned = '/usr/lib/postgresql',
): string | null {
  const candidates = path
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, tool));
  try {
    const versions = readdirSync(versioned)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(versioned, version, 'bin', tool)));
  } catch {
    // No Debian PostgreSQL folders: PATH was the only place to look.
  }
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not there; try the next place.
    }
  }
  return null;
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** Entries `pg_restore --list` found in the dump (tables, data, indexes, constraints...). */
  entries: number;
}

/**
 * A `pg_dump` custom-format dump of the whole database at `url` into `file`, read back with
 * `pg_restore --list` to prove it is readable. The password travels in the environment, not on the
 * command line, so it never shows in the process list.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const pgDump = locatePgTool('pg_dump');
  const pgRestore = locatePgTool('pg_restore');
  if (!pgDump || !pgRestore) {
    throw new BackupError(
      `--backup needs pg_dump and pg_restore (PostgreSQL client tools, the server's major version or newer); ` +
        `none found on PATH or in /usr/lib/postgresql/*/bin. Install postgresql-client, or migrate without --backup ` +
        `after taking a backup yourself. Nothing was migrated.`,
    );
  }
  const parsed = new URL(url);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(parsed.password) };
  parsed.password = '';
  try {
    await run(pgDump, ['--format=custom', `--file=${file}`, `--dbname=${parsed.toString()}`], { env });
    const { stdout } = await run(pgRestore, ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
    const entries = stdout.split('\n').filter((line) => /^\d+;/.test(line)).length;
    if (entries === 0) throw new BackupError(`pg_restore --list found nothing in ${file}`);
    return { file, bytes: statSync(file).size, entries };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(
      `the backup failed, so nothing was migrated: ${stderr || (error as Error).message}`,
    );
  }
}
