import { Collection } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Filter, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ConnectionField, EmbeddingColumn, TrackedRecord } from '../../common/base.entities.js';
import { TENANT_FILTER, tenantCondition } from '../../common/tenant-filter.js';
import { Integration } from '../integrations/integration.entity.js';
import { IssueChangelog } from '../issues/issue-changelog.entity.js';
import { Issue } from '../issues/issue.entity.js';
import { AiLearningMemory } from '../ml-monitoring/ai-learning-memory.entity.js';
import { MlAnomalyAlert } from '../ml-monitoring/ml-anomaly-alert.entity.js';
import { MlPredictionLog } from '../ml-monitoring/ml-prediction-log.entity.js';
import { Project } from '../projects/project.entity.js';
import { JiraPullRequestLink } from '../pull-requests/jira-pull-request-link.entity.js';
import { PullRequestComment } from '../pull-requests/pull-request-comment.entity.js';
import { PullRequestCommit } from '../pull-requests/pull-request-commit.entity.js';
import { PullRequestReview } from '../pull-requests/pull-request-review.entity.js';
import { PullRequest } from '../pull-requests/pull-request.entity.js';
import { Repository } from '../pull-requests/repository.entity.js';
import { SystemSetting } from '../settings/system-setting.entity.js';
import { UserPermission } from '../users/user-permission.entity.js';
import { UserSession } from '../users/user-session.entity.js';
import { User } from '../users/user.entity.js';
import { IssuetypeHierarchy } from '../workflow/issuetype-hierarchy.entity.js';
import { IssuetypeMapping } from '../workflow/issuetype-mapping.entity.js';
import { Issuetype } from '../workflow/issuetype.entity.js';
import { StatusMapping } from '../workflow/status-mapping.entity.js';
import { Status } from '../workflow/status.entity.js';
import { Workflow } from '../workflow/workflow.entity.js';

