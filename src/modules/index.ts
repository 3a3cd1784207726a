import type { GatewayModule } from '../common/gateway-module.js';
import { consolidationModule } from './consolidation/consolidation-id-map.resolver.js';
import { ingestModule } from './ingest/ingest.resolver.js';
import { TABLE_MODULES } from './table-modules.js';
import { viewerModule } from './viewer/viewer.module.js';

export { GATEWAY_ENTITIES } from './table-modules.js';

/** The gateway's modules: the schema builder and the ORM take everything from this list. */
export const GATEWAY_MODULES: readonly GatewayModule[] = [
  viewerModule,
  ...TABLE_MODULES,
  ingestModule,
  consolidationModule,
];
