import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { PullRequest } from './pull-request.entity.js';

@ObjectType()
@Entity({ tableName: 'pull_request_reviews' })
// The ETL import's natural key (upserts by it).
@Unique({
  name: 'uk_pull_request_reviews_pull_request_external_id',
  properties: ['pullRequest', 'externalId'],
})
export class PullRequestReview extends TenantEntity {
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
  state?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  body?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;
}
