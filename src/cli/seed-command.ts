import type { SqlEntityManager } from '@mikro-orm/sql';

import type { Progress } from '../common/bulk/progress.js';
import { Client } from '../modules/clients/client.entity.js';
import { seedDemoData } from './seed/demo-data.js';
import type { SeedOptions, SeedSummary } from './seed/demo-data.js';

/** Loads the demo data set in one transaction, unless the database already holds clients. */
export async function seedIfEmpty(
  em: SqlEntityManager,
  options: Partial<SeedOptions> = {},
  progress?: Progress,
): Promise<SeedSummary | null> {
  // Asked of the primary: a replica may not have replayed a migration that just ran.
  const existing = await em.count(Client, {}, { filters: false, connectionType: 'write' });
  if (existing > 0) return null;
  return em.transactional((tx) =>
    seedDemoData(
      {
        execute: (sql, params) =>
          tx.getConnection().execute(sql, params ?? [], 'all', tx.getTransactionContext()) as Promise<
            Record<string, unknown>[]
          >,
      },
      options,
      progress,
    ),
  );
}
