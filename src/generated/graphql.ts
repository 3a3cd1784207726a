/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type AiLearningMemory = {
  __typename?: 'AiLearningMemory';
  active?: Maybe<Scalars['Boolean']['output']>;
  confidence: Scalars['Float']['output'];
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  errorType: Scalars['String']['output'];
  failedQuery: Scalars['String']['output'];
  id: Scalars['Int']['output'];
  learningContext?: Maybe<Scalars['JSON']['output']>;
  specificIssue: Scalars['String']['output'];
  suggestedFix: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  userIntent: Scalars['String']['output'];
};

/** A client organisation (tenant). */
export type Client = {
  __typename?: 'Client';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  assetsFolder?: Maybe<Scalars['String']['output']>;
  colorSchemaMode?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  logoFilename?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  website?: Maybe<Scalars['String']['output']>;
};

export type DoraMarketBenchmark = {
  __typename?: 'DoraMarketBenchmark';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['Int']['output'];
  metricName: Scalars['String']['output'];
  metricUnit?: Maybe<Scalars['String']['output']>;
  metricValue: Scalars['String']['output'];
  performanceTier: Scalars['String']['output'];
  reportSource?: Maybe<Scalars['String']['output']>;
  reportYear: Scalars['Int']['output'];
};

export type DoraMetricInsight = {
  __typename?: 'DoraMetricInsight';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['Int']['output'];
  insightText: Scalars['String']['output'];
  metricName: Scalars['String']['output'];
  reportYear: Scalars['Int']['output'];
};

export type Integration = {
  __typename?: 'Integration';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  baseSearch?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Whether a password/token is stored (the secret itself is never returned). */
  hasPassword: Scalars['Boolean']['output'];
  id: Scalars['Int']['output'];
  lastSyncAt?: Maybe<Scalars['DateTimeISO']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  name?: Maybe<Scalars['String']['output']>;
  url?: Maybe<Scalars['String']['output']>;
  username?: Maybe<Scalars['String']['output']>;
};

export type Issue = {
  __typename?: 'Issue';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  assignee?: Maybe<Scalars['String']['output']>;
  codeChanged?: Maybe<Scalars['Boolean']['output']>;
  commentCount?: Maybe<Scalars['Int']['output']>;
  created?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  customField01?: Maybe<Scalars['String']['output']>;
  customField02?: Maybe<Scalars['String']['output']>;
  customField03?: Maybe<Scalars['String']['output']>;
  customField04?: Maybe<Scalars['String']['output']>;
  customField05?: Maybe<Scalars['String']['output']>;
  customField06?: Maybe<Scalars['String']['output']>;
  customField07?: Maybe<Scalars['String']['output']>;
  customField08?: Maybe<Scalars['String']['output']>;
  customField09?: Maybe<Scalars['String']['output']>;
  customField10?: Maybe<Scalars['String']['output']>;
  customField11?: Maybe<Scalars['String']['output']>;
  customField12?: Maybe<Scalars['String']['output']>;
  customField13?: Maybe<Scalars['String']['output']>;
  customField14?: Maybe<Scalars['String']['output']>;
  customField15?: Maybe<Scalars['String']['output']>;
  customField16?: Maybe<Scalars['String']['output']>;
  customField17?: Maybe<Scalars['String']['output']>;
  customField18?: Maybe<Scalars['String']['output']>;
  customField19?: Maybe<Scalars['String']['output']>;
  customField20?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  directCompletion?: Maybe<Scalars['Boolean']['output']>;
  dueDate?: Maybe<Scalars['DateTimeISO']['output']>;
  epicLink?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  issuetypeName?: Maybe<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  labels?: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  levelNumber?: Maybe<Scalars['Int']['output']>;
  parentExternalId?: Maybe<Scalars['String']['output']>;
  parentKey?: Maybe<Scalars['String']['output']>;
  priority?: Maybe<Scalars['String']['output']>;
  reporter?: Maybe<Scalars['String']['output']>;
  resolution?: Maybe<Scalars['String']['output']>;
  resolved?: Maybe<Scalars['DateTimeISO']['output']>;
  reworkIndicator?: Maybe<Scalars['Boolean']['output']>;
  statusName?: Maybe<Scalars['String']['output']>;
  storyPoints?: Maybe<Scalars['Int']['output']>;
  summary?: Maybe<Scalars['String']['output']>;
  team?: Maybe<Scalars['String']['output']>;
  totalBacklogReturns?: Maybe<Scalars['Int']['output']>;
  totalCompletions?: Maybe<Scalars['Int']['output']>;
  totalCycleTimeSeconds?: Maybe<Scalars['Float']['output']>;
  totalLeadTimeSeconds?: Maybe<Scalars['Float']['output']>;
  totalReviewTimeSeconds?: Maybe<Scalars['Float']['output']>;
  totalWorkStarts?: Maybe<Scalars['Int']['output']>;
  totalWorkTimeSeconds?: Maybe<Scalars['Float']['output']>;
  updated?: Maybe<Scalars['DateTimeISO']['output']>;
  workFirstCommittedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  workFirstCompletedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  workFirstStartedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  workLastCompletedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  workLastStartedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  workStartedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  workflowComplexityScore?: Maybe<Scalars['Int']['output']>;
};

