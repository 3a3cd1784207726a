import { Client } from '../modules/clients/client.entity.js';
import { DoraMarketBenchmark } from '../modules/dora/dora-market-benchmark.entity.js';
import { DoraMetricInsight } from '../modules/dora/dora-metric-insight.entity.js';
import { Integration } from '../modules/integrations/integration.entity.js';
import { IssueChangelog } from '../modules/issues/issue-changelog.entity.js';
import { Issue } from '../modules/issues/issue.entity.js';
import { AiLearningMemory } from '../modules/ml-monitoring/ai-learning-memory.entity.js';
import { MlAnomalyAlert } from '../modules/ml-monitoring/ml-anomaly-alert.entity.js';
import { MlPredictionLog } from '../modules/ml-monitoring/ml-prediction-log.entity.js';
import { ProjectIssuetype } from '../modules/projects/project-issuetype.entity.js';
import { ProjectStatus } from '../modules/projects/project-status.entity.js';
import { Project } from '../modules/projects/project.entity.js';
import { JiraPullRequestLink } from '../modules/pull-requests/jira-pull-request-link.entity.js';
import { PullRequestComment } from '../modules/pull-requests/pull-request-comment.entity.js';
import { PullRequestCommit } from '../modules/pull-requests/pull-request-commit.entity.js';
import { PullRequestReview } from '../modules/pull-requests/pull-request-review.entity.js';
import { PullRequest } from '../modules/pull-requests/pull-request.entity.js';
import { Repository } from '../modules/pull-requests/repository.entity.js';
import { SystemSetting } from '../modules/settings/system-setting.entity.js';
import { UserPermission } from '../modules/users/user-permission.entity.js';
import { UserSession } from '../modules/users/user-session.entity.js';
import { User } from '../modules/users/user.entity.js';
import { IssuetypeHierarchy } from '../modules/workflow/issuetype-hierarchy.entity.js';
import { IssuetypeMapping } from '../modules/workflow/issuetype-mapping.entity.js';
import { Issuetype } from '../modules/workflow/issuetype.entity.js';
import { StatusMapping } from '../modules/workflow/status-mapping.entity.js';
import { Status } from '../modules/workflow/status.entity.js';
import { Workflow } from '../modules/workflow/workflow.entity.js';

/** The 24 business tables of seed 001, each with an `embedding vector(1536)` column. */
export const BUSINESS_ENTITIES = [
  Client,
  User,
  Project,
  Issue,
  Repository,
  PullRequest,
  PullRequestComment,
  PullRequestReview,
  PullRequestCommit,
  Status,
  StatusMapping,
  Issuetype,
  IssuetypeMapping,
  IssuetypeHierarchy,
  Workflow,
  IssueChangelog,
  JiraPullRequestLink,
  ProjectIssuetype,
  ProjectStatus,
  UserPermission,
  UserSession,
  SystemSetting,
  DoraMarketBenchmark,
  DoraMetricInsight,
] as const;

/** Supporting table the Jira/GitHub rows point at; it has an embedding too but is not one of the 24. */
export const SUPPORTING_ENTITIES = [Integration] as const;

/** The ML monitoring tables of seed 001 (no embeddings). */
export const ML_ENTITIES = [AiLearningMemory, MlPredictionLog, MlAnomalyAlert] as const;

export const ALL_ENTITIES = [...BUSINESS_ENTITIES, ...SUPPORTING_ENTITIES, ...ML_ENTITIES];
