import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import { sameRule } from '../../common/field-rules.js';
import { ViewerResolver } from './viewer.resolver.js';

export const viewerModule: GatewayModule = {
  name: 'viewer',
  tables: [],
  resolvers: [ViewerResolver],
  rules: {
    Query: { viewer: isAuthenticated },
    Viewer: sameRule(['user', 'client', 'role'], isAuthenticated),
  },
};
