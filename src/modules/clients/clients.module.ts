import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import { Client } from './client.entity.js';

export const clientsModule: GatewayModule = {
  name: 'clients',
  // The tenant filter scopes `clients` to the viewer's own row: `clients` lists one client, theirs.
  tables: [{ entity: Client, read: isAuthenticated }],
};
