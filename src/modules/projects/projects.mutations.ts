import { canEdit } from '../../auth/rules.js';
import { defineTableMutations } from '../../common/table-api/table-mutations.js';
import { Project } from './project.entity.js';

defineTableMutations(Project, {
  rule: canEdit,
  editable: ['key', 'name', 'externalId', 'projectType', 'integrationId'],
});