export type IssueChangelog = {
  __typename?: 'IssueChangelog';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  changedBy?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  timeInStatusSeconds?: Maybe<Scalars['Float']['output']>;
  transitionChangeDate?: Maybe<Scalars['DateTimeISO']['output']>;
  transitionStartDate?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type Issuetype = {
  __typename?: 'Issuetype';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  hierarchyLevel: Scalars['Int']['output'];
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  originalName: Scalars['String']['output'];
};

export type IssuetypeHierarchy = {
  __typename?: 'IssuetypeHierarchy';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  levelName: Scalars['String']['output'];
  levelNumber: Scalars['Int']['output'];
};

export type IssuetypeMapping = {
  __typename?: 'IssuetypeMapping';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['Int']['output'];
  issuetypeFrom: Scalars['String']['output'];
  issuetypeTo: Scalars['String']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
};

export type JiraPullRequestLink = {
  __typename?: 'JiraPullRequestLink';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  branchName?: Maybe<Scalars['String']['output']>;
  commitSha?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  externalRepoId: Scalars['String']['output'];
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  prStatus?: Maybe<Scalars['String']['output']>;
  pullRequestNumber: Scalars['Int']['output'];
  repoFullName: Scalars['String']['output'];
};

export type MlAnomalyAlert = {
  __typename?: 'MlAnomalyAlert';
  acknowledged?: Maybe<Scalars['Boolean']['output']>;
  acknowledgedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  active?: Maybe<Scalars['Boolean']['output']>;
  alertData: Scalars['JSON']['output'];
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['Int']['output'];
  modelName: Scalars['String']['output'];
  severity: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type MlPredictionLog = {
  __typename?: 'MlPredictionLog';
  active?: Maybe<Scalars['Boolean']['output']>;
  anomalyScore?: Maybe<Scalars['Float']['output']>;
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['Int']['output'];
  inputFeatures?: Maybe<Scalars['JSON']['output']>;
  isAnomaly?: Maybe<Scalars['Boolean']['output']>;
  modelName: Scalars['String']['output'];
  predictionValue: Scalars['Float']['output'];
  responseTimeMs?: Maybe<Scalars['Int']['output']>;
  severity?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type Project = {
  __typename?: 'Project';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  key: Scalars['String']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  name: Scalars['String']['output'];
  projectType?: Maybe<Scalars['String']['output']>;
};

/** Link between a project and an issue type it uses. */
export type ProjectIssuetype = {
  __typename?: 'ProjectIssuetype';
  issuetypeId: Scalars['Int']['output'];
  projectId: Scalars['Int']['output'];
};

/** Link between a project and a status it uses. */
export type ProjectStatus = {
  __typename?: 'ProjectStatus';
  projectId: Scalars['Int']['output'];
  statusId: Scalars['Int']['output'];
};

export type PullRequest = {
  __typename?: 'PullRequest';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  additions?: Maybe<Scalars['Int']['output']>;
  body?: Maybe<Scalars['String']['output']>;
  changedFiles?: Maybe<Scalars['Int']['output']>;
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  commitCount?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  deletions?: Maybe<Scalars['Int']['output']>;
  destination?: Maybe<Scalars['String']['output']>;
  discussionCommentCount?: Maybe<Scalars['Int']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  externalRepoId?: Maybe<Scalars['String']['output']>;
  firstReviewAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  mergedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  mergedBy?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  number?: Maybe<Scalars['Int']['output']>;
  prCreatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  prUpdatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  reviewCommentCount?: Maybe<Scalars['Int']['output']>;
  reviewCycles?: Maybe<Scalars['Int']['output']>;
  reviewers?: Maybe<Scalars['Int']['output']>;
  reworkCommitCount?: Maybe<Scalars['Int']['output']>;
  source?: Maybe<Scalars['String']['output']>;
  status?: Maybe<Scalars['String']['output']>;
  url?: Maybe<Scalars['String']['output']>;
  userName?: Maybe<Scalars['String']['output']>;
};

export type PullRequestComment = {
  __typename?: 'PullRequestComment';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  authorLogin?: Maybe<Scalars['String']['output']>;
  body?: Maybe<Scalars['String']['output']>;
  commentType?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  createdAtGithub?: Maybe<Scalars['DateTimeISO']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  line?: Maybe<Scalars['Int']['output']>;
  path?: Maybe<Scalars['String']['output']>;
  position?: Maybe<Scalars['Int']['output']>;
  updatedAtGithub?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type PullRequestCommit = {
  __typename?: 'PullRequestCommit';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  authorEmail?: Maybe<Scalars['String']['output']>;
  authorName?: Maybe<Scalars['String']['output']>;
  authoredDate?: Maybe<Scalars['DateTimeISO']['output']>;
  committedDate?: Maybe<Scalars['DateTimeISO']['output']>;
  committerEmail?: Maybe<Scalars['String']['output']>;
  committerName?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  message?: Maybe<Scalars['String']['output']>;
};

export type PullRequestReview = {
  __typename?: 'PullRequestReview';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  authorLogin?: Maybe<Scalars['String']['output']>;
  body?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  state?: Maybe<Scalars['String']['output']>;
  submittedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The caller, as identified by the bearer token. */
  viewer: Viewer;
};

export type Repository = {
  __typename?: 'Repository';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  archived?: Maybe<Scalars['Boolean']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  defaultBranch?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  fullName?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  isPrivate?: Maybe<Scalars['Boolean']['output']>;
  language?: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  name?: Maybe<Scalars['String']['output']>;
  pushedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  repoCreatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  repoUpdatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  url?: Maybe<Scalars['String']['output']>;
};

/** What the token allows: admin > user > viewer. */
export type Role =
  | 'ADMIN'
  | 'USER'
  | 'VIEWER';

export type Status = {
  __typename?: 'Status';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  category: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  originalName: Scalars['String']['output'];
};

export type StatusMapping = {
  __typename?: 'StatusMapping';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  statusCategory: Scalars['String']['output'];
  statusFrom: Scalars['String']['output'];
  statusTo: Scalars['String']['output'];
};

export type SystemSetting = {
  __typename?: 'SystemSetting';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  settingKey: Scalars['String']['output'];
  settingType: Scalars['String']['output'];
  settingValue: Scalars['String']['output'];
};

export type User = {
  __typename?: 'User';
  accessibilityLevel?: Maybe<Scalars['String']['output']>;
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  authProvider: Scalars['String']['output'];
  colorblindSafePalette?: Maybe<Scalars['Boolean']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  email: Scalars['String']['output'];
  firstName?: Maybe<Scalars['String']['output']>;
  highContrastMode?: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['Int']['output'];
  isAdmin?: Maybe<Scalars['Boolean']['output']>;
  lastLoginAt?: Maybe<Scalars['DateTimeISO']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  oktaUserId?: Maybe<Scalars['String']['output']>;
  profileImageFilename?: Maybe<Scalars['String']['output']>;
  reduceMotion?: Maybe<Scalars['Boolean']['output']>;
  role: Scalars['String']['output'];
  themeMode?: Maybe<Scalars['String']['output']>;
};

export type UserPermission = {
  __typename?: 'UserPermission';
  action: Scalars['String']['output'];
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  granted: Scalars['Boolean']['output'];
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  resource: Scalars['String']['output'];
};

export type UserSession = {
  __typename?: 'UserSession';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['Int']['output'];
  ipAddress?: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** Who the bearer token belongs to. */
export type Viewer = {
  __typename?: 'Viewer';
  client: Client;
  role: Role;
  user: User;
};

export type Workflow = {
  __typename?: 'Workflow';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['Int']['output'];
  isCommitmentPoint: Scalars['Boolean']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  stepCategory: Scalars['String']['output'];
  stepName: Scalars['String']['output'];
  stepNumber?: Maybe<Scalars['Int']['output']>;
};

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', role: Role, user: { __typename?: 'User', id: number, email: string, firstName?: string | null, lastName?: string | null }, client: { __typename?: 'Client', id: number, name: string } } };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;