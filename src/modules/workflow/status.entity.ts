import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { IssueChangelog } from '../issues/issue-changelog.entity.js';
import { Issue } from '../issues/issue.entity.js';
import { ProjectStatus } from '../projects/project-status.entity.js';
import { Project } from '../projects/project.entity.js';
import { StatusMapping } from './status-mapping.entity.js';

/** A status as the source system (Jira) names it. */
@ObjectType()
@Entity({ tableName: 'statuses' })
// The ETL import's natural key (upserts by it).
@Unique({ name: 'uk_statuses_client_external_id', properties: ['client', 'externalId'] })
export class Status extends TenantEntity {
  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Field(() => String)
  @Index()
  @Property({ type: 'text' })
  originalName!: string;

  @Field(() => StatusMapping, {
    nullable: true,
    description: "The StatusMapping this row's status_mapping_id points at.",
  })
  @ManyToOne({ entity: () => StatusMapping, nullable: true, index: true })
  statusMapping?: Rel<StatusMapping> | null;

  @ForeignKeyId({ nullable: true })
  statusMappingId?: number | null;

  @Field(() => String)
  @Property({ type: 'text' })
  category!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;

  @ConnectionField(() => ProjectStatus, { description: 'projectStatuses whose status_id is this row.' })
  @OneToMany({ entity: () => ProjectStatus, mappedBy: 'status' })
  projectStatuses = new Collection<ProjectStatus>(this);

  @ConnectionField(() => Issue, { description: 'issues whose status_id is this row.' })
  @OneToMany({ entity: () => Issue, mappedBy: 'status' })
  issues = new Collection<Issue>(this);

  @ConnectionField(() => IssueChangelog, { description: 'issueChangelogs whose from_status_id is this row.' })
  @OneToMany({ entity: () => IssueChangelog, mappedBy: 'fromStatus' })
  issueChangelogsByFromStatusId = new Collection<IssueChangelog>(this);

  @ConnectionField(() => IssueChangelog, { description: 'issueChangelogs whose to_status_id is this row.' })
  @OneToMany({ entity: () => IssueChangelog, mappedBy: 'toStatus' })
  issueChangelogsByToStatusId = new Collection<IssueChangelog>(this);

  /** A link through projects_statuses, not an ORM relation; its SQL is in projects.module.ts. */
  @ConnectionField(() => Project, { description: 'Projects that use this status.' })
  readonly projects?: never;
}
