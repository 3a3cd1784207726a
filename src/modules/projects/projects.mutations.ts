import { canEdit } from '../../auth/rules.js';
import { tableMutations } from '../../common/table-api/table-mutations.js';
import type { MutationDefinition } from '../../common/table-api/table-mutations.js';
import { Project } from './project.entity.js';

const projectMutations = tableMutations(Project, {
  rule: canEdit,
  editable: ['key', 'name', 'externalId', 'projectType', 'integrationId'],
});

export const projectsMutations: readonly MutationDefinition[] = [projectMutations];
