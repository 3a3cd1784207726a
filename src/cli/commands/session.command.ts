import { Command, Option } from 'commander';

import { User } from '../../modules/users/user.entity.js';
import { revokeSessions } from '../../modules/users/user-sessions.js';
import { positiveInteger, withDatabase } from '../cli-run.js';
import type { CliRun } from '../cli-run.js';

interface RevokeFlags {
  id?: number;
  email?: string;
}

/**
 * `pulse session revoke`: ends sessions as the operator (the tables' owner, any client). Their tokens
 * are refused once the gateway re-checks credentials (AUTH_RECHECK_SECONDS, 5 s by default).
 */
export function sessionCommand(run: CliRun): Command {
  const revoke = new Command('revoke')
    .description('revoke one session (--id) or every active session of a user (--email)')
    .addOption(new Option('--id <n>', 'the session id (claim sid of its token)').argParser(positiveInteger))
    .addOption(new Option('--email <email>', "revoke all of this user's active sessions").conflicts('id'))
    .action((flags: RevokeFlags) => {
      if (flags.id === undefined && flags.email === undefined) {
        run.warn('pulse session revoke: give --id <n> or --email <email>');
        run.exitCode = 2;
        return;
      }
      return withDatabase(run, async (database) => {
        const em = database.fork();
        let userId: number | undefined;
        if (flags.email !== undefined) {
          const user = await em.findOne(User, { email: flags.email }, { filters: false });
          if (!user) {
            run.warn(`pulse session revoke: no user with email ${flags.email}`);
            run.exitCode = 1;
            return;
          }
          userId = user.id;
        }
        const revoked = await revokeSessions(em, { sessionId: flags.id, userId });
        if (revoked === 0) {
          run.warn('pulse session revoke: no active session matched (already revoked, or no such session)');
          run.exitCode = 1;
          return;
        }
        run.print(`revoked ${revoked} session${revoked === 1 ? '' : 's'}`);
      });
    });
  return new Command('session').description('manage login sessions').addCommand(revoke);
}
