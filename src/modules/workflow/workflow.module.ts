import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import { IssuetypeHierarchy } from './issuetype-hierarchy.entity.js';
import { IssuetypeMapping } from './issuetype-mapping.entity.js';
import { Issuetype } from './issuetype.entity.js';
import { StatusMapping } from './status-mapping.entity.js';
import { Status } from './status.entity.js';
import { Workflow } from './workflow.entity.js';
import { workflowMutations } from './workflow.mutations.js';

export const workflowModule: GatewayModule = {
  name: 'workflow',
  tables: [Status, StatusMapping, Issuetype, IssuetypeMapping, IssuetypeHierarchy, Workflow].map(
    (entity) => ({
      entity,
      read: isAuthenticated,
    }),
  ),
  mutations: workflowMutations,
};
