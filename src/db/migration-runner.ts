import type { Orm } from './database.js';
import { runOnPrimary } from './read-routing.js';

export interface MigrationStatus {
  executed: { name: string; executedAt: Date | null }[];
  pending: string[];
}

/** Applies every pending migration (all in one transaction). Returns the names applied, empty if none. */
export async function migrateUp(orm: Orm): Promise<string[]> {
  const applied = await runOnPrimary(orm, () => orm.migrator.up());
  return applied.map((migration) => migration.name);
}

/** Reverts every applied migration, newest first. Returns the names reverted. */
export async function migrateDown(orm: Orm): Promise<string[]> {
  const reverted = await runOnPrimary(orm, () => orm.migrator.down({ to: 0 }));
  return reverted.map((migration) => migration.name);
}

export async function migrationStatus(orm: Orm): Promise<MigrationStatus> {
  // The bookkeeping table is read on the primary: a replica may not have replayed the last up/down yet.
  // One after the other: on a fresh database both would try to create the bookkeeping table at once.
  const executed = await runOnPrimary(orm, () => orm.migrator.getExecuted());
  const pending = await runOnPrimary(orm, () => orm.migrator.getPending());
  return {
    executed: executed.map((row) => ({ name: row.name, executedAt: row.executed_at ?? null })),
    pending: pending.map((migration) => migration.name),
  };
}
