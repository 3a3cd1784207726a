import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';

import { badUserInput, unauthenticated } from '../../common/errors.js';
import type { Context } from '../../context/context.js';
import { revokeSessions } from './user-sessions.js';

@Resolver()
export class UserSessionsResolver {
  @Mutation(() => Int, {
    description:
      "Revokes one session (sessionId) or all of a user's active sessions (userId) of the admin's client; " +
      'their tokens are refused within the credential re-check interval. Returns how many were revoked.',
  })
  async revokeSessions(
    @Ctx() { viewer, em, database }: Context,
    @Arg('sessionId', () => Int, { nullable: true }) sessionId?: number | null,
    @Arg('userId', () => Int, { nullable: true }) userId?: number | null,
  ): Promise<number> {
    if (!viewer) throw unauthenticated();
    if (sessionId == null && userId == null) {
      throw badUserInput('give sessionId or userId: which sessions to revoke', 'sessionId');
    }
    // Another client's session or user matches nothing, like a missing one.
    return revokeSessions(em, {
      clientId: viewer.clientId,
      sessionId: sessionId ?? undefined,
      userId: userId ?? undefined,
      statementTimeoutMs: database.statementTimeouts.requestMs,
    });
  }
}
