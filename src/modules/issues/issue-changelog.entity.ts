import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';

import { ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { Status } from '../workflow/status.entity.js';
import { Issue } from './issue.entity.js';

/** One status transition of an issue. */
@ObjectType()
@Entity({ tableName: 'issue_changelogs' })
// The ETL import's natural key (upserts by it).
@Unique({ name: 'uk_issue_changelogs_issue_external_id', properties: ['issue', 'externalId'] })
export class IssueChangelog extends TenantEntity {
  @Field(() => Issue, { nullable: true, description: "The Issue this row's issue_id points at." })
  @ManyToOne({ entity: () => Issue, index: true })
  issue!: Rel<Issue>;

  @ForeignKeyId()
  issueId?: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Field(() => Status, { nullable: true, description: "The Status this row's from_status_id points at." })
  @ManyToOne({ entity: () => Status, nullable: true, index: true })
  fromStatus?: Rel<Status> | null;

  @ForeignKeyId({ nullable: true })
  fromStatusId?: number | null;

  @Field(() => Status, { nullable: true, description: "The Status this row's to_status_id points at." })
  @ManyToOne({ entity: () => Status, nullable: true, index: true })
  toStatus?: Rel<Status> | null;

  @ForeignKeyId({ nullable: true })
  toStatusId?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  transitionStartDate?: Date | null;

  @Field(() => Date, { nullable: true })
  @Index()
  @Property({ type: 'timestamptz', nullable: true })
  transitionChangeDate?: Date | null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  timeInStatusSeconds?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  changedBy?: string | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;
}
