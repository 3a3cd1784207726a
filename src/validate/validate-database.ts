import { IsolationLevel } from '@mikro-orm/core';

import type { Database } from '../db/database.js';
import { entityMetadata } from '../db/entity-metadata.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';
import { buildIntegrityChecks } from './integrity-checks.js';
import { runValidation } from './run-validation.js';
import type { ValidationReport } from './run-validation.js';

/**
 * Validates the database `database` is connected to (its primary), read-only: one repeatable-read,
 * read-only transaction, so the checks see one snapshot and cannot write. Used by `pulse validate` and
 * at the end of the commands that bring data in.
 */
export async function validateDatabase(database: Database): Promise<ValidationReport> {
  const checks = buildIntegrityChecks(entityMetadata(GATEWAY_ENTITIES));
  const em = database.fork();
  return em.transactional(
    (tx) =>
      runValidation(
        (sql) =>
          tx.getConnection().execute(sql, [], 'all', tx.getTransactionContext()) as Promise<
            Record<string, unknown>[]
          >,
        checks,
      ),
    { readOnly: true, isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
}
