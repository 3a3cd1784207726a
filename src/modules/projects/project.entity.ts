import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { Issue } from '../issues/issue.entity.js';
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

  @OneToMany({ entity: () => Issue, mappedBy: 'project' })
  issues = new Collection<Issue>(this);

  @OneToMany({ entity: () => ProjectIssuetype, mappedBy: 'project' })
  issuetypeLinks = new Collection<ProjectIssuetype>(this);

  @OneToMany({ entity: () => ProjectStatus, mappedBy: 'project' })
  statusLinks = new Collection<ProjectStatus>(this);
}
