import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { Issue } from '../issues/issue.entity.js';
import { Issuetype } from '../workflow/issuetype.entity.js';
import { Status } from '../workflow/status.entity.js';
import { ProjectIssuetype } from './project-issuetype.entity.js';
import { ProjectStatus } from './project-status.entity.js';

/** A Jira project; its key is unique per client (`projectByKey`). */
@ObjectType()
@Entity({ tableName: 'projects' })
@Unique({ name: 'uk_projects_client_key', properties: ['client', 'key'] })
export class Project extends TenantEntity {
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Field(() => String)
  @Index()
  @Property({ type: 'text' })
  key!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  projectType?: string | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;

  @ConnectionField(() => Issue, { description: 'issues whose project_id is this row.' })
  @OneToMany({ entity: () => Issue, mappedBy: 'project' })
  issues = new Collection<Issue>(this);

  @ConnectionField(() => ProjectIssuetype, { description: 'projectIssuetypes whose project_id is this row.' })
  @OneToMany({ entity: () => ProjectIssuetype, mappedBy: 'project' })
  issuetypeLinks = new Collection<ProjectIssuetype>(this);

  @ConnectionField(() => ProjectStatus, { description: 'projectStatuses whose project_id is this row.' })
  @OneToMany({ entity: () => ProjectStatus, mappedBy: 'project' })
  statusLinks = new Collection<ProjectStatus>(this);

  /** A link through projects_issuetypes, not an ORM relation; its SQL is in projects.module.ts. */
  @ConnectionField(() => Issuetype, { description: 'Issue types this project uses.' })
  readonly issuetypes?: never;

  /** A link through projects_statuses, not an ORM relation; its SQL is in projects.module.ts. */
  @ConnectionField(() => Status, { description: 'Statuses this project uses.' })
  readonly statuses?: never;
}
