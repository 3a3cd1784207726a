import { entitiesOf } from '../common/gateway-module.js';
import type { GatewayModule } from '../common/gateway-module.js';
import { clientsModule } from './clients/clients.module.js';
import { doraModule } from './dora/dora.module.js';
import { integrationsModule } from './integrations/integrations.module.js';
import { issuesModule } from './issues/issues.module.js';
import { mlMonitoringModule } from './ml-monitoring/ml-monitoring.module.js';
import { projectsModule } from './projects/projects.module.js';
import { pullRequestsModule } from './pull-requests/pull-requests.module.js';
import { settingsModule } from './settings/settings.module.js';
import { usersModule } from './users/users.module.js';
import { workflowModule } from './workflow/workflow.module.js';

/**
 * The modules that own tables. Kept apart from the full list (index.ts) because the ingest module's
 * record formats are derived from these tables' metadata: listing ingest here would make it depend on
 * itself.
 */
export const TABLE_MODULES: readonly GatewayModule[] = [
  clientsModule,
  usersModule,
  projectsModule,
  issuesModule,
  pullRequestsModule,
  workflowModule,
  settingsModule,
  doraModule,
  integrationsModule,
  mlMonitoringModule,
];

/** The ORM's entities: every table of every module. */
export const GATEWAY_ENTITIES = entitiesOf(TABLE_MODULES);
