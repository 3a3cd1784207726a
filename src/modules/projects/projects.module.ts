import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import type { LinkRelationOptions } from '../../common/table-api/table-api.js';
import { Issuetype } from '../workflow/issuetype.entity.js';
import { Status } from '../workflow/status.entity.js';
import { ProjectIssuetype } from './project-issuetype.entity.js';
import { ProjectStatus } from './project-status.entity.js';
import { Project } from './project.entity.js';
import { projectsMutations } from './projects.mutations.js';

// The join tables also read as plain many-to-many connections in both directions.
const joinTable = (table: string, parent: string, child: string) => (ids: string) =>
  `select "${parent}" as "__parent", "${child}" as "child" from "${table}" where "${parent}" = any(${ids})`;

const links: LinkRelationOptions[] = [
  {
    owner: Project,
    field: 'issuetypes',
    linkSql: joinTable('projects_issuetypes', 'project_id', 'issuetype_id'),
    on: [['child', 'id']],
  },
  {
    owner: Project,
    field: 'statuses',
    linkSql: joinTable('projects_statuses', 'project_id', 'status_id'),
    on: [['child', 'id']],
  },
  {
    owner: Issuetype,
    field: 'projects',
    linkSql: joinTable('projects_issuetypes', 'issuetype_id', 'project_id'),
    on: [['child', 'id']],
  },
  {
    owner: Status,
    field: 'projects',
    linkSql: joinTable('projects_statuses', 'status_id', 'project_id'),
    on: [['child', 'id']],
  },
];

export const projectsModule: GatewayModule = {
  name: 'projects',
  tables: [
    {
      entity: Project,
      read: isAuthenticated,
      naturalKeys: [
        {
          field: 'projectByKey',
          keys: ['key'],
          description: 'A project by its Jira key (unique per client).',
        },
      ],
    },
    { entity: ProjectIssuetype, read: isAuthenticated },
    { entity: ProjectStatus, read: isAuthenticated },
  ],
  links,
  mutations: projectsMutations,
};
