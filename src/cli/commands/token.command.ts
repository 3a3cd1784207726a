import { Command } from 'commander';

import { TokenService, devSecretFile } from '../../auth/tokens.js';
import type { Config } from '../../config/config.js';
import { positiveInteger, withDatabase } from '../cli-run.js';
import type { CliRun } from '../cli-run.js';
import { openSession } from '../../modules/users/user-sessions.js';
import { mintTokenForEmail } from '../demo-tokens.js';
import { etlViewerForClient } from '../etl-account.js';

export function tokenCommand(run: CliRun): Command {
  return new Command('token')
    .description('print a signed bearer token for a user (claims sub, client_id, role, exp)')
    .option('--email <email>', "the user's email")
    .option('--etl <client>', "a token for the client's ETL service account (role etl; created if missing)")
    .option('--ttl-seconds <n>', 'lifetime of the token', positiveInteger)
    .action((flags: { email?: string; etl?: string; ttlSeconds?: number }, command: Command) => {
      if (Boolean(flags.email) === Boolean(flags.etl))
        command.error('give either --email <email> or --etl <client>');
      return withDatabase(run, async (database) => {
        const tokens = await TokenService.fromConfig(run.config.jwt, cliDevSecretFile(run.config));
        if (flags.etl) {
          const viewer = await etlViewerForClient(database.fork(), flags.etl);
          if (!viewer) {
            run.warn(`no active client with id or name ${JSON.stringify(flags.etl)}`);
            run.exitCode = 2;
            return;
          }
          // The service account's token is tied to a session like any other, so it can be revoked.
          const session = await openSession(database.fork(), tokens, viewer, {
            ...(flags.ttlSeconds !== undefined ? { ttlSeconds: flags.ttlSeconds } : {}),
          });
          run.print(session.token);
          return;
        }
        run.print(await mintTokenForEmail(database.fork(), tokens, flags.email!, flags.ttlSeconds));
      });
    });
}

/** The CLI signs with the same development secret as an embedded server, when JWT_SECRET is unset. */
function cliDevSecretFile(config: Config): string | null {
  return config.databaseUrl ? null : devSecretFile(config.embeddedDataDir);
}
