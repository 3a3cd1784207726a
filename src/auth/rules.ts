import { rule } from 'graphql-shield';

import { forbidden, unauthenticated } from '../common/errors.js';
import type { Context } from '../context/context.js';
import type { Role } from './roles.js';

/**
 * The three access levels of the API. Each answers UNAUTHENTICATED for a caller without a token and
 * FORBIDDEN for one whose role is too low, so clients can tell "log in" from "not for you". Results are
 * cached per request (`contextual`): a role does not change within a request.
 */
function atLeast(name: string, allowed: readonly Role[]) {
  return rule(name, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return allowed.includes(ctx.viewer.role) ? true : forbidden(`Requires role ${allowed.join(' or ')}`);
  });
}

/** Any signed-in role: viewers read. */
export const isAuthenticated = atLeast('isAuthenticated', ['admin', 'user', 'viewer']);
/** Users and admins edit work data. */
export const canEdit = atLeast('canEdit', ['admin', 'user']);
/** Admins: embeddings, ML monitoring, users and permissions, health details. */
export const isAdmin = atLeast('isAdmin', ['admin']);

/** ETL service accounts and admins: the bulk upserts. */
export const canIngest = atLeast('canIngest', ['admin', 'etl']);

export type AccessRule = typeof isAuthenticated;
