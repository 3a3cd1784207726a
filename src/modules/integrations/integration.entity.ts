import { Collection } from '@mikro-orm/core';
import { Entity, Index, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ConnectionField, TenantRecord } from '../../common/base.entities.js';
import { IssueChangelog } from '../issues/issue-changelog.entity.js';
import { Issue } from '../issues/issue.entity.js';
import { Project } from '../projects/project.entity.js';
import { JiraPullRequestLink } from '../pull-requests/jira-pull-request-link.entity.js';
import { PullRequestComment } from '../pull-requests/pull-request-comment.entity.js';
import { PullRequestCommit } from '../pull-requests/pull-request-commit.entity.js';
import { PullRequestReview } from '../pull-requests/pull-request-review.entity.js';
import { PullRequest } from '../pull-requests/pull-request.entity.js';
import { Repository } from '../pull-requests/repository.entity.js';
import { IssuetypeHierarchy } from '../workflow/issuetype-hierarchy.entity.js';
import { IssuetypeMapping } from '../workflow/issuetype-mapping.entity.js';
import { Issuetype } from '../workflow/issuetype.entity.js';
import { StatusMapping } from '../workflow/status-mapping.entity.js';
import { Status } from '../workflow/status.entity.js';
import { Workflow } from '../workflow/workflow.entity.js';

/**
 * A connection to a Jira or GitHub instance. Supporting table (not one of the 24) that most Jira/GitHub
 * rows point at. `password` holds the source system's token: write-only, never returned, not even masked.
 */
@ObjectType()
@Entity({ tableName: 'integrations' })
@Unique({ properties: ['name', 'client'] })
export class Integration extends TenantRecord {
  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  username?: string | null;

  /** Secret: never exposed, never logged. */
  @Property({ type: 'text', nullable: true, hidden: true })
  password?: string | null;

  /** Not a column: the integrations module answers it without reading the secret (IntegrationSecretResolver). */
  @Field(() => Boolean, {
    description: 'Whether a password/token is stored (the secret itself is never returned).',
  })
  readonly hasPassword?: never;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  baseSearch?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastSyncAt?: Date | null;

  @ConnectionField(() => Project, { description: 'projects whose integration_id is this row.' })
  @OneToMany({ entity: () => Project, mappedBy: 'integration' })
  projects = new Collection<Project>(this);

  @ConnectionField(() => Issue, { description: 'issues whose integration_id is this row.' })
  @OneToMany({ entity: () => Issue, mappedBy: 'integration' })
  issues = new Collection<Issue>(this);

  @ConnectionField(() => IssueChangelog, { description: 'issueChangelogs whose integration_id is this row.' })
  @OneToMany({ entity: () => IssueChangelog, mappedBy: 'integration' })
  issueChangelogs = new Collection<IssueChangelog>(this);

  @ConnectionField(() => Repository, { description: 'repositories whose integration_id is this row.' })
  @OneToMany({ entity: () => Repository, mappedBy: 'integration' })
  repositories = new Collection<Repository>(this);

  @ConnectionField(() => PullRequest, { description: 'pullRequests whose integration_id is this row.' })
  @OneToMany({ entity: () => PullRequest, mappedBy: 'integration' })
  pullRequests = new Collection<PullRequest>(this);

  @ConnectionField(() => PullRequestReview, {
    description: 'pullRequestReviews whose integration_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestReview, mappedBy: 'integration' })
  pullRequestReviews = new Collection<PullRequestReview>(this);

  @ConnectionField(() => PullRequestCommit, {
    description: 'pullRequestCommits whose integration_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestCommit, mappedBy: 'integration' })
  pullRequestCommits = new Collection<PullRequestCommit>(this);

  @ConnectionField(() => PullRequestComment, {
    description: 'pullRequestComments whose integration_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestComment, mappedBy: 'integration' })
  pullRequestComments = new Collection<PullRequestComment>(this);

  @ConnectionField(() => JiraPullRequestLink, {
    description: 'jiraPullRequestLinks whose integration_id is this row.',
  })
  @OneToMany({ entity: () => JiraPullRequestLink, mappedBy: 'integration' })
  jiraPullRequestLinks = new Collection<JiraPullRequestLink>(this);

  @ConnectionField(() => Status, { description: 'statuses whose integration_id is this row.' })
  @OneToMany({ entity: () => Status, mappedBy: 'integration' })
  statuses = new Collection<Status>(this);

  @ConnectionField(() => StatusMapping, { description: 'statusMappings whose integration_id is this row.' })
  @OneToMany({ entity: () => StatusMapping, mappedBy: 'integration' })
  statusMappings = new Collection<StatusMapping>(this);

  @ConnectionField(() => Issuetype, { description: 'issuetypes whose integration_id is this row.' })
  @OneToMany({ entity: () => Issuetype, mappedBy: 'integration' })
  issuetypes = new Collection<Issuetype>(this);

  @ConnectionField(() => IssuetypeMapping, {
    description: 'issuetypeMappings whose integration_id is this row.',
  })
  @OneToMany({ entity: () => IssuetypeMapping, mappedBy: 'integration' })
  issuetypeMappings = new Collection<IssuetypeMapping>(this);

  @ConnectionField(() => IssuetypeHierarchy, {
    description: 'issuetypeHierarchies whose integration_id is this row.',
  })
  @OneToMany({ entity: () => IssuetypeHierarchy, mappedBy: 'integration' })
  issuetypeHierarchies = new Collection<IssuetypeHierarchy>(this);

  @ConnectionField(() => Workflow, { description: 'workflows whose integration_id is this row.' })
  @OneToMany({ entity: () => Workflow, mappedBy: 'integration' })
  workflows = new Collection<Workflow>(this);
}
