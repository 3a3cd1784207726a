import { Collection } from '@mikro-orm/core';
import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { Project } from '../projects/project.entity.js';
import { JiraPullRequestLink } from '../pull-requests/jira-pull-request-link.entity.js';
import { PullRequest } from '../pull-requests/pull-request.entity.js';
import { User } from '../users/user.entity.js';
import { Issuetype } from '../workflow/issuetype.entity.js';
import { Status } from '../workflow/status.entity.js';
import { IssueChangelog } from './issue-changelog.entity.js';

/**
 * A Jira issue: the union of the predecessor's `issues` table and the Issue model of seed 000. Where a
 * text column and an id column say the same thing (`assignee` / `assignee_id`) both are kept: the text
 * is what the source system sent, the id links to `users` when it matched. The key is unique per client:
 * it is how people name issues (`issueByKey`) and what idempotent ETL upserts conflict on.
 */
@ObjectType()
@Entity({ tableName: 'issues' })
@Unique({ name: 'uk_issues_client_key', properties: ['client', 'key'] })
export class Issue extends TenantEntity {
  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 50 })
  key!: string;

  @Field(() => Project, { nullable: true, description: "The Project this row's project_id points at." })
  @ManyToOne({ entity: () => Project, nullable: true, index: true })
  project?: Rel<Project> | null;

  @ForeignKeyId({ nullable: true })
  projectId?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  team?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Issuetype, { nullable: true, description: "The Issuetype this row's issuetype_id points at." })
  @ManyToOne({ entity: () => Issuetype, nullable: true, index: true })
  issuetype?: Rel<Issuetype> | null;

  @ForeignKeyId({ nullable: true })
  issuetypeId?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  issuetypeName?: string | null;

  @Field(() => Status, { nullable: true, description: "The Status this row's status_id points at." })
  @ManyToOne({ entity: () => Status, nullable: true, index: true })
  status?: Rel<Status> | null;

  @ForeignKeyId({ nullable: true })
  statusId?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  statusName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  storyPoints?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  assignee?: string | null;

  @Field(() => User, { nullable: true, description: "The User this row's assignee_id points at." })
  @ManyToOne({ entity: () => User, fieldName: 'assignee_id', nullable: true, index: true })
  assigneeUser?: Rel<User> | null;

  @ForeignKeyId({ nullable: true })
  assigneeId?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  reporter?: string | null;

  @Field(() => User, { nullable: true, description: "The User this row's reporter_id points at." })
  @ManyToOne({ entity: () => User, fieldName: 'reporter_id', nullable: true, index: true })
  reporterUser?: Rel<User> | null;

  @ForeignKeyId({ nullable: true })
  reporterId?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  labels?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  priority?: string | null;

  /** When the issue was created in the source system (not when the row was written). */
  @Field(() => Date, { nullable: true })
  @Index()
  @Property({ type: 'timestamptz', nullable: true })
  created?: Date | null;

  @Field(() => Date, { nullable: true })
  @Index()
  @Property({ type: 'timestamptz', nullable: true })
  updated?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  resolved?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  dueDate?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  epicLink?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  parentKey?: string | null;

  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  parentExternalId?: string | null;

  @Field(() => Issue, { nullable: true, description: "The Issue this row's parent_id points at." })
  @ManyToOne({ entity: () => Issue, nullable: true, index: true })
  parent?: Rel<Issue> | null;

  @ForeignKeyId({ nullable: true })
  parentId?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true, default: 0 })
  levelNumber: Opt<number | null> = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  workStartedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  workFirstCommittedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  workFirstStartedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  workLastStartedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  workFirstCompletedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  workLastCompletedAt?: Date | null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  codeChanged?: boolean | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true, default: 0 })
  totalWorkStarts: Opt<number | null> = 0;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true, default: 0 })
  totalCompletions: Opt<number | null> = 0;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true, default: 0 })
  totalBacklogReturns: Opt<number | null> = 0;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true, default: 0 })
  totalWorkTimeSeconds: Opt<number | null> = 0;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true, default: 0 })
  totalReviewTimeSeconds: Opt<number | null> = 0;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true, default: 0 })
  totalCycleTimeSeconds: Opt<number | null> = 0;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true, default: 0 })
  totalLeadTimeSeconds: Opt<number | null> = 0;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true, default: 0 })
  workflowComplexityScore: Opt<number | null> = 0;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true, default: false })
  reworkIndicator: Opt<boolean | null> = false;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true, default: false })
  directCompletion: Opt<boolean | null> = false;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true, default: 0 })
  commentCount: Opt<number | null> = 0;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;

  @ConnectionField(() => Issue, { description: 'issues whose parent_id is this row.' })
  @OneToMany({ entity: () => Issue, mappedBy: 'parent' })
  children = new Collection<Issue>(this);

  @ConnectionField(() => IssueChangelog, { description: 'issueChangelogs whose issue_id is this row.' })
  @OneToMany({ entity: () => IssueChangelog, mappedBy: 'issue' })
  changelogs = new Collection<IssueChangelog>(this);

  @ConnectionField(() => JiraPullRequestLink, {
    description: 'jiraPullRequestLinks whose issue_id is this row.',
  })
  @OneToMany({ entity: () => JiraPullRequestLink, mappedBy: 'issue' })
  pullRequestLinks = new Collection<JiraPullRequestLink>(this);

  @ConnectionField(() => PullRequest, { description: 'pullRequests whose issue_id is this row.' })
  @OneToMany({ entity: () => PullRequest, mappedBy: 'issue' })
  directPullRequests = new Collection<PullRequest>(this);

  /** A link through jira_pull_request_links, not an ORM relation; its SQL is in issues.module.ts. */
  @ConnectionField(() => PullRequest, {
    description: 'Pull requests linked to this issue (jira_pull_request_links).',
  })
  readonly pullRequests?: never;
}

/** custom_field_01 .. custom_field_20: twenty free-text columns the client maps in the source system. */
export const ISSUE_CUSTOM_FIELDS = Array.from(
  { length: 20 },
  (_, i) => `customField${String(i + 1).padStart(2, '0')}` as const,
);
export type IssueCustomField = (typeof ISSUE_CUSTOM_FIELDS)[number];

// Declared in a loop rather than twenty near-identical decorated properties.
for (const [index, name] of ISSUE_CUSTOM_FIELDS.entries()) {
  Reflect.defineMetadata('design:type', String, Issue.prototype, name);
  const fieldName = `custom_field_${String(index + 1).padStart(2, '0')}`;
  Property({ type: 'text', nullable: true, fieldName })(Issue.prototype, name);
  Field(() => String, { nullable: true })(Issue.prototype, name);
}

// Declaration merging gives the loop-declared columns their TypeScript types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Issue extends Partial<Record<IssueCustomField, string | null>> {}
