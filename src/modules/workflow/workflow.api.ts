import { isAuthenticated } from '../../auth/rules.js';
import { defineTableApi } from '../../common/table-api/table-api.js';
import { IssuetypeHierarchy } from './issuetype-hierarchy.entity.js';
import { IssuetypeMapping } from './issuetype-mapping.entity.js';
import { Issuetype } from './issuetype.entity.js';
import { StatusMapping } from './status-mapping.entity.js';
import { Status } from './status.entity.js';
import { Workflow } from './workflow.entity.js';

for (const entity of [Status, StatusMapping, Issuetype, IssuetypeMapping, IssuetypeHierarchy, Workflow]) {
  defineTableApi(entity, { read: isAuthenticated });
}
