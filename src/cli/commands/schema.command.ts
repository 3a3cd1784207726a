import { Command } from 'commander';

import { checkSchemaFile, writeSchemaFile } from '../../graphql/schema-file.js';
import type { CliRun } from '../cli-run.js';

export function schemaCommand(run: CliRun): Command {
  return new Command('schema')
    .description('write schema/schema.graphql from the code, or check that the committed file matches')
    .option('--check', 'fail if the committed SDL differs from the code')
    .action(async (flags: { check?: boolean }) => {
      if (!flags.check) {
        run.print(`wrote ${await writeSchemaFile()}`);
        return;
      }
      const problem = await checkSchemaFile();
      if (problem) {
        run.warn(problem);
        run.exitCode = 1;
        return;
      }
      run.print('schema/schema.graphql matches the code');
    });
}
