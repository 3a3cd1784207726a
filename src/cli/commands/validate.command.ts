import { Command } from 'commander';

import { openDatabase } from '../../db/database.js';
import { validateDatabase } from '../../validate/validate-database.js';
import { validationJson, validationText } from '../../validate/validation-output.js';
import type { CliRun } from '../cli-run.js';
import { GATEWAY_ENTITIES } from '../../modules/index.js';

interface ValidateFlags {
  json?: boolean;
}

/** Exit codes: 0 no error (warnings allowed), 1 at least one error, 2 the checks could not run. */
export function validateCommand(run: CliRun): Command {
  return new Command('validate')
    .description(
      "check the database's integrity, read-only: foreign_key, cross_client, duplicate, embedding, enum, " +
        'sequence, ml_rule. Exit 0: no error; 1: errors found; 2: could not run. Connects as DATABASE_OWNER_URL',
    )
    .option('--json', 'print the report as JSON: { ok, checks: [{ name, table, severity, count, sample }] }')
    .action(async (flags: ValidateFlags) => {
      let report;
      try {
        // The owner: the runtime role is subject to row level security and would see no tenant rows.
        const database = await openDatabase(
          {
            ...run.config,
            databaseUrl: run.config.databaseOwnerUrl,
            replicaUrls: [],
          },
          { entities: GATEWAY_ENTITIES },
        );
        try {
          report = await validateDatabase(database);
        } finally {
          await database.close();
        }
      } catch (error) {
        run.warn(`pulse validate: could not run: ${error instanceof Error ? error.message : String(error)}`);
        run.exitCode = 2;
        return;
      }
      run.print(flags.json ? validationJson(report) : validationText(report));
      run.exitCode = report.ok ? 0 : 1;
    });
}
