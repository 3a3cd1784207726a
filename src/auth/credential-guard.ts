import type { LogContext } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/sql';

import type { SecurityConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { ROLES } from './roles.js';
import type { Role } from './roles.js';
import { InvalidTokenError } from './tokens.js';
import type { TokenService, Viewer } from './tokens.js';

type CredentialConfig = SecurityConfig['credentials'];

interface StandingRow {
  user_active: boolean;
  role: string | null;
  is_admin: boolean | null;
  client_active: boolean;
  session_id: number | null;
  session_active: boolean | null;
  session_user_id: number | null;
  expires_at: Date | string | null;
}

/** What the database said about a token's user, client and session, and when it said it. */
interface Standing {
  checkedAt: number;
  /** Why the token is refused, or null when it stands. */
  refusal: string | null;
  /** The user's current role: a token never carries more than its user has now. */
  currentRole: Role;
  sessionExpiresAt: number | null;
}

/**
 * Credential checks are bookkeeping: kept out of the SQL log and out of tests that count a request's
 * statements, like the read router's probes.
 */
const BOOKKEEPING: LogContext = { enabled: false, label: 'credential-guard' };

const MAX_REMEMBERED = 50_000;

// `etl` ranks lowest: it may only ingest, so a user turned into a service account loses every read at once.
const ROLE_RANK: Record<Role, number> = { etl: -1, viewer: 0, user: 1, admin: 2 };

/**
 * A signature proves who a token was issued to, not that its user, client or session still stand. The
 * guard asks the database, at most once per `recheckSeconds` per (client, user, session): a user
 * deactivated or deleted, a client deactivated, a session revoked (`active = false`) or expired stops
 * the token within that bound on every operation. A role lowered since the token was issued applies
 * within the same bound (a raised one needs a new token). Tokens without a session id are refused
 * unless service accounts are allowed.
 */
export class CredentialGuard {
  private readonly standings = new Map<string, Standing>();
  private readonly pending = new Map<string, Promise<Standing>>();

  constructor(
    private readonly database: Pick<Database, 'orm'>,
    private readonly config: CredentialConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** The viewer the request acts as, or InvalidTokenError (answered 401) saying why not. */
  async confirm(viewer: Viewer): Promise<Viewer> {
    const sessionId = viewer.sessionId ?? null;
    if (sessionId === null && !this.config.allowSessionlessTokens) {
      throw new InvalidTokenError('token has no session id (sid); sign in again');
    }
    const key = `${viewer.clientId}:${viewer.userId}:${sessionId ?? '-'}`;
    let standing = this.standings.get(key);
    if (!standing || this.now() - standing.checkedAt >= this.config.recheckSeconds * 1000) {
      standing = await this.lookUpOnce(key, viewer, sessionId);
    }
    if (standing.refusal) throw new InvalidTokenError(standing.refusal);
    if (standing.sessionExpiresAt !== null && standing.sessionExpiresAt <= this.now()) {
      throw new InvalidTokenError('session has expired; sign in again');
    }
    const role =
      ROLE_RANK[standing.currentRole] < ROLE_RANK[viewer.role] ? standing.currentRole : viewer.role;
    return { ...viewer, role };
  }

  /** Forgets every answer, so the next request of each token asks the database again. */
  forget(): void {
    this.standings.clear();
  }

  private lookUpOnce(key: string, viewer: Viewer, sessionId: number | null): Promise<Standing> {
    let lookup = this.pending.get(key);
    if (!lookup) {
      lookup = this.lookUp(viewer, sessionId)
        .then((standing) => {
          this.remember(key, standing);
          return standing;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, lookup);
    }
    return lookup;
  }

  private remember(key: string, standing: Standing): void {
    this.standings.delete(key);
    if (this.standings.size >= MAX_REMEMBERED) {
      const oldest = this.standings.keys().next().value;
      if (oldest !== undefined) this.standings.delete(oldest);
    }
    this.standings.set(key, standing);
  }

  private async lookUp(viewer: Viewer, sessionId: number | null): Promise<Standing> {
    // The primary has revocations first; when it cannot answer, a replica is the best we have (its lag
    // adds to the bound) rather than refusing every caller.
    let rows: StandingRow[];
    try {
      rows = await this.query('write', viewer, sessionId);
    } catch {
      rows = await this.query('read', viewer, sessionId);
    }
    const checkedAt = this.now();
    const [row] = rows;
    if (!row || !row.user_active) {
      return refused(checkedAt, 'token does not match an active user of its client');
    }
    if (!row.client_active) return refused(checkedAt, 'the client of this token is deactivated');
    if (sessionId !== null) {
      if (row.session_id === null || row.session_user_id !== viewer.userId) {
        return refused(checkedAt, 'session not found; sign in again');
      }
      if (!row.session_active) return refused(checkedAt, 'session has been revoked; sign in again');
    }
    const currentRole: Role = row.is_admin
      ? 'admin'
      : (ROLES as readonly string[]).includes(row.role ?? '')
        ? (row.role as Role)
        : 'viewer';
    return {
      checkedAt,
      refusal: null,
      currentRole,
      sessionExpiresAt: row.expires_at === null ? null : new Date(row.expires_at).getTime(),
    };
  }

  private async query(
    type: 'read' | 'write',
    viewer: Viewer,
    sessionId: number | null,
  ): Promise<StandingRow[]> {
    const connection = this.database.orm.em.getConnection(type) as unknown as AbstractSqlConnection;
    // Row level security shows the runtime role only the rows of the client set for the transaction.
    return connection.transactional(
      async (trx) => {
        await connection.execute(
          "select set_config('pulse.client_id', ?, true)",
          [String(viewer.clientId)],
          'all',
          trx,
          BOOKKEEPING,
        );
        return (await connection.execute(
          `select u.active as user_active, u.role, u.is_admin, c.active as client_active,
                  s.id as session_id, s.active as session_active, s.user_id as session_user_id, s.expires_at
             from users u
             join clients c on c.id = u.client_id
             left join user_sessions s on s.id = ? and s.client_id = u.client_id
            where u.id = ? and u.client_id = ?`,
          [sessionId ?? 0, viewer.userId, viewer.clientId],
          'all',
          trx,
          BOOKKEEPING,
        )) as StandingRow[];
      },
      { loggerContext: BOOKKEEPING },
    );
  }
}

function refused(checkedAt: number, refusal: string): Standing {
  return { checkedAt, refusal, currentRole: 'viewer', sessionExpiresAt: null };
}

/** Verifies the signature, then the standing of the token's user, client and session. */
export async function authenticateBearer(
  token: string,
  tokens: TokenService,
  credentials: CredentialGuard,
): Promise<Viewer> {
  return credentials.confirm(await tokens.verify(token));
}
