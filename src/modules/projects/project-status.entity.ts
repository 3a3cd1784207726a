import type { Rel } from '@mikro-orm/core';
import { Entity, Filter, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ForeignKeyId, VectorRecord } from '../../common/base.entities.js';
import { TENANT_FILTER, tenantCondition } from '../../common/tenant-filter.js';
import { Status } from '../workflow/status.entity.js';
import { Project } from './project.entity.js';

/** Which statuses a project uses; composite primary key, tenant through the project. */
@ObjectType({ description: 'Link between a project and a status it uses.' })
@Entity({ tableName: 'projects_statuses' })
@Filter({ name: TENANT_FILTER, cond: tenantCondition('project.client'), default: true })
export class ProjectStatus extends VectorRecord {
  @Field(() => Project, { nullable: true, description: "The Project this row's project_id points at." })
  @ManyToOne({ entity: () => Project, primary: true, index: true, deleteRule: 'cascade' })
  project!: Rel<Project>;

  @ForeignKeyId()
  projectId?: number;

  @Field(() => Status, { nullable: true, description: "The Status this row's status_id points at." })
  @ManyToOne({ entity: () => Status, primary: true, index: true, deleteRule: 'cascade' })
  status!: Rel<Status>;

  @ForeignKeyId()
  statusId?: number;
}
