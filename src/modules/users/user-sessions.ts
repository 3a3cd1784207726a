import { createHash } from 'node:crypto';

import type { SqlEntityManager } from '@mikro-orm/sql';

import { statementTimeoutSetting } from '../../db/statement-timeout.js';
import { UserSession } from './user-session.entity.js';
import type { TokenService, Viewer } from '../../auth/tokens.js';

export const DEFAULT_SESSION_TTL_SECONDS = 8 * 60 * 60;

export interface SessionToken {
  token: string;
  sessionId: number;
  expiresAt: Date;
}

/** Only the hash of a token is kept: a leaked `user_sessions` table cannot be replayed. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Opens a `user_sessions` row for the viewer and signs a token that carries its id (`sid`) and expires
 * with it. The row and the token are made in one transaction: the id goes into the token, the token's
 * hash into the row.
 */
export async function openSession(
  em: SqlEntityManager,
  tokens: TokenService,
  viewer: Viewer,
  options: { ttlSeconds?: number; ipAddress?: string | null; userAgent?: string | null } = {},
): Promise<SessionToken> {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const expiresAt = new Date((Math.floor(Date.now() / 1000) + ttlSeconds) * 1000);
  return em.transactional(async (tx) => {
    const session = tx.create(UserSession, {
      client: viewer.clientId,
      user: viewer.userId,
      tokenHash: 'pending',
      expiresAt,
      ipAddress: options.ipAddress ?? null,
      userAgent: options.userAgent ?? null,
    });
    await tx.flush();
    const token = await tokens.sign({ ...viewer, sessionId: session.id }, ttlSeconds);
    session.tokenHash = tokenHash(token);
    await tx.flush();
    return { token, sessionId: session.id, expiresAt };
  });
}

export interface SessionSelector {
  clientId?: number;
  sessionId?: number;
  userId?: number;
  /** A request's statement timeout (the CLI runs without one). */
  statementTimeoutMs?: number;
}

/**
 * Revokes (sets inactive) the active sessions matching the selector; their tokens stop within the
 * credential re-check interval. Returns how many were revoked. At least one of session or user must
 * be given: revoking a whole client at once is not something to do by omission.
 */
export async function revokeSessions(em: SqlEntityManager, selector: SessionSelector): Promise<number> {
  if (selector.sessionId === undefined && selector.userId === undefined) {
    throw new Error('say which sessions to revoke: a session id or a user id');
  }
  const where: Record<string, unknown> = { active: true };
  if (selector.clientId !== undefined) where.client = selector.clientId;
  if (selector.sessionId !== undefined) where.id = selector.sessionId;
  if (selector.userId !== undefined) where.user = selector.userId;
  return em.transactional(async (tx) => {
    if (selector.clientId !== undefined) {
      // Row level security: the runtime role sees (and updates) only the rows of the client it acts for.
      await tx.execute("select set_config('pulse.client_id', ?, true)", [String(selector.clientId)]);
    }
    if (selector.statementTimeoutMs !== undefined) {
      await tx.execute("select set_config('statement_timeout', ?, true)", [
        statementTimeoutSetting(selector.statementTimeoutMs),
      ]);
    }
    return tx.nativeUpdate(
      UserSession,
      where,
      { active: false, lastUpdatedAt: new Date() },
      { filters: false },
    );
  });
}
