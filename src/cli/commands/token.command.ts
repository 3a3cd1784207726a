import { Command } from 'commander';

import { TokenService, devSecretFile } from '../../auth/tokens.js';
import type { Config } from '../../config/config.js';
import { positiveInteger, withDatabase } from '../cli-run.js';
import type { CliRun } from '../cli-run.js';
import { mintTokenForEmail } from '../demo-tokens.js';

export function tokenCommand(run: CliRun): Command {
  return new Command('token')
    .description('print a signed bearer token for a user (claims sub, client_id, role, exp)')
    .requiredOption('--email <email>', "the user's email")
    .option('--ttl-seconds <n>', 'lifetime of the token', positiveInteger)
    .action((flags: { email: string; ttlSeconds?: number }) =>
      withDatabase(run, async (database) => {
        const tokens = await TokenService.fromConfig(run.config.jwt, cliDevSecretFile(run.config));
        run.print(await mintTokenForEmail(database.fork(), tokens, flags.email, flags.ttlSeconds));
      }),
    );
}

/** The CLI signs with the same development secret as an embedded server, when JWT_SECRET is unset. */
function cliDevSecretFile(config: Config): string | null {
  return config.databaseUrl ? null : devSecretFile(config.embeddedDataDir);
}
