import { isAdmin, isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import { UserPermission } from './user-permission.entity.js';
import { UserSession } from './user-session.entity.js';
import { UserSessionsResolver } from './user-sessions.resolver.js';
import { User } from './user.entity.js';
import { usersMutations } from './users.mutations.js';

export const usersModule: GatewayModule = {
  name: 'users',
  // Everyone sees who their colleagues are (assignees, reviewers); sessions and permissions are admin business.
  tables: [
    { entity: User, read: isAuthenticated },
    { entity: UserSession, read: isAdmin },
    { entity: UserPermission, read: isAdmin },
  ],
  mutations: usersMutations,
  resolvers: [UserSessionsResolver],
  rules: { Mutation: { revokeSessions: isAdmin } },
};
