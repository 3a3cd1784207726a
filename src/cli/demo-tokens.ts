import type { SqlEntityManager } from '@mikro-orm/sql';

import { isRole } from '../auth/roles.js';
import type { TokenService, Viewer } from '../auth/tokens.js';
import { User } from '../modules/users/user.entity.js';
import { openSession } from '../modules/users/user-sessions.js';

export class UnknownUserError extends Error {}

/**
 * The viewer a token for this email would carry. Runs with the tenant filter off: the CLI acts for the
 * operator, who may mint a token for any client's user.
 */
export async function viewerForEmail(em: SqlEntityManager, email: string): Promise<Viewer> {
  const user = await em.findOne(User, { email, active: true }, { filters: false });
  if (!user) throw new UnknownUserError(`no active user with email ${email}`);
  const role = user.isAdmin ? 'admin' : isRole(user.role) ? user.role : 'viewer';
  return { userId: user.id, clientId: user.client.id, role };
}

/** A token for the user's new session (a `user_sessions` row that `pulse session revoke` can end). */
export async function mintTokenForEmail(
  em: SqlEntityManager,
  tokens: TokenService,
  email: string,
  ttlSeconds?: number,
): Promise<string> {
  const { token } = await openSession(em, tokens, await viewerForEmail(em, email), { ttlSeconds });
  return token;
}
