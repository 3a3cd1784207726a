import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { PullRequest } from './pull-request.entity.js';

@ObjectType()
@Entity({ tableName: 'pull_request_comments' })
// The ETL import's natural key (upserts by it).
@Unique({
  name: 'uk_pull_request_comments_pull_request_external_id',
  properties: ['pullRequest', 'externalId'],
})
export class PullRequestComment extends TenantEntity {
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Field(() => PullRequest, {
    nullable: true,
    description: "The PullRequest this row's pull_request_id points at.",
  })
  @ManyToOne({ entity: () => PullRequest, index: true })
  pullRequest!: Rel<PullRequest>;

  @ForeignKeyId()
  pullRequestId?: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  authorLogin?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  body?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  commentType?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  path?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  position?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  line?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  createdAtGithub?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  updatedAtGithub?: Date | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;
}
