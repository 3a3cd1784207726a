import type { Rel } from '@mikro-orm/core';
import { Entity, Filter, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ForeignKeyId, VectorRecord } from '../../common/base.entities.js';
import { TENANT_FILTER, tenantCondition } from '../../common/tenant-filter.js';
import { Issuetype } from '../workflow/issuetype.entity.js';
import { Project } from './project.entity.js';

/**
 * Which issue types a project uses. The predecessor allowed duplicate pairs; a composite primary key
 * forbids them. The table has no client_id: its tenant is the project's.
 */
@ObjectType({ description: 'Link between a project and an issue type it uses.' })
@Entity({ tableName: 'projects_issuetypes' })
@Filter({ name: TENANT_FILTER, cond: tenantCondition('project.client'), default: true })
export class ProjectIssuetype extends VectorRecord {
  @Field(() => Project, { nullable: true, description: "The Project this row's project_id points at." })
  @ManyToOne({ entity: () => Project, primary: true, index: true, deleteRule: 'cascade' })
  project!: Rel<Project>;

  @ForeignKeyId()
  projectId?: number;

  @Field(() => Issuetype, { nullable: true, description: "The Issuetype this row's issuetype_id points at." })
  @ManyToOne({ entity: () => Issuetype, primary: true, index: true, deleteRule: 'cascade' })
  issuetype!: Rel<Issuetype>;

  @ForeignKeyId()
  issuetypeId?: number;
}