/** The tenant. A viewer sees exactly one row here: their own client. */
@ObjectType({ description: 'A client organisation (tenant).' })
@Entity({ tableName: 'clients' })
@Filter({ name: TENANT_FILTER, cond: tenantCondition('id'), default: true })
@Check({ name: 'ck_clients_color_schema_mode', expression: "color_schema_mode in ('default', 'custom')" })
export class Client extends TrackedRecord {
  @Field(() => String)
  @Unique({ name: 'uk_clients_name' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  assetsFolder?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true, default: 'default-logo.png' })
  logoFilename: Opt<string | null> = 'default-logo.png';

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true, default: 'default' })
  colorSchemaMode: Opt<string | null> = 'default';

  @EmbeddingColumn()
  embedding?: number[] | null;

  @ConnectionField(() => User, { description: 'users whose client_id is this row.' })
  @OneToMany({ entity: () => User, mappedBy: 'client' })
  users = new Collection<User>(this);

  @ConnectionField(() => Integration, { description: 'integrations whose client_id is this row.' })
  @OneToMany({ entity: () => Integration, mappedBy: 'client' })
  integrations = new Collection<Integration>(this);

  @ConnectionField(() => Project, { description: 'projects whose client_id is this row.' })
  @OneToMany({ entity: () => Project, mappedBy: 'client' })
  projects = new Collection<Project>(this);

  @ConnectionField(() => Issue, { description: 'issues whose client_id is this row.' })
  @OneToMany({ entity: () => Issue, mappedBy: 'client' })
  issues = new Collection<Issue>(this);

  @ConnectionField(() => Repository, { description: 'repositories whose client_id is this row.' })
  @OneToMany({ entity: () => Repository, mappedBy: 'client' })
  repositories = new Collection<Repository>(this);

  @ConnectionField(() => PullRequest, { description: 'pullRequests whose client_id is this row.' })
  @OneToMany({ entity: () => PullRequest, mappedBy: 'client' })
  pullRequests = new Collection<PullRequest>(this);

  /** ML monitoring relationships of seed 000: cascade-deleted with the client. */
  @ConnectionField(() => AiLearningMemory, { description: 'learningMemories whose client_id is this row.' })
  @OneToMany({ entity: () => AiLearningMemory, mappedBy: 'client' })
  aiLearningMemories = new Collection<AiLearningMemory>(this);

  @ConnectionField(() => MlPredictionLog, { description: 'predictionLogs whose client_id is this row.' })
  @OneToMany({ entity: () => MlPredictionLog, mappedBy: 'client' })
  mlPredictionLogs = new Collection<MlPredictionLog>(this);

  @ConnectionField(() => MlAnomalyAlert, { description: 'anomalyAlerts whose client_id is this row.' })
  @OneToMany({ entity: () => MlAnomalyAlert, mappedBy: 'client' })
  mlAnomalyAlerts = new Collection<MlAnomalyAlert>(this);

  @ConnectionField(() => UserSession, { description: 'userSessions whose client_id is this row.' })
  @OneToMany({ entity: () => UserSession, mappedBy: 'client' })
  userSessions = new Collection<UserSession>(this);

  @ConnectionField(() => UserPermission, { description: 'userPermissions whose client_id is this row.' })
  @OneToMany({ entity: () => UserPermission, mappedBy: 'client' })
  userPermissions = new Collection<UserPermission>(this);

  @ConnectionField(() => IssueChangelog, { description: 'issueChangelogs whose client_id is this row.' })
  @OneToMany({ entity: () => IssueChangelog, mappedBy: 'client' })
  issueChangelogs = new Collection<IssueChangelog>(this);

  @ConnectionField(() => PullRequestReview, {
    description: 'pullRequestReviews whose client_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestReview, mappedBy: 'client' })
  pullRequestReviews = new Collection<PullRequestReview>(this);

  @ConnectionField(() => PullRequestCommit, {
    description: 'pullRequestCommits whose client_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestCommit, mappedBy: 'client' })
  pullRequestCommits = new Collection<PullRequestCommit>(this);

  @ConnectionField(() => PullRequestComment, {
    description: 'pullRequestComments whose client_id is this row.',
  })
  @OneToMany({ entity: () => PullRequestComment, mappedBy: 'client' })
  pullRequestComments = new Collection<PullRequestComment>(this);

  @ConnectionField(() => JiraPullRequestLink, {
    description: 'jiraPullRequestLinks whose client_id is this row.',
  })
  @OneToMany({ entity: () => JiraPullRequestLink, mappedBy: 'client' })
  jiraPullRequestLinks = new Collection<JiraPullRequestLink>(this);

  @ConnectionField(() => Status, { description: 'statuses whose client_id is this row.' })
  @OneToMany({ entity: () => Status, mappedBy: 'client' })
  statuses = new Collection<Status>(this);

  @ConnectionField(() => StatusMapping, { description: 'statusMappings whose client_id is this row.' })
  @OneToMany({ entity: () => StatusMapping, mappedBy: 'client' })
  statusMappings = new Collection<StatusMapping>(this);

  @ConnectionField(() => Issuetype, { description: 'issuetypes whose client_id is this row.' })
  @OneToMany({ entity: () => Issuetype, mappedBy: 'client' })
  issuetypes = new Collection<Issuetype>(this);

  @ConnectionField(() => IssuetypeMapping, { description: 'issuetypeMappings whose client_id is this row.' })
  @OneToMany({ entity: () => IssuetypeMapping, mappedBy: 'client' })
  issuetypeMappings = new Collection<IssuetypeMapping>(this);

  @ConnectionField(() => IssuetypeHierarchy, {
    description: 'issuetypeHierarchies whose client_id is this row.',
  })
  @OneToMany({ entity: () => IssuetypeHierarchy, mappedBy: 'client' })
  issuetypeHierarchies = new Collection<IssuetypeHierarchy>(this);

  @ConnectionField(() => Workflow, { description: 'workflows whose client_id is this row.' })
  @OneToMany({ entity: () => Workflow, mappedBy: 'client' })
  workflows = new Collection<Workflow>(this);

  @ConnectionField(() => SystemSetting, { description: 'systemSettings whose client_id is this row.' })
  @OneToMany({ entity: () => SystemSetting, mappedBy: 'client' })
  systemSettings = new Collection<SystemSetting>(this);
}
