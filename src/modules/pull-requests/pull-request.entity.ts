import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { Issue } from '../issues/issue.entity.js';
import { PullRequestComment } from './pull-request-comment.entity.js';
import { PullRequestCommit } from './pull-request-commit.entity.js';
import { PullRequestReview } from './pull-request-review.entity.js';
import { Repository } from './repository.entity.js';

/**
 * A GitHub pull request. (repository, number) is unique: it is the natural key GitHub itself uses and
 * what idempotent ETL upserts conflict on.
 */
@ObjectType()
@Entity({ tableName: 'pull_requests' })
@Unique({ name: 'uk_pull_requests_repository_number', properties: ['repository', 'number'] })
export class PullRequest extends TenantEntity {
  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  externalRepoId?: string | null;

  @Field(() => Repository, {
    nullable: true,
    description: "The Repository this row's repository_id points at.",
  })
  @ManyToOne({ entity: () => Repository, index: true })
  repository!: Rel<Repository>;

  @ForeignKeyId()
  repositoryId?: number;

  @Field(() => Issue, { nullable: true, description: "The Issue this row's issue_id points at." })
  @ManyToOne({ entity: () => Issue, nullable: true, index: true })
  issue?: Rel<Issue> | null;

  @ForeignKeyId({ nullable: true })
  issueId?: number | null;

  @Field(() => Int, { nullable: true })
  @Index()
  @Property({ type: 'integer', nullable: true })
  number?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  userName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  body?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  discussionCommentCount?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  reviewCommentCount?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  source?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  destination?: string | null;

  /** A count of reviewers, not a list. */
  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  reviewers?: number | null;

  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  status?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  url?: string | null;

  @Field(() => Date, { nullable: true })
  @Index()
  @Property({ type: 'timestamptz', nullable: true })
  prCreatedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  prUpdatedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  mergedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  mergedBy?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  commitCount?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  additions?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  deletions?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  changedFiles?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  firstReviewAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  reworkCommitCount?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  reviewCycles?: number | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;

  @ConnectionField(() => PullRequestReview, {
    description: 'pullRequestReviews whose pull_request_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestReview, mappedBy: 'pullRequest' })
  reviews = new Collection<PullRequestReview>(this);

  @ConnectionField(() => PullRequestCommit, {
    description: 'pullRequestCommits whose pull_request_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestCommit, mappedBy: 'pullRequest' })
  commits = new Collection<PullRequestCommit>(this);

  @ConnectionField(() => PullRequestComment, {
    description: 'pullRequestComments whose pull_request_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestComment, mappedBy: 'pullRequest' })
  comments = new Collection<PullRequestComment>(this);

  /** A link through jira_pull_request_links, not an ORM relation; its SQL is in issues.module.ts. */
  @ConnectionField(() => Issue, {
    description: 'Issues this pull request is linked to (jira_pull_request_links).',
  })
  readonly issues?: never;
}
