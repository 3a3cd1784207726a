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
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
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

export type AiLearningMemoryConnection = {
  __typename?: 'AiLearningMemoryConnection';
  edges: Array<AiLearningMemoryEdge>;
  nodes: Array<AiLearningMemory>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type AiLearningMemoryEdge = {
  __typename?: 'AiLearningMemoryEdge';
  cursor: Scalars['String']['output'];
  node: AiLearningMemory;
};

/** Conditions on ai_learning_memory; all given fields must match. */
export type AiLearningMemoryFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<AiLearningMemoryFilter>>;
  confidence?: InputMaybe<FloatFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  errorType?: InputMaybe<StringFilter>;
  failedQuery?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<AiLearningMemoryFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<AiLearningMemoryFilter>>;
  specificIssue?: InputMaybe<StringFilter>;
  suggestedFix?: InputMaybe<StringFilter>;
  updatedAt?: InputMaybe<DateTimeFilter>;
  userIntent?: InputMaybe<StringFilter>;
};

export type AiLearningMemoryOrder = {
  direction?: SortDirection;
  field: AiLearningMemoryOrderField;
};

export type AiLearningMemoryOrderField =
  | 'ACTIVE'
  | 'CONFIDENCE'
  | 'CREATED_AT'
  | 'ERROR_TYPE'
  | 'FAILED_QUERY'
  | 'ID'
  | 'SPECIFIC_ISSUE'
  | 'SUGGESTED_FIX'
  | 'UPDATED_AT'
  | 'USER_INTENT';

export type BooleanFilter = {
  /** Equal to (null: is null). */
  eq?: InputMaybe<Scalars['Boolean']['input']>;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to; nulls count as different. */
  ne?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A client organisation (tenant). */
export type Client = {
  __typename?: 'Client';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** learningMemories whose client_id is this row. */
  aiLearningMemories: AiLearningMemoryConnection;
  assetsFolder?: Maybe<Scalars['String']['output']>;
  colorSchemaMode?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  id: Scalars['Int']['output'];
  /** integrations whose client_id is this row. */
  integrations: IntegrationConnection;
  /** issueChangelogs whose client_id is this row. */
  issueChangelogs: IssueChangelogConnection;
  /** issues whose client_id is this row. */
  issues: IssueConnection;
  /** issuetypeHierarchies whose client_id is this row. */
  issuetypeHierarchies: IssuetypeHierarchyConnection;
  /** issuetypeMappings whose client_id is this row. */
  issuetypeMappings: IssuetypeMappingConnection;
  /** issuetypes whose client_id is this row. */
  issuetypes: IssuetypeConnection;
  /** jiraPullRequestLinks whose client_id is this row. */
  jiraPullRequestLinks: JiraPullRequestLinkConnection;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  logoFilename?: Maybe<Scalars['String']['output']>;
  /** anomalyAlerts whose client_id is this row. */
  mlAnomalyAlerts: MlAnomalyAlertConnection;
  /** predictionLogs whose client_id is this row. */
  mlPredictionLogs: MlPredictionLogConnection;
  name: Scalars['String']['output'];
  /** projects whose client_id is this row. */
  projects: ProjectConnection;
  /** pullRequestComments whose client_id is this row. */
  pullRequestComments: PullRequestCommentConnection;
  /** pullRequestCommits whose client_id is this row. */
  pullRequestCommits: PullRequestCommitConnection;
  /** pullRequestReviews whose client_id is this row. */
  pullRequestReviews: PullRequestReviewConnection;
  /** pullRequests whose client_id is this row. */
  pullRequests: PullRequestConnection;
  /** repositories whose client_id is this row. */
  repositories: RepositoryConnection;
  /** statusMappings whose client_id is this row. */
  statusMappings: StatusMappingConnection;
  /** statuses whose client_id is this row. */
  statuses: StatusConnection;
  /** systemSettings whose client_id is this row. */
  systemSettings: SystemSettingConnection;
  /** userPermissions whose client_id is this row. */
  userPermissions: UserPermissionConnection;
  /** userSessions whose client_id is this row. */
  userSessions: UserSessionConnection;
  /** users whose client_id is this row. */
  users: UserConnection;
  website?: Maybe<Scalars['String']['output']>;
  /** workflows whose client_id is this row. */
  workflows: WorkflowConnection;
};


/** A client organisation (tenant). */
export type ClientAiLearningMemoriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AiLearningMemoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<AiLearningMemoryOrder>>;
};


/** A client organisation (tenant). */
export type ClientIntegrationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IntegrationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IntegrationOrder>>;
};


/** A client organisation (tenant). */
export type ClientIssueChangelogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueChangelogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueChangelogOrder>>;
};


/** A client organisation (tenant). */
export type ClientIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


/** A client organisation (tenant). */
export type ClientIssuetypeHierarchiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeHierarchyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeHierarchyOrder>>;
};


/** A client organisation (tenant). */
export type ClientIssuetypeMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeMappingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeMappingOrder>>;
};


/** A client organisation (tenant). */
export type ClientIssuetypesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeOrder>>;
};


/** A client organisation (tenant). */
export type ClientJiraPullRequestLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JiraPullRequestLinkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<JiraPullRequestLinkOrder>>;
};


/** A client organisation (tenant). */
export type ClientMlAnomalyAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MlAnomalyAlertFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MlAnomalyAlertOrder>>;
};


/** A client organisation (tenant). */
export type ClientMlPredictionLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MlPredictionLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MlPredictionLogOrder>>;
};


/** A client organisation (tenant). */
export type ClientProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectOrder>>;
};


/** A client organisation (tenant). */
export type ClientPullRequestCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestCommentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestCommentOrder>>;
};


/** A client organisation (tenant). */
export type ClientPullRequestCommitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestCommitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestCommitOrder>>;
};


/** A client organisation (tenant). */
export type ClientPullRequestReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestReviewFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestReviewOrder>>;
};


/** A client organisation (tenant). */
export type ClientPullRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestOrder>>;
};


/** A client organisation (tenant). */
export type ClientRepositoriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RepositoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RepositoryOrder>>;
};


/** A client organisation (tenant). */
export type ClientStatusMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusMappingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusMappingOrder>>;
};


/** A client organisation (tenant). */
export type ClientStatusesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusOrder>>;
};


/** A client organisation (tenant). */
export type ClientSystemSettingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SystemSettingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<SystemSettingOrder>>;
};


/** A client organisation (tenant). */
export type ClientUserPermissionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserPermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPermissionOrder>>;
};


/** A client organisation (tenant). */
export type ClientUserSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserSessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserSessionOrder>>;
};


/** A client organisation (tenant). */
export type ClientUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserOrder>>;
};


/** A client organisation (tenant). */
export type ClientWorkflowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowOrder>>;
};

export type ClientConnection = {
  __typename?: 'ClientConnection';
  edges: Array<ClientEdge>;
  nodes: Array<Client>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type ClientEdge = {
  __typename?: 'ClientEdge';
  cursor: Scalars['String']['output'];
  node: Client;
};

/** Conditions on clients; all given fields must match. */
export type ClientFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<ClientFilter>>;
  assetsFolder?: InputMaybe<StringFilter>;
  colorSchemaMode?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  logoFilename?: InputMaybe<StringFilter>;
  name?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<ClientFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<ClientFilter>>;
  website?: InputMaybe<StringFilter>;
};

export type ClientOrder = {
  direction?: SortDirection;
  field: ClientOrderField;
};

export type ClientOrderField =
  | 'ACTIVE'
  | 'ASSETS_FOLDER'
  | 'COLOR_SCHEMA_MODE'
  | 'CREATED_AT'
  | 'ID'
  | 'LAST_UPDATED_AT'
  | 'LOGO_FILENAME'
  | 'NAME'
  | 'WEBSITE';

/** A page of id-map entries, in source, table and legacy id order. */
export type ConsolidationIdMapConnection = {
  __typename?: 'ConsolidationIdMapConnection';
  edges: Array<ConsolidationIdMapEdge>;
  nodes: Array<ConsolidationIdMapEntry>;
  pageInfo: PageInfo;
};

export type ConsolidationIdMapEdge = {
  __typename?: 'ConsolidationIdMapEdge';
  cursor: Scalars['String']['output'];
  node: ConsolidationIdMapEntry;
};

/** One row `pulse migrate from` copied into this client: the id it had in its source database and the id it has here. */
export type ConsolidationIdMapEntry = {
  __typename?: 'ConsolidationIdMapEntry';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Its id in the source database. */
  legacyId: Scalars['Int']['output'];
  /** Its id here: the same where it was free, a new one where it was taken. */
  newId: Scalars['Int']['output'];
  /** The run that copied it (`pulse migrate history`). */
  runId: Scalars['Int']['output'];
  /** The source database (host:port/name), as `pulse migrate history` names it. */
  source: Scalars['String']['output'];
  /** The table the row is in (`issues`, `users`, ...). */
  table: Scalars['String']['output'];
};

/** Every given field must match exactly. */
export type ConsolidationIdMapFilter = {
  legacyId?: InputMaybe<Scalars['Int']['input']>;
  newId?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  table?: InputMaybe<Scalars['String']['input']>;
};

export type DateTimeFilter = {
  /** Equal to (null: is null). */
  eq?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Not equal to; nulls count as different. */
  ne?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type DoraMarketBenchmark = {
  __typename?: 'DoraMarketBenchmark';
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  id: Scalars['Int']['output'];
  metricName: Scalars['String']['output'];
  metricUnit?: Maybe<Scalars['String']['output']>;
  metricValue: Scalars['String']['output'];
  performanceTier: Scalars['String']['output'];
  reportSource?: Maybe<Scalars['String']['output']>;
  reportYear: Scalars['Int']['output'];
};

export type DoraMarketBenchmarkConnection = {
  __typename?: 'DoraMarketBenchmarkConnection';
  edges: Array<DoraMarketBenchmarkEdge>;
  nodes: Array<DoraMarketBenchmark>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type DoraMarketBenchmarkEdge = {
  __typename?: 'DoraMarketBenchmarkEdge';
  cursor: Scalars['String']['output'];
  node: DoraMarketBenchmark;
};

/** Conditions on dora_market_benchmarks; all given fields must match. */
export type DoraMarketBenchmarkFilter = {
  /** Every one of these filters. */
  and?: InputMaybe<Array<DoraMarketBenchmarkFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  metricName?: InputMaybe<StringFilter>;
  metricUnit?: InputMaybe<StringFilter>;
  metricValue?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<DoraMarketBenchmarkFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<DoraMarketBenchmarkFilter>>;
  performanceTier?: InputMaybe<StringFilter>;
  reportSource?: InputMaybe<StringFilter>;
  reportYear?: InputMaybe<IntFilter>;
};

export type DoraMarketBenchmarkOrder = {
  direction?: SortDirection;
  field: DoraMarketBenchmarkOrderField;
};

export type DoraMarketBenchmarkOrderField =
  | 'CREATED_AT'
  | 'ID'
  | 'METRIC_NAME'
  | 'METRIC_UNIT'
  | 'METRIC_VALUE'
  | 'PERFORMANCE_TIER'
  | 'REPORT_SOURCE'
  | 'REPORT_YEAR';

export type DoraMetricInsight = {
  __typename?: 'DoraMetricInsight';
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  id: Scalars['Int']['output'];
  insightText: Scalars['String']['output'];
  metricName: Scalars['String']['output'];
  reportYear: Scalars['Int']['output'];
};

export type DoraMetricInsightConnection = {
  __typename?: 'DoraMetricInsightConnection';
  edges: Array<DoraMetricInsightEdge>;
  nodes: Array<DoraMetricInsight>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type DoraMetricInsightEdge = {
  __typename?: 'DoraMetricInsightEdge';
  cursor: Scalars['String']['output'];
  node: DoraMetricInsight;
};

/** Conditions on dora_metric_insights; all given fields must match. */
export type DoraMetricInsightFilter = {
  /** Every one of these filters. */
  and?: InputMaybe<Array<DoraMetricInsightFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  insightText?: InputMaybe<StringFilter>;
  metricName?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<DoraMetricInsightFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<DoraMetricInsightFilter>>;
  reportYear?: InputMaybe<IntFilter>;
};

export type DoraMetricInsightOrder = {
  direction?: SortDirection;
  field: DoraMetricInsightOrderField;
};

export type DoraMetricInsightOrderField =
  | 'CREATED_AT'
  | 'ID'
  | 'INSIGHT_TEXT'
  | 'METRIC_NAME'
  | 'REPORT_YEAR';

export type FloatFilter = {
  /** Equal to (null: is null). */
  eq?: InputMaybe<Scalars['Float']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['Float']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['Float']['input']>;
  /** One of these values (at most 1000). */
  in?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['Float']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['Float']['input']>;
  /** Not equal to; nulls count as different. */
  ne?: InputMaybe<Scalars['Float']['input']>;
  /** None of these values (at most 1000); nulls match. */
  notIn?: InputMaybe<Array<Scalars['Float']['input']>>;
};

export type IntFilter = {
  /** Equal to (null: is null). */
  eq?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['Int']['input']>;
  /** One of these values (at most 1000). */
  in?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['Int']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['Int']['input']>;
  /** Not equal to; nulls count as different. */
  ne?: InputMaybe<Scalars['Int']['input']>;
  /** None of these values (at most 1000); nulls match. */
  notIn?: InputMaybe<Array<Scalars['Int']['input']>>;
};

export type Integration = {
  __typename?: 'Integration';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  baseSearch?: Maybe<Scalars['String']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Whether a password/token is stored (the secret itself is never returned). */
  hasPassword: Scalars['Boolean']['output'];
  id: Scalars['Int']['output'];
  /** issueChangelogs whose integration_id is this row. */
  issueChangelogs: IssueChangelogConnection;
  /** issues whose integration_id is this row. */
  issues: IssueConnection;
  /** issuetypeHierarchies whose integration_id is this row. */
  issuetypeHierarchies: IssuetypeHierarchyConnection;
  /** issuetypeMappings whose integration_id is this row. */
  issuetypeMappings: IssuetypeMappingConnection;
  /** issuetypes whose integration_id is this row. */
  issuetypes: IssuetypeConnection;
  /** jiraPullRequestLinks whose integration_id is this row. */
  jiraPullRequestLinks: JiraPullRequestLinkConnection;
  lastSyncAt?: Maybe<Scalars['DateTimeISO']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** projects whose integration_id is this row. */
  projects: ProjectConnection;
  /** pullRequestComments whose integration_id is this row. */
  pullRequestComments: PullRequestCommentConnection;
  /** pullRequestCommits whose integration_id is this row. */
  pullRequestCommits: PullRequestCommitConnection;
  /** pullRequestReviews whose integration_id is this row. */
  pullRequestReviews: PullRequestReviewConnection;
  /** pullRequests whose integration_id is this row. */
  pullRequests: PullRequestConnection;
  /** repositories whose integration_id is this row. */
  repositories: RepositoryConnection;
  /** statusMappings whose integration_id is this row. */
  statusMappings: StatusMappingConnection;
  /** statuses whose integration_id is this row. */
  statuses: StatusConnection;
  url?: Maybe<Scalars['String']['output']>;
  username?: Maybe<Scalars['String']['output']>;
  /** workflows whose integration_id is this row. */
  workflows: WorkflowConnection;
};


export type IntegrationIssueChangelogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueChangelogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueChangelogOrder>>;
};


export type IntegrationIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type IntegrationIssuetypeHierarchiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeHierarchyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeHierarchyOrder>>;
};


export type IntegrationIssuetypeMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeMappingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeMappingOrder>>;
};


export type IntegrationIssuetypesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeOrder>>;
};


export type IntegrationJiraPullRequestLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JiraPullRequestLinkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<JiraPullRequestLinkOrder>>;
};


export type IntegrationProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectOrder>>;
};


export type IntegrationPullRequestCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestCommentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestCommentOrder>>;
};


export type IntegrationPullRequestCommitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestCommitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestCommitOrder>>;
};


export type IntegrationPullRequestReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestReviewFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestReviewOrder>>;
};


export type IntegrationPullRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestOrder>>;
};


export type IntegrationRepositoriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RepositoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RepositoryOrder>>;
};


export type IntegrationStatusMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusMappingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusMappingOrder>>;
};


export type IntegrationStatusesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusOrder>>;
};


export type IntegrationWorkflowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowOrder>>;
};

export type IntegrationConnection = {
  __typename?: 'IntegrationConnection';
  edges: Array<IntegrationEdge>;
  nodes: Array<Integration>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type IntegrationEdge = {
  __typename?: 'IntegrationEdge';
  cursor: Scalars['String']['output'];
  node: Integration;
};

/** Conditions on integrations; all given fields must match. */
export type IntegrationFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<IntegrationFilter>>;
  baseSearch?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  lastSyncAt?: InputMaybe<DateTimeFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  name?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<IntegrationFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<IntegrationFilter>>;
  url?: InputMaybe<StringFilter>;
  username?: InputMaybe<StringFilter>;
};

export type IntegrationOrder = {
  direction?: SortDirection;
  field: IntegrationOrderField;
};

export type IntegrationOrderField =
  | 'ACTIVE'
  | 'BASE_SEARCH'
  | 'CREATED_AT'
  | 'ID'
  | 'LAST_SYNC_AT'
  | 'LAST_UPDATED_AT'
  | 'NAME'
  | 'URL'
  | 'USERNAME';

export type Issue = {
  __typename?: 'Issue';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  assignee?: Maybe<Scalars['String']['output']>;
  assigneeId?: Maybe<Scalars['Int']['output']>;
  /** The User this row's assignee_id points at. */
  assigneeUser?: Maybe<User>;
  /** issueChangelogs whose issue_id is this row. */
  changelogs: IssueChangelogConnection;
  /** issues whose parent_id is this row. */
  children: IssueConnection;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
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
  /** pullRequests whose issue_id is this row. */
  directPullRequests: PullRequestConnection;
  dueDate?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  epicLink?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  /** The Issuetype this row's issuetype_id points at. */
  issuetype?: Maybe<Issuetype>;
  issuetypeId?: Maybe<Scalars['Int']['output']>;
  issuetypeName?: Maybe<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  labels?: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  levelNumber?: Maybe<Scalars['Int']['output']>;
  /** The Issue this row's parent_id points at. */
  parent?: Maybe<Issue>;
  parentExternalId?: Maybe<Scalars['String']['output']>;
  parentId?: Maybe<Scalars['Int']['output']>;
  parentKey?: Maybe<Scalars['String']['output']>;
  priority?: Maybe<Scalars['String']['output']>;
  /** The Project this row's project_id points at. */
  project?: Maybe<Project>;
  projectId?: Maybe<Scalars['Int']['output']>;
  /** jiraPullRequestLinks whose issue_id is this row. */
  pullRequestLinks: JiraPullRequestLinkConnection;
  /** Pull requests linked to this issue (jira_pull_request_links). */
  pullRequests: PullRequestConnection;
  reporter?: Maybe<Scalars['String']['output']>;
  reporterId?: Maybe<Scalars['Int']['output']>;
  /** The User this row's reporter_id points at. */
  reporterUser?: Maybe<User>;
  resolution?: Maybe<Scalars['String']['output']>;
  resolved?: Maybe<Scalars['DateTimeISO']['output']>;
  reworkIndicator?: Maybe<Scalars['Boolean']['output']>;
  /** The Status this row's status_id points at. */
  status?: Maybe<Status>;
  statusId?: Maybe<Scalars['Int']['output']>;
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


export type IssueChangelogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueChangelogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueChangelogOrder>>;
};


export type IssueChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type IssueDirectPullRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestOrder>>;
};


export type IssuePullRequestLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JiraPullRequestLinkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<JiraPullRequestLinkOrder>>;
};


export type IssuePullRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestOrder>>;
};

export type IssueChangelog = {
  __typename?: 'IssueChangelog';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  changedBy?: Maybe<Scalars['String']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  /** The Status this row's from_status_id points at. */
  fromStatus?: Maybe<Status>;
  fromStatusId?: Maybe<Scalars['Int']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  /** The Issue this row's issue_id points at. */
  issue?: Maybe<Issue>;
  issueId: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  timeInStatusSeconds?: Maybe<Scalars['Float']['output']>;
  /** The Status this row's to_status_id points at. */
  toStatus?: Maybe<Status>;
  toStatusId?: Maybe<Scalars['Int']['output']>;
  transitionChangeDate?: Maybe<Scalars['DateTimeISO']['output']>;
  transitionStartDate?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type IssueChangelogConnection = {
  __typename?: 'IssueChangelogConnection';
  edges: Array<IssueChangelogEdge>;
  nodes: Array<IssueChangelog>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type IssueChangelogEdge = {
  __typename?: 'IssueChangelogEdge';
  cursor: Scalars['String']['output'];
  node: IssueChangelog;
};

/** Conditions on issue_changelogs; all given fields must match. */
export type IssueChangelogFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<IssueChangelogFilter>>;
  changedBy?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  externalId?: InputMaybe<StringFilter>;
  fromStatusId?: InputMaybe<IntFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  issueId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<IssueChangelogFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<IssueChangelogFilter>>;
  timeInStatusSeconds?: InputMaybe<FloatFilter>;
  toStatusId?: InputMaybe<IntFilter>;
  transitionChangeDate?: InputMaybe<DateTimeFilter>;
  transitionStartDate?: InputMaybe<DateTimeFilter>;
};

export type IssueChangelogOrder = {
  direction?: SortDirection;
  field: IssueChangelogOrderField;
};

export type IssueChangelogOrderField =
  | 'ACTIVE'
  | 'CHANGED_BY'
  | 'CREATED_AT'
  | 'EXTERNAL_ID'
  | 'FROM_STATUS_ID'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'ISSUE_ID'
  | 'LAST_UPDATED_AT'
  | 'TIME_IN_STATUS_SECONDS'
  | 'TO_STATUS_ID'
  | 'TRANSITION_CHANGE_DATE'
  | 'TRANSITION_START_DATE';

/** A status transition of an issue (key: issue + externalId). Same fields as the `issueChangelog` import record. */
export type IssueChangelogUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  changedBy?: InputMaybe<Scalars['String']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId: Scalars['String']['input'];
  /** Natural key. */
  fromStatus?: InputMaybe<Scalars['String']['input']>;
  /** Natural key; default "Jira". */
  integration?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  issue: Scalars['String']['input'];
  timeInStatusSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** Natural key. */
  toStatus?: InputMaybe<Scalars['String']['input']>;
  transitionChangeDate?: InputMaybe<Scalars['DateTimeISO']['input']>;
  transitionStartDate?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type IssueConnection = {
  __typename?: 'IssueConnection';
  edges: Array<IssueEdge>;
  nodes: Array<Issue>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of issues. */
export type IssueCreateInput = {
  assignee?: InputMaybe<Scalars['String']['input']>;
  /** Id of an User of your organisation. */
  assigneeId?: InputMaybe<Scalars['Int']['input']>;
  created?: InputMaybe<Scalars['DateTimeISO']['input']>;
  customField01?: InputMaybe<Scalars['String']['input']>;
  customField02?: InputMaybe<Scalars['String']['input']>;
  customField03?: InputMaybe<Scalars['String']['input']>;
  customField04?: InputMaybe<Scalars['String']['input']>;
  customField05?: InputMaybe<Scalars['String']['input']>;
  customField06?: InputMaybe<Scalars['String']['input']>;
  customField07?: InputMaybe<Scalars['String']['input']>;
  customField08?: InputMaybe<Scalars['String']['input']>;
  customField09?: InputMaybe<Scalars['String']['input']>;
  customField10?: InputMaybe<Scalars['String']['input']>;
  customField11?: InputMaybe<Scalars['String']['input']>;
  customField12?: InputMaybe<Scalars['String']['input']>;
  customField13?: InputMaybe<Scalars['String']['input']>;
  customField14?: InputMaybe<Scalars['String']['input']>;
  customField15?: InputMaybe<Scalars['String']['input']>;
  customField16?: InputMaybe<Scalars['String']['input']>;
  customField17?: InputMaybe<Scalars['String']['input']>;
  customField18?: InputMaybe<Scalars['String']['input']>;
  customField19?: InputMaybe<Scalars['String']['input']>;
  customField20?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** At most 50 characters. */
  epicLink?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId: Scalars['Int']['input'];
  /** Id of an Issuetype of your organisation. */
  issuetypeId?: InputMaybe<Scalars['Int']['input']>;
  /** At most 100 characters. */
  issuetypeName?: InputMaybe<Scalars['String']['input']>;
  /** At most 50 characters. */
  key: Scalars['String']['input'];
  labels?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: 0. */
  levelNumber?: InputMaybe<Scalars['Int']['input']>;
  parentExternalId?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Issue of your organisation. */
  parentId?: InputMaybe<Scalars['Int']['input']>;
  /** At most 50 characters. */
  parentKey?: InputMaybe<Scalars['String']['input']>;
  /** At most 50 characters. */
  priority?: InputMaybe<Scalars['String']['input']>;
  /** Id of a Project of your organisation. */
  projectId?: InputMaybe<Scalars['Int']['input']>;
  /** At most 100 characters. */
  reporter?: InputMaybe<Scalars['String']['input']>;
  /** Id of an User of your organisation. */
  reporterId?: InputMaybe<Scalars['Int']['input']>;
  resolution?: InputMaybe<Scalars['String']['input']>;
  resolved?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Id of a Status of your organisation. */
  statusId?: InputMaybe<Scalars['Int']['input']>;
  /** At most 100 characters. */
  statusName?: InputMaybe<Scalars['String']['input']>;
  storyPoints?: InputMaybe<Scalars['Int']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  team?: InputMaybe<Scalars['String']['input']>;
  updated?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type IssueEdge = {
  __typename?: 'IssueEdge';
  cursor: Scalars['String']['output'];
  node: Issue;
};

/** Conditions on issues; all given fields must match. */
export type IssueFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<IssueFilter>>;
  assignee?: InputMaybe<StringFilter>;
  assigneeId?: InputMaybe<IntFilter>;
  codeChanged?: InputMaybe<BooleanFilter>;
  commentCount?: InputMaybe<IntFilter>;
  created?: InputMaybe<DateTimeFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  customField01?: InputMaybe<StringFilter>;
  customField02?: InputMaybe<StringFilter>;
  customField03?: InputMaybe<StringFilter>;
  customField04?: InputMaybe<StringFilter>;
  customField05?: InputMaybe<StringFilter>;
  customField06?: InputMaybe<StringFilter>;
  customField07?: InputMaybe<StringFilter>;
  customField08?: InputMaybe<StringFilter>;
  customField09?: InputMaybe<StringFilter>;
  customField10?: InputMaybe<StringFilter>;
  customField11?: InputMaybe<StringFilter>;
  customField12?: InputMaybe<StringFilter>;
  customField13?: InputMaybe<StringFilter>;
  customField14?: InputMaybe<StringFilter>;
  customField15?: InputMaybe<StringFilter>;
  customField16?: InputMaybe<StringFilter>;
  customField17?: InputMaybe<StringFilter>;
  customField18?: InputMaybe<StringFilter>;
  customField19?: InputMaybe<StringFilter>;
  customField20?: InputMaybe<StringFilter>;
  description?: InputMaybe<StringFilter>;
  directCompletion?: InputMaybe<BooleanFilter>;
  dueDate?: InputMaybe<DateTimeFilter>;
  epicLink?: InputMaybe<StringFilter>;
  externalId?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  issuetypeId?: InputMaybe<IntFilter>;
  issuetypeName?: InputMaybe<StringFilter>;
  key?: InputMaybe<StringFilter>;
  labels?: InputMaybe<StringFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  levelNumber?: InputMaybe<IntFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<IssueFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<IssueFilter>>;
  parentExternalId?: InputMaybe<StringFilter>;
  parentId?: InputMaybe<IntFilter>;
  parentKey?: InputMaybe<StringFilter>;
  priority?: InputMaybe<StringFilter>;
  projectId?: InputMaybe<IntFilter>;
  reporter?: InputMaybe<StringFilter>;
  reporterId?: InputMaybe<IntFilter>;
  resolution?: InputMaybe<StringFilter>;
  resolved?: InputMaybe<DateTimeFilter>;
  reworkIndicator?: InputMaybe<BooleanFilter>;
  statusId?: InputMaybe<IntFilter>;
  statusName?: InputMaybe<StringFilter>;
  storyPoints?: InputMaybe<IntFilter>;
  summary?: InputMaybe<StringFilter>;
  team?: InputMaybe<StringFilter>;
  totalBacklogReturns?: InputMaybe<IntFilter>;
  totalCompletions?: InputMaybe<IntFilter>;
  totalCycleTimeSeconds?: InputMaybe<FloatFilter>;
  totalLeadTimeSeconds?: InputMaybe<FloatFilter>;
  totalReviewTimeSeconds?: InputMaybe<FloatFilter>;
  totalWorkStarts?: InputMaybe<IntFilter>;
  totalWorkTimeSeconds?: InputMaybe<FloatFilter>;
  updated?: InputMaybe<DateTimeFilter>;
  workFirstCommittedAt?: InputMaybe<DateTimeFilter>;
  workFirstCompletedAt?: InputMaybe<DateTimeFilter>;
  workFirstStartedAt?: InputMaybe<DateTimeFilter>;
  workLastCompletedAt?: InputMaybe<DateTimeFilter>;
  workLastStartedAt?: InputMaybe<DateTimeFilter>;
  workStartedAt?: InputMaybe<DateTimeFilter>;
  workflowComplexityScore?: InputMaybe<IntFilter>;
};

export type IssueOrder = {
  direction?: SortDirection;
  field: IssueOrderField;
};

export type IssueOrderField =
  | 'ACTIVE'
  | 'ASSIGNEE'
  | 'ASSIGNEE_ID'
  | 'CODE_CHANGED'
  | 'COMMENT_COUNT'
  | 'CREATED'
  | 'CREATED_AT'
  | 'CUSTOM_FIELD_01'
  | 'CUSTOM_FIELD_02'
  | 'CUSTOM_FIELD_03'
  | 'CUSTOM_FIELD_04'
  | 'CUSTOM_FIELD_05'
  | 'CUSTOM_FIELD_06'
  | 'CUSTOM_FIELD_07'
  | 'CUSTOM_FIELD_08'
  | 'CUSTOM_FIELD_09'
  | 'CUSTOM_FIELD_10'
  | 'CUSTOM_FIELD_11'
  | 'CUSTOM_FIELD_12'
  | 'CUSTOM_FIELD_13'
  | 'CUSTOM_FIELD_14'
  | 'CUSTOM_FIELD_15'
  | 'CUSTOM_FIELD_16'
  | 'CUSTOM_FIELD_17'
  | 'CUSTOM_FIELD_18'
  | 'CUSTOM_FIELD_19'
  | 'CUSTOM_FIELD_20'
  | 'DESCRIPTION'
  | 'DIRECT_COMPLETION'
  | 'DUE_DATE'
  | 'EPIC_LINK'
  | 'EXTERNAL_ID'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'ISSUETYPE_ID'
  | 'ISSUETYPE_NAME'
  | 'KEY'
  | 'LABELS'
  | 'LAST_UPDATED_AT'
  | 'LEVEL_NUMBER'
  | 'PARENT_EXTERNAL_ID'
  | 'PARENT_ID'
  | 'PARENT_KEY'
  | 'PRIORITY'
  | 'PROJECT_ID'
  | 'REPORTER'
  | 'REPORTER_ID'
  | 'RESOLUTION'
  | 'RESOLVED'
  | 'REWORK_INDICATOR'
  | 'STATUS_ID'
  | 'STATUS_NAME'
  | 'STORY_POINTS'
  | 'SUMMARY'
  | 'TEAM'
  | 'TOTAL_BACKLOG_RETURNS'
  | 'TOTAL_COMPLETIONS'
  | 'TOTAL_CYCLE_TIME_SECONDS'
  | 'TOTAL_LEAD_TIME_SECONDS'
  | 'TOTAL_REVIEW_TIME_SECONDS'
  | 'TOTAL_WORK_STARTS'
  | 'TOTAL_WORK_TIME_SECONDS'
  | 'UPDATED'
  | 'WORKFLOW_COMPLEXITY_SCORE'
  | 'WORK_FIRST_COMMITTED_AT'
  | 'WORK_FIRST_COMPLETED_AT'
  | 'WORK_FIRST_STARTED_AT'
  | 'WORK_LAST_COMPLETED_AT'
  | 'WORK_LAST_STARTED_AT'
  | 'WORK_STARTED_AT';

/** Changes to a row of issues: omitted fields keep their value, null clears a nullable one. */
export type IssueUpdateInput = {
  assignee?: InputMaybe<Scalars['String']['input']>;
  /** Id of an User of your organisation. */
  assigneeId?: InputMaybe<Scalars['Int']['input']>;
  created?: InputMaybe<Scalars['DateTimeISO']['input']>;
  customField01?: InputMaybe<Scalars['String']['input']>;
  customField02?: InputMaybe<Scalars['String']['input']>;
  customField03?: InputMaybe<Scalars['String']['input']>;
  customField04?: InputMaybe<Scalars['String']['input']>;
  customField05?: InputMaybe<Scalars['String']['input']>;
  customField06?: InputMaybe<Scalars['String']['input']>;
  customField07?: InputMaybe<Scalars['String']['input']>;
  customField08?: InputMaybe<Scalars['String']['input']>;
  customField09?: InputMaybe<Scalars['String']['input']>;
  customField10?: InputMaybe<Scalars['String']['input']>;
  customField11?: InputMaybe<Scalars['String']['input']>;
  customField12?: InputMaybe<Scalars['String']['input']>;
  customField13?: InputMaybe<Scalars['String']['input']>;
  customField14?: InputMaybe<Scalars['String']['input']>;
  customField15?: InputMaybe<Scalars['String']['input']>;
  customField16?: InputMaybe<Scalars['String']['input']>;
  customField17?: InputMaybe<Scalars['String']['input']>;
  customField18?: InputMaybe<Scalars['String']['input']>;
  customField19?: InputMaybe<Scalars['String']['input']>;
  customField20?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** At most 50 characters. */
  epicLink?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  /** Id of an Issuetype of your organisation. */
  issuetypeId?: InputMaybe<Scalars['Int']['input']>;
  /** At most 100 characters. */
  issuetypeName?: InputMaybe<Scalars['String']['input']>;
  /** At most 50 characters. */
  key?: InputMaybe<Scalars['String']['input']>;
  labels?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: 0. */
  levelNumber?: InputMaybe<Scalars['Int']['input']>;
  parentExternalId?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Issue of your organisation. */
  parentId?: InputMaybe<Scalars['Int']['input']>;
  /** At most 50 characters. */
  parentKey?: InputMaybe<Scalars['String']['input']>;
  /** At most 50 characters. */
  priority?: InputMaybe<Scalars['String']['input']>;
  /** Id of a Project of your organisation. */
  projectId?: InputMaybe<Scalars['Int']['input']>;
  /** At most 100 characters. */
  reporter?: InputMaybe<Scalars['String']['input']>;
  /** Id of an User of your organisation. */
  reporterId?: InputMaybe<Scalars['Int']['input']>;
  resolution?: InputMaybe<Scalars['String']['input']>;
  resolved?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Id of a Status of your organisation. */
  statusId?: InputMaybe<Scalars['Int']['input']>;
  /** At most 100 characters. */
  statusName?: InputMaybe<Scalars['String']['input']>;
  storyPoints?: InputMaybe<Scalars['Int']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  team?: InputMaybe<Scalars['String']['input']>;
  updated?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** A Jira issue (key: key; project by key, issuetype and status by external id, assignee and reporter users by email; parentKey links the parent). Same fields as the `issue` import record. */
export type IssueUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  assignee?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  assigneeEmail?: InputMaybe<Scalars['String']['input']>;
  codeChanged?: InputMaybe<Scalars['Boolean']['input']>;
  commentCount?: InputMaybe<Scalars['Int']['input']>;
  created?: InputMaybe<Scalars['DateTimeISO']['input']>;
  customField01?: InputMaybe<Scalars['String']['input']>;
  customField02?: InputMaybe<Scalars['String']['input']>;
  customField03?: InputMaybe<Scalars['String']['input']>;
  customField04?: InputMaybe<Scalars['String']['input']>;
  customField05?: InputMaybe<Scalars['String']['input']>;
  customField06?: InputMaybe<Scalars['String']['input']>;
  customField07?: InputMaybe<Scalars['String']['input']>;
  customField08?: InputMaybe<Scalars['String']['input']>;
  customField09?: InputMaybe<Scalars['String']['input']>;
  customField10?: InputMaybe<Scalars['String']['input']>;
  customField11?: InputMaybe<Scalars['String']['input']>;
  customField12?: InputMaybe<Scalars['String']['input']>;
  customField13?: InputMaybe<Scalars['String']['input']>;
  customField14?: InputMaybe<Scalars['String']['input']>;
  customField15?: InputMaybe<Scalars['String']['input']>;
  customField16?: InputMaybe<Scalars['String']['input']>;
  customField17?: InputMaybe<Scalars['String']['input']>;
  customField18?: InputMaybe<Scalars['String']['input']>;
  customField19?: InputMaybe<Scalars['String']['input']>;
  customField20?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  directCompletion?: InputMaybe<Scalars['Boolean']['input']>;
  dueDate?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  epicLink?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Natural key; default "Jira". */
  integration?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  issuetype?: InputMaybe<Scalars['String']['input']>;
  issuetypeName?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  labels?: InputMaybe<Scalars['String']['input']>;
  levelNumber?: InputMaybe<Scalars['Int']['input']>;
  parentExternalId?: InputMaybe<Scalars['String']['input']>;
  parentKey?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  project?: InputMaybe<Scalars['String']['input']>;
  reporter?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  reporterEmail?: InputMaybe<Scalars['String']['input']>;
  resolution?: InputMaybe<Scalars['String']['input']>;
  resolved?: InputMaybe<Scalars['DateTimeISO']['input']>;
  reworkIndicator?: InputMaybe<Scalars['Boolean']['input']>;
  /** Natural key. */
  status?: InputMaybe<Scalars['String']['input']>;
  statusName?: InputMaybe<Scalars['String']['input']>;
  storyPoints?: InputMaybe<Scalars['Int']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  team?: InputMaybe<Scalars['String']['input']>;
  totalBacklogReturns?: InputMaybe<Scalars['Int']['input']>;
  totalCompletions?: InputMaybe<Scalars['Int']['input']>;
  totalCycleTimeSeconds?: InputMaybe<Scalars['Float']['input']>;
  totalLeadTimeSeconds?: InputMaybe<Scalars['Float']['input']>;
  totalReviewTimeSeconds?: InputMaybe<Scalars['Float']['input']>;
  totalWorkStarts?: InputMaybe<Scalars['Int']['input']>;
  totalWorkTimeSeconds?: InputMaybe<Scalars['Float']['input']>;
  updated?: InputMaybe<Scalars['DateTimeISO']['input']>;
  workFirstCommittedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  workFirstCompletedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  workFirstStartedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  workLastCompletedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  workLastStartedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  workStartedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  workflowComplexityScore?: InputMaybe<Scalars['Int']['input']>;
};

export type Issuetype = {
  __typename?: 'Issuetype';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  hierarchyLevel: Scalars['Int']['output'];
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  /** issues whose issuetype_id is this row. */
  issues: IssueConnection;
  /** The IssuetypeMapping this row's issuetype_mapping_id points at. */
  issuetypeMapping?: Maybe<IssuetypeMapping>;
  issuetypeMappingId?: Maybe<Scalars['Int']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  originalName: Scalars['String']['output'];
  /** projectIssuetypes whose issuetype_id is this row. */
  projectIssuetypes: ProjectIssuetypeConnection;
  /** Projects that use this issue type. */
  projects: ProjectConnection;
};


export type IssuetypeIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type IssuetypeProjectIssuetypesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectIssuetypeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectIssuetypeOrder>>;
};


export type IssuetypeProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectOrder>>;
};

export type IssuetypeConnection = {
  __typename?: 'IssuetypeConnection';
  edges: Array<IssuetypeEdge>;
  nodes: Array<Issuetype>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of issuetypes. */
export type IssuetypeCreateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  hierarchyLevel: Scalars['Int']['input'];
  /** Id of an Integration of your organisation. */
  integrationId: Scalars['Int']['input'];
  /** Id of an IssuetypeMapping of your organisation. */
  issuetypeMappingId?: InputMaybe<Scalars['Int']['input']>;
  originalName: Scalars['String']['input'];
};

export type IssuetypeEdge = {
  __typename?: 'IssuetypeEdge';
  cursor: Scalars['String']['output'];
  node: Issuetype;
};

/** Conditions on issuetypes; all given fields must match. */
export type IssuetypeFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<IssuetypeFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  description?: InputMaybe<StringFilter>;
  externalId?: InputMaybe<StringFilter>;
  hierarchyLevel?: InputMaybe<IntFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  issuetypeMappingId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<IssuetypeFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<IssuetypeFilter>>;
  originalName?: InputMaybe<StringFilter>;
};

export type IssuetypeHierarchy = {
  __typename?: 'IssuetypeHierarchy';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId?: Maybe<Scalars['Int']['output']>;
  /** issuetypeMappings whose issuetype_hierarchy_id is this row. */
  issuetypeMappings: IssuetypeMappingConnection;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  levelName: Scalars['String']['output'];
  levelNumber: Scalars['Int']['output'];
};


export type IssuetypeHierarchyIssuetypeMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeMappingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeMappingOrder>>;
};

export type IssuetypeHierarchyConnection = {
  __typename?: 'IssuetypeHierarchyConnection';
  edges: Array<IssuetypeHierarchyEdge>;
  nodes: Array<IssuetypeHierarchy>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type IssuetypeHierarchyEdge = {
  __typename?: 'IssuetypeHierarchyEdge';
  cursor: Scalars['String']['output'];
  node: IssuetypeHierarchy;
};

/** Conditions on issuetype_hierarchies; all given fields must match. */
export type IssuetypeHierarchyFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<IssuetypeHierarchyFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  description?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  levelName?: InputMaybe<StringFilter>;
  levelNumber?: InputMaybe<IntFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<IssuetypeHierarchyFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<IssuetypeHierarchyFilter>>;
};

export type IssuetypeHierarchyOrder = {
  direction?: SortDirection;
  field: IssuetypeHierarchyOrderField;
};

export type IssuetypeHierarchyOrderField =
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'DESCRIPTION'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'LAST_UPDATED_AT'
  | 'LEVEL_NAME'
  | 'LEVEL_NUMBER';

/** A level of the issue type hierarchy (key: levelNumber). Same fields as the `issuetypeHierarchy` import record. */
export type IssuetypeHierarchyUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Natural key. */
  integration?: InputMaybe<Scalars['String']['input']>;
  levelName: Scalars['String']['input'];
  levelNumber: Scalars['Int']['input'];
};

export type IssuetypeMapping = {
  __typename?: 'IssuetypeMapping';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId?: Maybe<Scalars['Int']['output']>;
  issuetypeFrom: Scalars['String']['output'];
  /** The IssuetypeHierarchy this row's issuetype_hierarchy_id points at. */
  issuetypeHierarchy?: Maybe<IssuetypeHierarchy>;
  issuetypeHierarchyId: Scalars['Int']['output'];
  issuetypeTo: Scalars['String']['output'];
  /** issuetypes whose issuetype_mapping_id is this row. */
  issuetypes: IssuetypeConnection;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
};


export type IssuetypeMappingIssuetypesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeOrder>>;
};

export type IssuetypeMappingConnection = {
  __typename?: 'IssuetypeMappingConnection';
  edges: Array<IssuetypeMappingEdge>;
  nodes: Array<IssuetypeMapping>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of issuetype_mappings. */
export type IssuetypeMappingCreateInput = {
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  issuetypeFrom: Scalars['String']['input'];
  /** Id of an IssuetypeHierarchy of your organisation. */
  issuetypeHierarchyId: Scalars['Int']['input'];
  issuetypeTo: Scalars['String']['input'];
};

export type IssuetypeMappingEdge = {
  __typename?: 'IssuetypeMappingEdge';
  cursor: Scalars['String']['output'];
  node: IssuetypeMapping;
};

/** Conditions on issuetype_mappings; all given fields must match. */
export type IssuetypeMappingFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<IssuetypeMappingFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  issuetypeFrom?: InputMaybe<StringFilter>;
  issuetypeHierarchyId?: InputMaybe<IntFilter>;
  issuetypeTo?: InputMaybe<StringFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<IssuetypeMappingFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<IssuetypeMappingFilter>>;
};

export type IssuetypeMappingOrder = {
  direction?: SortDirection;
  field: IssuetypeMappingOrderField;
};

export type IssuetypeMappingOrderField =
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'ISSUETYPE_FROM'
  | 'ISSUETYPE_HIERARCHY_ID'
  | 'ISSUETYPE_TO'
  | 'LAST_UPDATED_AT';

/** Changes to a row of issuetype_mappings: omitted fields keep their value, null clears a nullable one. */
export type IssuetypeMappingUpdateInput = {
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  issuetypeFrom?: InputMaybe<Scalars['String']['input']>;
  /** Id of an IssuetypeHierarchy of your organisation. */
  issuetypeHierarchyId?: InputMaybe<Scalars['Int']['input']>;
  issuetypeTo?: InputMaybe<Scalars['String']['input']>;
};

/** Maps a raw Jira issue type name to a hierarchy level (key: issuetypeFrom). Same fields as the `issuetypeMapping` import record. */
export type IssuetypeMappingUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Natural key. */
  hierarchyLevel: Scalars['Int']['input'];
  /** Natural key. */
  integration?: InputMaybe<Scalars['String']['input']>;
  issuetypeFrom: Scalars['String']['input'];
  issuetypeTo: Scalars['String']['input'];
};

export type IssuetypeOrder = {
  direction?: SortDirection;
  field: IssuetypeOrderField;
};

export type IssuetypeOrderField =
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'DESCRIPTION'
  | 'EXTERNAL_ID'
  | 'HIERARCHY_LEVEL'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'ISSUETYPE_MAPPING_ID'
  | 'LAST_UPDATED_AT'
  | 'ORIGINAL_NAME';

/** Changes to a row of issuetypes: omitted fields keep their value, null clears a nullable one. */
export type IssuetypeUpdateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  hierarchyLevel?: InputMaybe<Scalars['Int']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  /** Id of an IssuetypeMapping of your organisation. */
  issuetypeMappingId?: InputMaybe<Scalars['Int']['input']>;
  originalName?: InputMaybe<Scalars['String']['input']>;
};

/** A Jira issue type (key: externalId; issuetypeMapping by its issuetypeFrom). Same fields as the `issuetype` import record. */
export type IssuetypeUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId: Scalars['String']['input'];
  hierarchyLevel: Scalars['Int']['input'];
  /** Natural key; default "Jira". */
  integration?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  issuetypeMapping?: InputMaybe<Scalars['String']['input']>;
  originalName: Scalars['String']['input'];
};

export type JiraPullRequestLink = {
  __typename?: 'JiraPullRequestLink';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  branchName?: Maybe<Scalars['String']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  commitSha?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalRepoId: Scalars['String']['output'];
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  /** The Issue this row's issue_id points at. */
  issue?: Maybe<Issue>;
  issueId: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  prStatus?: Maybe<Scalars['String']['output']>;
  pullRequestNumber: Scalars['Int']['output'];
  repoFullName: Scalars['String']['output'];
};

export type JiraPullRequestLinkConnection = {
  __typename?: 'JiraPullRequestLinkConnection';
  edges: Array<JiraPullRequestLinkEdge>;
  nodes: Array<JiraPullRequestLink>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type JiraPullRequestLinkEdge = {
  __typename?: 'JiraPullRequestLinkEdge';
  cursor: Scalars['String']['output'];
  node: JiraPullRequestLink;
};

/** Conditions on jira_pull_request_links; all given fields must match. */
export type JiraPullRequestLinkFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<JiraPullRequestLinkFilter>>;
  branchName?: InputMaybe<StringFilter>;
  commitSha?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  externalRepoId?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  issueId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<JiraPullRequestLinkFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<JiraPullRequestLinkFilter>>;
  prStatus?: InputMaybe<StringFilter>;
  pullRequestNumber?: InputMaybe<IntFilter>;
  repoFullName?: InputMaybe<StringFilter>;
};

export type JiraPullRequestLinkOrder = {
  direction?: SortDirection;
  field: JiraPullRequestLinkOrderField;
};

export type JiraPullRequestLinkOrderField =
  | 'ACTIVE'
  | 'BRANCH_NAME'
  | 'COMMIT_SHA'
  | 'CREATED_AT'
  | 'EXTERNAL_REPO_ID'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'ISSUE_ID'
  | 'LAST_UPDATED_AT'
  | 'PR_STATUS'
  | 'PULL_REQUEST_NUMBER'
  | 'REPO_FULL_NAME';

/** A link from a Jira issue to a pull request (key: issue + repoFullName + pullRequestNumber). Same fields as the `jiraPullRequestLink` import record. */
export type JiraPullRequestLinkUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  branchName?: InputMaybe<Scalars['String']['input']>;
  commitSha?: InputMaybe<Scalars['String']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalRepoId: Scalars['String']['input'];
  /** Natural key; default "Jira". */
  integration?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  issue: Scalars['String']['input'];
  prStatus?: InputMaybe<Scalars['String']['input']>;
  pullRequestNumber: Scalars['Int']['input'];
  repoFullName: Scalars['String']['input'];
};

export type MlAnomalyAlert = {
  __typename?: 'MlAnomalyAlert';
  acknowledged?: Maybe<Scalars['Boolean']['output']>;
  acknowledgedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The User this row's acknowledged_by points at. */
  acknowledgedBy?: Maybe<User>;
  acknowledgedById?: Maybe<Scalars['Int']['output']>;
  active?: Maybe<Scalars['Boolean']['output']>;
  alertData: Scalars['JSON']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['Int']['output'];
  modelName: Scalars['String']['output'];
  severity: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type MlAnomalyAlertConnection = {
  __typename?: 'MlAnomalyAlertConnection';
  edges: Array<MlAnomalyAlertEdge>;
  nodes: Array<MlAnomalyAlert>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type MlAnomalyAlertEdge = {
  __typename?: 'MlAnomalyAlertEdge';
  cursor: Scalars['String']['output'];
  node: MlAnomalyAlert;
};

/** Conditions on ml_anomaly_alerts; all given fields must match. */
export type MlAnomalyAlertFilter = {
  acknowledged?: InputMaybe<BooleanFilter>;
  acknowledgedAt?: InputMaybe<DateTimeFilter>;
  acknowledgedById?: InputMaybe<IntFilter>;
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<MlAnomalyAlertFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  modelName?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<MlAnomalyAlertFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<MlAnomalyAlertFilter>>;
  severity?: InputMaybe<StringFilter>;
  updatedAt?: InputMaybe<DateTimeFilter>;
};

export type MlAnomalyAlertOrder = {
  direction?: SortDirection;
  field: MlAnomalyAlertOrderField;
};

export type MlAnomalyAlertOrderField =
  | 'ACKNOWLEDGED'
  | 'ACKNOWLEDGED_AT'
  | 'ACKNOWLEDGED_BY_ID'
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'ID'
  | 'MODEL_NAME'
  | 'SEVERITY'
  | 'UPDATED_AT';

export type MlPredictionLog = {
  __typename?: 'MlPredictionLog';
  active?: Maybe<Scalars['Boolean']['output']>;
  anomalyScore?: Maybe<Scalars['Float']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
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

export type MlPredictionLogConnection = {
  __typename?: 'MlPredictionLogConnection';
  edges: Array<MlPredictionLogEdge>;
  nodes: Array<MlPredictionLog>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type MlPredictionLogEdge = {
  __typename?: 'MlPredictionLogEdge';
  cursor: Scalars['String']['output'];
  node: MlPredictionLog;
};

/** Conditions on ml_prediction_log; all given fields must match. */
export type MlPredictionLogFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<MlPredictionLogFilter>>;
  anomalyScore?: InputMaybe<FloatFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  isAnomaly?: InputMaybe<BooleanFilter>;
  modelName?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<MlPredictionLogFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<MlPredictionLogFilter>>;
  predictionValue?: InputMaybe<FloatFilter>;
  responseTimeMs?: InputMaybe<IntFilter>;
  severity?: InputMaybe<StringFilter>;
  updatedAt?: InputMaybe<DateTimeFilter>;
};

export type MlPredictionLogOrder = {
  direction?: SortDirection;
  field: MlPredictionLogOrderField;
};

export type MlPredictionLogOrderField =
  | 'ACTIVE'
  | 'ANOMALY_SCORE'
  | 'CREATED_AT'
  | 'ID'
  | 'IS_ANOMALY'
  | 'MODEL_NAME'
  | 'PREDICTION_VALUE'
  | 'RESPONSE_TIME_MS'
  | 'SEVERITY'
  | 'UPDATED_AT';

export type Mutation = {
  __typename?: 'Mutation';
  /** Acknowledges an anomaly alert of your organisation as the caller, now. An alert acknowledged before keeps its first acknowledgement. */
  acknowledgeAnomalyAlert: MlAnomalyAlert;
  /** Creates a row of issues in your organisation. */
  createIssue: Issue;
  /** Creates a row of issuetypes in your organisation. */
  createIssuetype: Issuetype;
  /** Creates a row of issuetype_mappings in your organisation. */
  createIssuetypeMapping: IssuetypeMapping;
  /** Creates a row of projects in your organisation. */
  createProject: Project;
  /** Creates a row of pull_requests in your organisation. */
  createPullRequest: PullRequest;
  /** Creates a row of repositories in your organisation. */
  createRepository: Repository;
  /** Creates a row of statuses in your organisation. */
  createStatus: Status;
  /** Creates a row of status_mappings in your organisation. */
  createStatusMapping: StatusMapping;
  /** Creates a row of system_settings in your organisation. */
  createSystemSetting: SystemSetting;
  /** Creates a row of users in your organisation. */
  createUser: User;
  /** Creates a row of user_permissions in your organisation. */
  createUserPermission: UserPermission;
  /** Creates a row of workflows in your organisation. */
  createWorkflow: Workflow;
  /** Soft-deletes a row of issues of your organisation (active = false) and returns it. */
  deleteIssue: Issue;
  /** Soft-deletes a row of issuetypes of your organisation (active = false) and returns it. */
  deleteIssuetype: Issuetype;
  /** Soft-deletes a row of issuetype_mappings of your organisation (active = false) and returns it. */
  deleteIssuetypeMapping: IssuetypeMapping;
  /** Soft-deletes a row of projects of your organisation (active = false) and returns it. */
  deleteProject: Project;
  /** Soft-deletes a row of pull_requests of your organisation (active = false) and returns it. */
  deletePullRequest: PullRequest;
  /** Soft-deletes a row of repositories of your organisation (active = false) and returns it. */
  deleteRepository: Repository;
  /** Soft-deletes a row of statuses of your organisation (active = false) and returns it. */
  deleteStatus: Status;
  /** Soft-deletes a row of status_mappings of your organisation (active = false) and returns it. */
  deleteStatusMapping: StatusMapping;
  /** Soft-deletes a row of system_settings of your organisation (active = false) and returns it. */
  deleteSystemSetting: SystemSetting;
  /** Soft-deletes a row of users of your organisation (active = false) and returns it. */
  deleteUser: User;
  /** Soft-deletes a row of user_permissions of your organisation (active = false) and returns it. */
  deleteUserPermission: UserPermission;
  /** Soft-deletes a row of workflows of your organisation (active = false) and returns it. */
  deleteWorkflow: Workflow;
  /** Revokes one session (sessionId) or all of a user's active sessions (userId) of the admin's client; their tokens are refused within the credential re-check interval. Returns how many were revoked. */
  revokeSessions: Scalars['Int']['output'];
  /** Changes a row of issues of your organisation. */
  updateIssue: Issue;
  /** Changes a row of issuetypes of your organisation. */
  updateIssuetype: Issuetype;
  /** Changes a row of issuetype_mappings of your organisation. */
  updateIssuetypeMapping: IssuetypeMapping;
  /** Changes a row of projects of your organisation. */
  updateProject: Project;
  /** Changes a row of pull_requests of your organisation. */
  updatePullRequest: PullRequest;
  /** Changes a row of repositories of your organisation. */
  updateRepository: Repository;
  /** Changes a row of statuses of your organisation. */
  updateStatus: Status;
  /** Changes a row of status_mappings of your organisation. */
  updateStatusMapping: StatusMapping;
  /** Changes a row of system_settings of your organisation. */
  updateSystemSetting: SystemSetting;
  /** Changes a row of users of your organisation. */
  updateUser: User;
  /** Changes a row of user_permissions of your organisation. */
  updateUserPermission: UserPermission;
  /** Changes a row of workflows of your organisation. */
  updateWorkflow: Workflow;
  /** Bulk upsert of issue_changelogs by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertIssueChangelogs: UpsertResult;
  /** Bulk upsert of issues by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertIssues: UpsertResult;
  /** Bulk upsert of issuetype_hierarchies by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertIssuetypeHierarchies: UpsertResult;
  /** Bulk upsert of issuetype_mappings by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertIssuetypeMappings: UpsertResult;
  /** Bulk upsert of issuetypes by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertIssuetypes: UpsertResult;
  /** Bulk upsert of jira_pull_request_links by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertJiraPullRequestLinks: UpsertResult;
  /** Bulk upsert of projects_issuetypes by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertProjectIssuetypes: UpsertResult;
  /** Bulk upsert of projects_statuses by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertProjectStatuses: UpsertResult;
  /** Bulk upsert of projects by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertProjects: UpsertResult;
  /** Bulk upsert of pull_request_comments by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertPullRequestComments: UpsertResult;
  /** Bulk upsert of pull_request_commits by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertPullRequestCommits: UpsertResult;
  /** Bulk upsert of pull_request_reviews by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertPullRequestReviews: UpsertResult;
  /** Bulk upsert of pull_requests by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertPullRequests: UpsertResult;
  /** Bulk upsert of repositories by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertRepositories: UpsertResult;
  /** Bulk upsert of status_mappings by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertStatusMappings: UpsertResult;
  /** Bulk upsert of statuses by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertStatuses: UpsertResult;
  /** Bulk upsert of workflows by natural key (at most 1000 rows, one transaction). Roles: etl, admin. */
  upsertWorkflows: UpsertResult;
};


export type MutationAcknowledgeAnomalyAlertArgs = {
  id: Scalars['Int']['input'];
};


export type MutationCreateIssueArgs = {
  input: IssueCreateInput;
};


export type MutationCreateIssuetypeArgs = {
  input: IssuetypeCreateInput;
};


export type MutationCreateIssuetypeMappingArgs = {
  input: IssuetypeMappingCreateInput;
};


export type MutationCreateProjectArgs = {
  input: ProjectCreateInput;
};


export type MutationCreatePullRequestArgs = {
  input: PullRequestCreateInput;
};


export type MutationCreateRepositoryArgs = {
  input: RepositoryCreateInput;
};


export type MutationCreateStatusArgs = {
  input: StatusCreateInput;
};


export type MutationCreateStatusMappingArgs = {
  input: StatusMappingCreateInput;
};


export type MutationCreateSystemSettingArgs = {
  input: SystemSettingCreateInput;
};


export type MutationCreateUserArgs = {
  input: UserCreateInput;
};


export type MutationCreateUserPermissionArgs = {
  input: UserPermissionCreateInput;
};


export type MutationCreateWorkflowArgs = {
  input: WorkflowCreateInput;
};


export type MutationDeleteIssueArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteIssuetypeArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteIssuetypeMappingArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteProjectArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeletePullRequestArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteRepositoryArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteStatusArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteStatusMappingArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteSystemSettingArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteUserArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteUserPermissionArgs = {
  id: Scalars['Int']['input'];
};


export type MutationDeleteWorkflowArgs = {
  id: Scalars['Int']['input'];
};


export type MutationRevokeSessionsArgs = {
  sessionId?: InputMaybe<Scalars['Int']['input']>;
  userId?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUpdateIssueArgs = {
  id: Scalars['Int']['input'];
  input: IssueUpdateInput;
};


export type MutationUpdateIssuetypeArgs = {
  id: Scalars['Int']['input'];
  input: IssuetypeUpdateInput;
};


export type MutationUpdateIssuetypeMappingArgs = {
  id: Scalars['Int']['input'];
  input: IssuetypeMappingUpdateInput;
};


export type MutationUpdateProjectArgs = {
  id: Scalars['Int']['input'];
  input: ProjectUpdateInput;
};


export type MutationUpdatePullRequestArgs = {
  id: Scalars['Int']['input'];
  input: PullRequestUpdateInput;
};


export type MutationUpdateRepositoryArgs = {
  id: Scalars['Int']['input'];
  input: RepositoryUpdateInput;
};


export type MutationUpdateStatusArgs = {
  id: Scalars['Int']['input'];
  input: StatusUpdateInput;
};


export type MutationUpdateStatusMappingArgs = {
  id: Scalars['Int']['input'];
  input: StatusMappingUpdateInput;
};


export type MutationUpdateSystemSettingArgs = {
  id: Scalars['Int']['input'];
  input: SystemSettingUpdateInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['Int']['input'];
  input: UserUpdateInput;
};


export type MutationUpdateUserPermissionArgs = {
  id: Scalars['Int']['input'];
  input: UserPermissionUpdateInput;
};


export type MutationUpdateWorkflowArgs = {
  id: Scalars['Int']['input'];
  input: WorkflowUpdateInput;
};


export type MutationUpsertIssueChangelogsArgs = {
  rows: Array<IssueChangelogUpsertInput>;
};


export type MutationUpsertIssuesArgs = {
  rows: Array<IssueUpsertInput>;
};


export type MutationUpsertIssuetypeHierarchiesArgs = {
  rows: Array<IssuetypeHierarchyUpsertInput>;
};


export type MutationUpsertIssuetypeMappingsArgs = {
  rows: Array<IssuetypeMappingUpsertInput>;
};


export type MutationUpsertIssuetypesArgs = {
  rows: Array<IssuetypeUpsertInput>;
};


export type MutationUpsertJiraPullRequestLinksArgs = {
  rows: Array<JiraPullRequestLinkUpsertInput>;
};


export type MutationUpsertProjectIssuetypesArgs = {
  rows: Array<ProjectIssuetypeUpsertInput>;
};


export type MutationUpsertProjectStatusesArgs = {
  rows: Array<ProjectStatusUpsertInput>;
};


export type MutationUpsertProjectsArgs = {
  rows: Array<ProjectUpsertInput>;
};


export type MutationUpsertPullRequestCommentsArgs = {
  rows: Array<PullRequestCommentUpsertInput>;
};


export type MutationUpsertPullRequestCommitsArgs = {
  rows: Array<PullRequestCommitUpsertInput>;
};


export type MutationUpsertPullRequestReviewsArgs = {
  rows: Array<PullRequestReviewUpsertInput>;
};


export type MutationUpsertPullRequestsArgs = {
  rows: Array<PullRequestUpsertInput>;
};


export type MutationUpsertRepositoriesArgs = {
  rows: Array<RepositoryUpsertInput>;
};


export type MutationUpsertStatusMappingsArgs = {
  rows: Array<StatusMappingUpsertInput>;
};


export type MutationUpsertStatusesArgs = {
  rows: Array<StatusUpsertInput>;
};


export type MutationUpsertWorkflowsArgs = {
  rows: Array<WorkflowUpsertInput>;
};

/** Where a page sits in its connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Project = {
  __typename?: 'Project';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  /** issues whose project_id is this row. */
  issues: IssueConnection;
  /** projectIssuetypes whose project_id is this row. */
  issuetypeLinks: ProjectIssuetypeConnection;
  /** Issue types this project uses. */
  issuetypes: IssuetypeConnection;
  key: Scalars['String']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  name: Scalars['String']['output'];
  projectType?: Maybe<Scalars['String']['output']>;
  /** projectStatuses whose project_id is this row. */
  statusLinks: ProjectStatusConnection;
  /** Statuses this project uses. */
  statuses: StatusConnection;
};


export type ProjectIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type ProjectIssuetypeLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectIssuetypeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectIssuetypeOrder>>;
};


export type ProjectIssuetypesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeOrder>>;
};


export type ProjectStatusLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectStatusFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectStatusOrder>>;
};


export type ProjectStatusesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusOrder>>;
};

export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  edges: Array<ProjectEdge>;
  nodes: Array<Project>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of projects. */
export type ProjectCreateInput = {
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId: Scalars['Int']['input'];
  key: Scalars['String']['input'];
  name: Scalars['String']['input'];
  projectType?: InputMaybe<Scalars['String']['input']>;
};

export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  cursor: Scalars['String']['output'];
  node: Project;
};

/** Conditions on projects; all given fields must match. */
export type ProjectFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<ProjectFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  externalId?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  key?: InputMaybe<StringFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  name?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<ProjectFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<ProjectFilter>>;
  projectType?: InputMaybe<StringFilter>;
};

/** Link between a project and an issue type it uses. */
export type ProjectIssuetype = {
  __typename?: 'ProjectIssuetype';
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  /** The Issuetype this row's issuetype_id points at. */
  issuetype?: Maybe<Issuetype>;
  issuetypeId: Scalars['Int']['output'];
  /** The Project this row's project_id points at. */
  project?: Maybe<Project>;
  projectId: Scalars['Int']['output'];
};

export type ProjectIssuetypeConnection = {
  __typename?: 'ProjectIssuetypeConnection';
  edges: Array<ProjectIssuetypeEdge>;
  nodes: Array<ProjectIssuetype>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type ProjectIssuetypeEdge = {
  __typename?: 'ProjectIssuetypeEdge';
  cursor: Scalars['String']['output'];
  node: ProjectIssuetype;
};

/** Conditions on projects_issuetypes; all given fields must match. */
export type ProjectIssuetypeFilter = {
  /** Every one of these filters. */
  and?: InputMaybe<Array<ProjectIssuetypeFilter>>;
  issuetypeId?: InputMaybe<IntFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<ProjectIssuetypeFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<ProjectIssuetypeFilter>>;
  projectId?: InputMaybe<IntFilter>;
};

export type ProjectIssuetypeOrder = {
  direction?: SortDirection;
  field: ProjectIssuetypeOrderField;
};

export type ProjectIssuetypeOrderField =
  | 'ISSUETYPE_ID'
  | 'PROJECT_ID';

/** An issue type a project uses (key: project key + issuetype external id). Same fields as the `projectIssuetype` import record. */
export type ProjectIssuetypeUpsertInput = {
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Natural key. */
  issuetype: Scalars['String']['input'];
  /** Natural key. */
  project: Scalars['String']['input'];
};

export type ProjectOrder = {
  direction?: SortDirection;
  field: ProjectOrderField;
};

export type ProjectOrderField =
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'EXTERNAL_ID'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'KEY'
  | 'LAST_UPDATED_AT'
  | 'NAME'
  | 'PROJECT_TYPE';

/** Link between a project and a status it uses. */
export type ProjectStatus = {
  __typename?: 'ProjectStatus';
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  /** The Project this row's project_id points at. */
  project?: Maybe<Project>;
  projectId: Scalars['Int']['output'];
  /** The Status this row's status_id points at. */
  status?: Maybe<Status>;
  statusId: Scalars['Int']['output'];
};

export type ProjectStatusConnection = {
  __typename?: 'ProjectStatusConnection';
  edges: Array<ProjectStatusEdge>;
  nodes: Array<ProjectStatus>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type ProjectStatusEdge = {
  __typename?: 'ProjectStatusEdge';
  cursor: Scalars['String']['output'];
  node: ProjectStatus;
};

/** Conditions on projects_statuses; all given fields must match. */
export type ProjectStatusFilter = {
  /** Every one of these filters. */
  and?: InputMaybe<Array<ProjectStatusFilter>>;
  /** Rows this filter does not match. */
  not?: InputMaybe<ProjectStatusFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<ProjectStatusFilter>>;
  projectId?: InputMaybe<IntFilter>;
  statusId?: InputMaybe<IntFilter>;
};

export type ProjectStatusOrder = {
  direction?: SortDirection;
  field: ProjectStatusOrderField;
};

export type ProjectStatusOrderField =
  | 'PROJECT_ID'
  | 'STATUS_ID';

/** A status a project uses (key: project key + status external id). Same fields as the `projectStatus` import record. */
export type ProjectStatusUpsertInput = {
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Natural key. */
  project: Scalars['String']['input'];
  /** Natural key. */
  status: Scalars['String']['input'];
};

/** Changes to a row of projects: omitted fields keep their value, null clears a nullable one. */
export type ProjectUpdateInput = {
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  projectType?: InputMaybe<Scalars['String']['input']>;
};

/** A Jira project (key: key). Same fields as the `project` import record. */
export type ProjectUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Natural key; default "Jira". */
  integration?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  name: Scalars['String']['input'];
  projectType?: InputMaybe<Scalars['String']['input']>;
};

export type PullRequest = {
  __typename?: 'PullRequest';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  additions?: Maybe<Scalars['Int']['output']>;
  body?: Maybe<Scalars['String']['output']>;
  changedFiles?: Maybe<Scalars['Int']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** pullRequestComments whose pull_request_id is this row. */
  comments: PullRequestCommentConnection;
  commitCount?: Maybe<Scalars['Int']['output']>;
  /** pullRequestCommits whose pull_request_id is this row. */
  commits: PullRequestCommitConnection;
  createdAt: Scalars['DateTimeISO']['output'];
  deletions?: Maybe<Scalars['Int']['output']>;
  destination?: Maybe<Scalars['String']['output']>;
  discussionCommentCount?: Maybe<Scalars['Int']['output']>;
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  externalRepoId?: Maybe<Scalars['String']['output']>;
  firstReviewAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  /** The Issue this row's issue_id points at. */
  issue?: Maybe<Issue>;
  issueId?: Maybe<Scalars['Int']['output']>;
  /** Issues this pull request is linked to (jira_pull_request_links). */
  issues: IssueConnection;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  mergedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  mergedBy?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  number?: Maybe<Scalars['Int']['output']>;
  prCreatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  prUpdatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The Repository this row's repository_id points at. */
  repository?: Maybe<Repository>;
  repositoryId: Scalars['Int']['output'];
  reviewCommentCount?: Maybe<Scalars['Int']['output']>;
  reviewCycles?: Maybe<Scalars['Int']['output']>;
  reviewers?: Maybe<Scalars['Int']['output']>;
  /** pullRequestReviews whose pull_request_id is this row. */
  reviews: PullRequestReviewConnection;
  reworkCommitCount?: Maybe<Scalars['Int']['output']>;
  source?: Maybe<Scalars['String']['output']>;
  status?: Maybe<Scalars['String']['output']>;
  url?: Maybe<Scalars['String']['output']>;
  userName?: Maybe<Scalars['String']['output']>;
};


export type PullRequestCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestCommentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestCommentOrder>>;
};


export type PullRequestCommitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestCommitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestCommitOrder>>;
};


export type PullRequestIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type PullRequestReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestReviewFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestReviewOrder>>;
};

export type PullRequestComment = {
  __typename?: 'PullRequestComment';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  authorLogin?: Maybe<Scalars['String']['output']>;
  body?: Maybe<Scalars['String']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  commentType?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  createdAtGithub?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  line?: Maybe<Scalars['Int']['output']>;
  path?: Maybe<Scalars['String']['output']>;
  position?: Maybe<Scalars['Int']['output']>;
  /** The PullRequest this row's pull_request_id points at. */
  pullRequest?: Maybe<PullRequest>;
  pullRequestId: Scalars['Int']['output'];
  updatedAtGithub?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type PullRequestCommentConnection = {
  __typename?: 'PullRequestCommentConnection';
  edges: Array<PullRequestCommentEdge>;
  nodes: Array<PullRequestComment>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type PullRequestCommentEdge = {
  __typename?: 'PullRequestCommentEdge';
  cursor: Scalars['String']['output'];
  node: PullRequestComment;
};

/** Conditions on pull_request_comments; all given fields must match. */
export type PullRequestCommentFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<PullRequestCommentFilter>>;
  authorLogin?: InputMaybe<StringFilter>;
  body?: InputMaybe<StringFilter>;
  commentType?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  createdAtGithub?: InputMaybe<DateTimeFilter>;
  externalId?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  line?: InputMaybe<IntFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<PullRequestCommentFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<PullRequestCommentFilter>>;
  path?: InputMaybe<StringFilter>;
  position?: InputMaybe<IntFilter>;
  pullRequestId?: InputMaybe<IntFilter>;
  updatedAtGithub?: InputMaybe<DateTimeFilter>;
};

export type PullRequestCommentOrder = {
  direction?: SortDirection;
  field: PullRequestCommentOrderField;
};

export type PullRequestCommentOrderField =
  | 'ACTIVE'
  | 'AUTHOR_LOGIN'
  | 'BODY'
  | 'COMMENT_TYPE'
  | 'CREATED_AT'
  | 'CREATED_AT_GITHUB'
  | 'EXTERNAL_ID'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'LAST_UPDATED_AT'
  | 'LINE'
  | 'PATH'
  | 'POSITION'
  | 'PULL_REQUEST_ID'
  | 'UPDATED_AT_GITHUB';

/** A comment on a pull request (key: repository + pullRequestNumber + externalId). Same fields as the `pullRequestComment` import record. */
export type PullRequestCommentUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  authorLogin?: InputMaybe<Scalars['String']['input']>;
  body?: InputMaybe<Scalars['String']['input']>;
  commentType?: InputMaybe<Scalars['String']['input']>;
  createdAtGithub?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId: Scalars['String']['input'];
  /** Natural key; default "GitHub". */
  integration?: InputMaybe<Scalars['String']['input']>;
  line?: InputMaybe<Scalars['Int']['input']>;
  path?: InputMaybe<Scalars['String']['input']>;
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Natural key. */
  pullRequestNumber: Scalars['Int']['input'];
  /** Natural key. */
  repository: Scalars['String']['input'];
  updatedAtGithub?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type PullRequestCommit = {
  __typename?: 'PullRequestCommit';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  authorEmail?: Maybe<Scalars['String']['output']>;
  authorName?: Maybe<Scalars['String']['output']>;
  authoredDate?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  committedDate?: Maybe<Scalars['DateTimeISO']['output']>;
  committerEmail?: Maybe<Scalars['String']['output']>;
  committerName?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  message?: Maybe<Scalars['String']['output']>;
  /** The PullRequest this row's pull_request_id points at. */
  pullRequest?: Maybe<PullRequest>;
  pullRequestId: Scalars['Int']['output'];
};

export type PullRequestCommitConnection = {
  __typename?: 'PullRequestCommitConnection';
  edges: Array<PullRequestCommitEdge>;
  nodes: Array<PullRequestCommit>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type PullRequestCommitEdge = {
  __typename?: 'PullRequestCommitEdge';
  cursor: Scalars['String']['output'];
  node: PullRequestCommit;
};

/** Conditions on pull_request_commits; all given fields must match. */
export type PullRequestCommitFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<PullRequestCommitFilter>>;
  authorEmail?: InputMaybe<StringFilter>;
  authorName?: InputMaybe<StringFilter>;
  authoredDate?: InputMaybe<DateTimeFilter>;
  committedDate?: InputMaybe<DateTimeFilter>;
  committerEmail?: InputMaybe<StringFilter>;
  committerName?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  externalId?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  message?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<PullRequestCommitFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<PullRequestCommitFilter>>;
  pullRequestId?: InputMaybe<IntFilter>;
};

export type PullRequestCommitOrder = {
  direction?: SortDirection;
  field: PullRequestCommitOrderField;
};

export type PullRequestCommitOrderField =
  | 'ACTIVE'
  | 'AUTHORED_DATE'
  | 'AUTHOR_EMAIL'
  | 'AUTHOR_NAME'
  | 'COMMITTED_DATE'
  | 'COMMITTER_EMAIL'
  | 'COMMITTER_NAME'
  | 'CREATED_AT'
  | 'EXTERNAL_ID'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'LAST_UPDATED_AT'
  | 'MESSAGE'
  | 'PULL_REQUEST_ID';

/** A commit of a pull request (key: repository + pullRequestNumber + externalId, the SHA). Same fields as the `pullRequestCommit` import record. */
export type PullRequestCommitUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  authorEmail?: InputMaybe<Scalars['String']['input']>;
  authorName?: InputMaybe<Scalars['String']['input']>;
  authoredDate?: InputMaybe<Scalars['DateTimeISO']['input']>;
  committedDate?: InputMaybe<Scalars['DateTimeISO']['input']>;
  committerEmail?: InputMaybe<Scalars['String']['input']>;
  committerName?: InputMaybe<Scalars['String']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId: Scalars['String']['input'];
  /** Natural key; default "GitHub". */
  integration?: InputMaybe<Scalars['String']['input']>;
  message?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  pullRequestNumber: Scalars['Int']['input'];
  /** Natural key. */
  repository: Scalars['String']['input'];
};

export type PullRequestConnection = {
  __typename?: 'PullRequestConnection';
  edges: Array<PullRequestEdge>;
  nodes: Array<PullRequest>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of pull_requests. */
export type PullRequestCreateInput = {
  additions?: InputMaybe<Scalars['Int']['input']>;
  body?: InputMaybe<Scalars['String']['input']>;
  changedFiles?: InputMaybe<Scalars['Int']['input']>;
  closedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  commitCount?: InputMaybe<Scalars['Int']['input']>;
  deletions?: InputMaybe<Scalars['Int']['input']>;
  destination?: InputMaybe<Scalars['String']['input']>;
  discussionCommentCount?: InputMaybe<Scalars['Int']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  externalRepoId?: InputMaybe<Scalars['String']['input']>;
  firstReviewAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId: Scalars['Int']['input'];
  /** Id of an Issue of your organisation. */
  issueId?: InputMaybe<Scalars['Int']['input']>;
  mergedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  mergedBy?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  number?: InputMaybe<Scalars['Int']['input']>;
  prCreatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  prUpdatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Id of a Repository of your organisation. */
  repositoryId: Scalars['Int']['input'];
  reviewCommentCount?: InputMaybe<Scalars['Int']['input']>;
  reviewCycles?: InputMaybe<Scalars['Int']['input']>;
  reviewers?: InputMaybe<Scalars['Int']['input']>;
  reworkCommitCount?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
  userName?: InputMaybe<Scalars['String']['input']>;
};

export type PullRequestEdge = {
  __typename?: 'PullRequestEdge';
  cursor: Scalars['String']['output'];
  node: PullRequest;
};

/** Conditions on pull_requests; all given fields must match. */
export type PullRequestFilter = {
  active?: InputMaybe<BooleanFilter>;
  additions?: InputMaybe<IntFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<PullRequestFilter>>;
  body?: InputMaybe<StringFilter>;
  changedFiles?: InputMaybe<IntFilter>;
  closedAt?: InputMaybe<DateTimeFilter>;
  commitCount?: InputMaybe<IntFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  deletions?: InputMaybe<IntFilter>;
  destination?: InputMaybe<StringFilter>;
  discussionCommentCount?: InputMaybe<IntFilter>;
  externalId?: InputMaybe<StringFilter>;
  externalRepoId?: InputMaybe<StringFilter>;
  firstReviewAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  issueId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  mergedAt?: InputMaybe<DateTimeFilter>;
  mergedBy?: InputMaybe<StringFilter>;
  name?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<PullRequestFilter>;
  number?: InputMaybe<IntFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<PullRequestFilter>>;
  prCreatedAt?: InputMaybe<DateTimeFilter>;
  prUpdatedAt?: InputMaybe<DateTimeFilter>;
  repositoryId?: InputMaybe<IntFilter>;
  reviewCommentCount?: InputMaybe<IntFilter>;
  reviewCycles?: InputMaybe<IntFilter>;
  reviewers?: InputMaybe<IntFilter>;
  reworkCommitCount?: InputMaybe<IntFilter>;
  source?: InputMaybe<StringFilter>;
  status?: InputMaybe<StringFilter>;
  url?: InputMaybe<StringFilter>;
  userName?: InputMaybe<StringFilter>;
};

export type PullRequestOrder = {
  direction?: SortDirection;
  field: PullRequestOrderField;
};

export type PullRequestOrderField =
  | 'ACTIVE'
  | 'ADDITIONS'
  | 'BODY'
  | 'CHANGED_FILES'
  | 'CLOSED_AT'
  | 'COMMIT_COUNT'
  | 'CREATED_AT'
  | 'DELETIONS'
  | 'DESTINATION'
  | 'DISCUSSION_COMMENT_COUNT'
  | 'EXTERNAL_ID'
  | 'EXTERNAL_REPO_ID'
  | 'FIRST_REVIEW_AT'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'ISSUE_ID'
  | 'LAST_UPDATED_AT'
  | 'MERGED_AT'
  | 'MERGED_BY'
  | 'NAME'
  | 'NUMBER'
  | 'PR_CREATED_AT'
  | 'PR_UPDATED_AT'
  | 'REPOSITORY_ID'
  | 'REVIEWERS'
  | 'REVIEW_COMMENT_COUNT'
  | 'REVIEW_CYCLES'
  | 'REWORK_COMMIT_COUNT'
  | 'SOURCE'
  | 'STATUS'
  | 'URL'
  | 'USER_NAME';

export type PullRequestReview = {
  __typename?: 'PullRequestReview';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  authorLogin?: Maybe<Scalars['String']['output']>;
  body?: Maybe<Scalars['String']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  /** The PullRequest this row's pull_request_id points at. */
  pullRequest?: Maybe<PullRequest>;
  pullRequestId: Scalars['Int']['output'];
  state?: Maybe<Scalars['String']['output']>;
  submittedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type PullRequestReviewConnection = {
  __typename?: 'PullRequestReviewConnection';
  edges: Array<PullRequestReviewEdge>;
  nodes: Array<PullRequestReview>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type PullRequestReviewEdge = {
  __typename?: 'PullRequestReviewEdge';
  cursor: Scalars['String']['output'];
  node: PullRequestReview;
};

/** Conditions on pull_request_reviews; all given fields must match. */
export type PullRequestReviewFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<PullRequestReviewFilter>>;
  authorLogin?: InputMaybe<StringFilter>;
  body?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  externalId?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<PullRequestReviewFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<PullRequestReviewFilter>>;
  pullRequestId?: InputMaybe<IntFilter>;
  state?: InputMaybe<StringFilter>;
  submittedAt?: InputMaybe<DateTimeFilter>;
};

export type PullRequestReviewOrder = {
  direction?: SortDirection;
  field: PullRequestReviewOrderField;
};

export type PullRequestReviewOrderField =
  | 'ACTIVE'
  | 'AUTHOR_LOGIN'
  | 'BODY'
  | 'CREATED_AT'
  | 'EXTERNAL_ID'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'LAST_UPDATED_AT'
  | 'PULL_REQUEST_ID'
  | 'STATE'
  | 'SUBMITTED_AT';

/** A review of a pull request (key: repository + pullRequestNumber + externalId). Same fields as the `pullRequestReview` import record. */
export type PullRequestReviewUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  authorLogin?: InputMaybe<Scalars['String']['input']>;
  body?: InputMaybe<Scalars['String']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId: Scalars['String']['input'];
  /** Natural key; default "GitHub". */
  integration?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  pullRequestNumber: Scalars['Int']['input'];
  /** Natural key. */
  repository: Scalars['String']['input'];
  state?: InputMaybe<Scalars['String']['input']>;
  submittedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** Changes to a row of pull_requests: omitted fields keep their value, null clears a nullable one. */
export type PullRequestUpdateInput = {
  additions?: InputMaybe<Scalars['Int']['input']>;
  body?: InputMaybe<Scalars['String']['input']>;
  changedFiles?: InputMaybe<Scalars['Int']['input']>;
  closedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  commitCount?: InputMaybe<Scalars['Int']['input']>;
  deletions?: InputMaybe<Scalars['Int']['input']>;
  destination?: InputMaybe<Scalars['String']['input']>;
  discussionCommentCount?: InputMaybe<Scalars['Int']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  externalRepoId?: InputMaybe<Scalars['String']['input']>;
  firstReviewAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  /** Id of an Issue of your organisation. */
  issueId?: InputMaybe<Scalars['Int']['input']>;
  mergedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  mergedBy?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  number?: InputMaybe<Scalars['Int']['input']>;
  prCreatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  prUpdatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Id of a Repository of your organisation. */
  repositoryId?: InputMaybe<Scalars['Int']['input']>;
  reviewCommentCount?: InputMaybe<Scalars['Int']['input']>;
  reviewCycles?: InputMaybe<Scalars['Int']['input']>;
  reviewers?: InputMaybe<Scalars['Int']['input']>;
  reworkCommitCount?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
  userName?: InputMaybe<Scalars['String']['input']>;
};

/** A GitHub pull request (key: repository + number; issue by key). Same fields as the `pullRequest` import record. */
export type PullRequestUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  additions?: InputMaybe<Scalars['Int']['input']>;
  body?: InputMaybe<Scalars['String']['input']>;
  changedFiles?: InputMaybe<Scalars['Int']['input']>;
  closedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  commitCount?: InputMaybe<Scalars['Int']['input']>;
  deletions?: InputMaybe<Scalars['Int']['input']>;
  destination?: InputMaybe<Scalars['String']['input']>;
  discussionCommentCount?: InputMaybe<Scalars['Int']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  externalRepoId?: InputMaybe<Scalars['String']['input']>;
  firstReviewAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Natural key; default "GitHub". */
  integration?: InputMaybe<Scalars['String']['input']>;
  /** Natural key. */
  issue?: InputMaybe<Scalars['String']['input']>;
  mergedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  mergedBy?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  number: Scalars['Int']['input'];
  prCreatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  prUpdatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Natural key. */
  repository: Scalars['String']['input'];
  reviewCommentCount?: InputMaybe<Scalars['Int']['input']>;
  reviewCycles?: InputMaybe<Scalars['Int']['input']>;
  reviewers?: InputMaybe<Scalars['Int']['input']>;
  reworkCommitCount?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
  userName?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** One row of ml_anomaly_alerts by id; null when it does not exist or is not the caller's. */
  anomalyAlert?: Maybe<MlAnomalyAlert>;
  /** Rows of ml_anomaly_alerts visible to the caller. */
  anomalyAlerts: MlAnomalyAlertConnection;
  /** One row of clients by id; null when it does not exist or is not the caller's. */
  client?: Maybe<Client>;
  /** Rows of clients visible to the caller. */
  clients: ClientConnection;
  /** Admins: the ids `pulse migrate from` gave the rows it copied into the admin's client, with the ids they had in their source database. */
  consolidationIdMap: ConsolidationIdMapConnection;
  /** One row of dora_market_benchmarks by id; null when it does not exist or is not the caller's. */
  doraMarketBenchmark?: Maybe<DoraMarketBenchmark>;
  /** Rows of dora_market_benchmarks visible to the caller. */
  doraMarketBenchmarks: DoraMarketBenchmarkConnection;
  /** One row of dora_metric_insights by id; null when it does not exist or is not the caller's. */
  doraMetricInsight?: Maybe<DoraMetricInsight>;
  /** Rows of dora_metric_insights visible to the caller. */
  doraMetricInsights: DoraMetricInsightConnection;
  /** One row of integrations by id; null when it does not exist or is not the caller's. */
  integration?: Maybe<Integration>;
  /** Rows of integrations visible to the caller. */
  integrations: IntegrationConnection;
  /** One row of issues by id; null when it does not exist or is not the caller's. */
  issue?: Maybe<Issue>;
  /** An issue by its Jira key (unique per client). */
  issueByKey?: Maybe<Issue>;
  /** One row of issue_changelogs by id; null when it does not exist or is not the caller's. */
  issueChangelog?: Maybe<IssueChangelog>;
  /** Rows of issue_changelogs visible to the caller. */
  issueChangelogs: IssueChangelogConnection;
  /** Rows of issues visible to the caller. */
  issues: IssueConnection;
  /** One row of issuetypes by id; null when it does not exist or is not the caller's. */
  issuetype?: Maybe<Issuetype>;
  /** Rows of issuetype_hierarchies visible to the caller. */
  issuetypeHierarchies: IssuetypeHierarchyConnection;
  /** One row of issuetype_hierarchies by id; null when it does not exist or is not the caller's. */
  issuetypeHierarchy?: Maybe<IssuetypeHierarchy>;
  /** One row of issuetype_mappings by id; null when it does not exist or is not the caller's. */
  issuetypeMapping?: Maybe<IssuetypeMapping>;
  /** Rows of issuetype_mappings visible to the caller. */
  issuetypeMappings: IssuetypeMappingConnection;
  /** Rows of issuetypes visible to the caller. */
  issuetypes: IssuetypeConnection;
  /** One row of jira_pull_request_links by id; null when it does not exist or is not the caller's. */
  jiraPullRequestLink?: Maybe<JiraPullRequestLink>;
  /** Rows of jira_pull_request_links visible to the caller. */
  jiraPullRequestLinks: JiraPullRequestLinkConnection;
  /** Rows of ai_learning_memory visible to the caller. */
  learningMemories: AiLearningMemoryConnection;
  /** One row of ai_learning_memory by id; null when it does not exist or is not the caller's. */
  learningMemory?: Maybe<AiLearningMemory>;
  /** One row of ml_prediction_log by id; null when it does not exist or is not the caller's. */
  predictionLog?: Maybe<MlPredictionLog>;
  /** Rows of ml_prediction_log visible to the caller. */
  predictionLogs: MlPredictionLogConnection;
  /** One row of projects by id; null when it does not exist or is not the caller's. */
  project?: Maybe<Project>;
  /** A project by its Jira key (unique per client). */
  projectByKey?: Maybe<Project>;
  /** One row of projects_issuetypes by its key. */
  projectIssuetype?: Maybe<ProjectIssuetype>;
  /** Rows of projects_issuetypes visible to the caller. */
  projectIssuetypes: ProjectIssuetypeConnection;
  /** One row of projects_statuses by its key. */
  projectStatus?: Maybe<ProjectStatus>;
  /** Rows of projects_statuses visible to the caller. */
  projectStatuses: ProjectStatusConnection;
  /** Rows of projects visible to the caller. */
  projects: ProjectConnection;
  /** One row of pull_requests by id; null when it does not exist or is not the caller's. */
  pullRequest?: Maybe<PullRequest>;
  /** A pull request by repository and number, as GitHub names it. */
  pullRequestByNumber?: Maybe<PullRequest>;
  /** One row of pull_request_comments by id; null when it does not exist or is not the caller's. */
  pullRequestComment?: Maybe<PullRequestComment>;
  /** Rows of pull_request_comments visible to the caller. */
  pullRequestComments: PullRequestCommentConnection;
  /** One row of pull_request_commits by id; null when it does not exist or is not the caller's. */
  pullRequestCommit?: Maybe<PullRequestCommit>;
  /** Rows of pull_request_commits visible to the caller. */
  pullRequestCommits: PullRequestCommitConnection;
  /** One row of pull_request_reviews by id; null when it does not exist or is not the caller's. */
  pullRequestReview?: Maybe<PullRequestReview>;
  /** Rows of pull_request_reviews visible to the caller. */
  pullRequestReviews: PullRequestReviewConnection;
  /** Rows of pull_requests visible to the caller. */
  pullRequests: PullRequestConnection;
  /** Rows of repositories visible to the caller. */
  repositories: RepositoryConnection;
  /** One row of repositories by id; null when it does not exist or is not the caller's. */
  repository?: Maybe<Repository>;
  /** One row of statuses by id; null when it does not exist or is not the caller's. */
  status?: Maybe<Status>;
  /** One row of status_mappings by id; null when it does not exist or is not the caller's. */
  statusMapping?: Maybe<StatusMapping>;
  /** Rows of status_mappings visible to the caller. */
  statusMappings: StatusMappingConnection;
  /** Rows of statuses visible to the caller. */
  statuses: StatusConnection;
  /** One row of system_settings by id; null when it does not exist or is not the caller's. */
  systemSetting?: Maybe<SystemSetting>;
  /** One row of system_settings by settingKey. */
  systemSettingByKey?: Maybe<SystemSetting>;
  /** Rows of system_settings visible to the caller. */
  systemSettings: SystemSettingConnection;
  /** One row of users by id; null when it does not exist or is not the caller's. */
  user?: Maybe<User>;
  /** One row of user_permissions by id; null when it does not exist or is not the caller's. */
  userPermission?: Maybe<UserPermission>;
  /** Rows of user_permissions visible to the caller. */
  userPermissions: UserPermissionConnection;
  /** One row of user_sessions by id; null when it does not exist or is not the caller's. */
  userSession?: Maybe<UserSession>;
  /** Rows of user_sessions visible to the caller. */
  userSessions: UserSessionConnection;
  /** Rows of users visible to the caller. */
  users: UserConnection;
  /** The caller, as identified by the bearer token. */
  viewer: Viewer;
  /** One row of workflows by id; null when it does not exist or is not the caller's. */
  workflow?: Maybe<Workflow>;
  /** Rows of workflows visible to the caller. */
  workflows: WorkflowConnection;
};


export type QueryAnomalyAlertArgs = {
  id: Scalars['Int']['input'];
};


export type QueryAnomalyAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MlAnomalyAlertFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MlAnomalyAlertOrder>>;
};


export type QueryClientArgs = {
  id: Scalars['Int']['input'];
};


export type QueryClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ClientOrder>>;
};


export type QueryConsolidationIdMapArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ConsolidationIdMapFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDoraMarketBenchmarkArgs = {
  id: Scalars['Int']['input'];
};


export type QueryDoraMarketBenchmarksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DoraMarketBenchmarkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<DoraMarketBenchmarkOrder>>;
};


export type QueryDoraMetricInsightArgs = {
  id: Scalars['Int']['input'];
};


export type QueryDoraMetricInsightsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DoraMetricInsightFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<DoraMetricInsightOrder>>;
};


export type QueryIntegrationArgs = {
  id: Scalars['Int']['input'];
};


export type QueryIntegrationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IntegrationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IntegrationOrder>>;
};


export type QueryIssueArgs = {
  id: Scalars['Int']['input'];
};


export type QueryIssueByKeyArgs = {
  key: Scalars['String']['input'];
};


export type QueryIssueChangelogArgs = {
  id: Scalars['Int']['input'];
};


export type QueryIssueChangelogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueChangelogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueChangelogOrder>>;
};


export type QueryIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type QueryIssuetypeArgs = {
  id: Scalars['Int']['input'];
};


export type QueryIssuetypeHierarchiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeHierarchyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeHierarchyOrder>>;
};


export type QueryIssuetypeHierarchyArgs = {
  id: Scalars['Int']['input'];
};


export type QueryIssuetypeMappingArgs = {
  id: Scalars['Int']['input'];
};


export type QueryIssuetypeMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeMappingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeMappingOrder>>;
};


export type QueryIssuetypesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssuetypeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssuetypeOrder>>;
};


export type QueryJiraPullRequestLinkArgs = {
  id: Scalars['Int']['input'];
};


export type QueryJiraPullRequestLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JiraPullRequestLinkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<JiraPullRequestLinkOrder>>;
};


export type QueryLearningMemoriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AiLearningMemoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<AiLearningMemoryOrder>>;
};


export type QueryLearningMemoryArgs = {
  id: Scalars['Int']['input'];
};


export type QueryPredictionLogArgs = {
  id: Scalars['Int']['input'];
};


export type QueryPredictionLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MlPredictionLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MlPredictionLogOrder>>;
};


export type QueryProjectArgs = {
  id: Scalars['Int']['input'];
};


export type QueryProjectByKeyArgs = {
  key: Scalars['String']['input'];
};


export type QueryProjectIssuetypeArgs = {
  issuetypeId: Scalars['Int']['input'];
  projectId: Scalars['Int']['input'];
};


export type QueryProjectIssuetypesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectIssuetypeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectIssuetypeOrder>>;
};


export type QueryProjectStatusArgs = {
  projectId: Scalars['Int']['input'];
  statusId: Scalars['Int']['input'];
};


export type QueryProjectStatusesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectStatusFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectStatusOrder>>;
};


export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectOrder>>;
};


export type QueryPullRequestArgs = {
  id: Scalars['Int']['input'];
};


export type QueryPullRequestByNumberArgs = {
  number: Scalars['Int']['input'];
  repositoryId: Scalars['Int']['input'];
};


export type QueryPullRequestCommentArgs = {
  id: Scalars['Int']['input'];
};


export type QueryPullRequestCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestCommentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestCommentOrder>>;
};


export type QueryPullRequestCommitArgs = {
  id: Scalars['Int']['input'];
};


export type QueryPullRequestCommitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestCommitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestCommitOrder>>;
};


export type QueryPullRequestReviewArgs = {
  id: Scalars['Int']['input'];
};


export type QueryPullRequestReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestReviewFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestReviewOrder>>;
};


export type QueryPullRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestOrder>>;
};


export type QueryRepositoriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RepositoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RepositoryOrder>>;
};


export type QueryRepositoryArgs = {
  id: Scalars['Int']['input'];
};


export type QueryStatusArgs = {
  id: Scalars['Int']['input'];
};


export type QueryStatusMappingArgs = {
  id: Scalars['Int']['input'];
};


export type QueryStatusMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusMappingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusMappingOrder>>;
};


export type QueryStatusesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusOrder>>;
};


export type QuerySystemSettingArgs = {
  id: Scalars['Int']['input'];
};


export type QuerySystemSettingByKeyArgs = {
  settingKey: Scalars['String']['input'];
};


export type QuerySystemSettingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SystemSettingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<SystemSettingOrder>>;
};


export type QueryUserArgs = {
  id: Scalars['Int']['input'];
};


export type QueryUserPermissionArgs = {
  id: Scalars['Int']['input'];
};


export type QueryUserPermissionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserPermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPermissionOrder>>;
};


export type QueryUserSessionArgs = {
  id: Scalars['Int']['input'];
};


export type QueryUserSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserSessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserSessionOrder>>;
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserOrder>>;
};


export type QueryWorkflowArgs = {
  id: Scalars['Int']['input'];
};


export type QueryWorkflowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WorkflowOrder>>;
};

export type Repository = {
  __typename?: 'Repository';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  archived?: Maybe<Scalars['Boolean']['output']>;
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  defaultBranch?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  fullName?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  isPrivate?: Maybe<Scalars['Boolean']['output']>;
  language?: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** pullRequests whose repository_id is this row. */
  pullRequests: PullRequestConnection;
  pushedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  repoCreatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  repoUpdatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  url?: Maybe<Scalars['String']['output']>;
};


export type RepositoryPullRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PullRequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PullRequestOrder>>;
};

export type RepositoryConnection = {
  __typename?: 'RepositoryConnection';
  edges: Array<RepositoryEdge>;
  nodes: Array<Repository>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of repositories. */
export type RepositoryCreateInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  defaultBranch?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId: Scalars['Int']['input'];
  isPrivate?: InputMaybe<Scalars['Boolean']['input']>;
  language?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  pushedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  repoCreatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  repoUpdatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type RepositoryEdge = {
  __typename?: 'RepositoryEdge';
  cursor: Scalars['String']['output'];
  node: Repository;
};

/** Conditions on repositories; all given fields must match. */
export type RepositoryFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<RepositoryFilter>>;
  archived?: InputMaybe<BooleanFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  defaultBranch?: InputMaybe<StringFilter>;
  description?: InputMaybe<StringFilter>;
  externalId?: InputMaybe<StringFilter>;
  fullName?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  isPrivate?: InputMaybe<BooleanFilter>;
  language?: InputMaybe<StringFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  name?: InputMaybe<StringFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<RepositoryFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<RepositoryFilter>>;
  pushedAt?: InputMaybe<DateTimeFilter>;
  repoCreatedAt?: InputMaybe<DateTimeFilter>;
  repoUpdatedAt?: InputMaybe<DateTimeFilter>;
  url?: InputMaybe<StringFilter>;
};

export type RepositoryOrder = {
  direction?: SortDirection;
  field: RepositoryOrderField;
};

export type RepositoryOrderField =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'CREATED_AT'
  | 'DEFAULT_BRANCH'
  | 'DESCRIPTION'
  | 'EXTERNAL_ID'
  | 'FULL_NAME'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'IS_PRIVATE'
  | 'LANGUAGE'
  | 'LAST_UPDATED_AT'
  | 'NAME'
  | 'PUSHED_AT'
  | 'REPO_CREATED_AT'
  | 'REPO_UPDATED_AT'
  | 'URL';

/** Changes to a row of repositories: omitted fields keep their value, null clears a nullable one. */
export type RepositoryUpdateInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  defaultBranch?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  isPrivate?: InputMaybe<Scalars['Boolean']['input']>;
  language?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  pushedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  repoCreatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  repoUpdatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** A GitHub repository (key: fullName, `owner/name`). Same fields as the `repository` import record. */
export type RepositoryUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  defaultBranch?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  fullName: Scalars['String']['input'];
  /** Natural key; default "GitHub". */
  integration?: InputMaybe<Scalars['String']['input']>;
  isPrivate?: InputMaybe<Scalars['Boolean']['input']>;
  language?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  pushedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  repoCreatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  repoUpdatedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** What the token allows: admin > user > viewer; etl: only the bulk upserts. */
export type Role =
  | 'ADMIN'
  | 'ETL'
  | 'USER'
  | 'VIEWER';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type Status = {
  __typename?: 'Status';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  category: Scalars['String']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId: Scalars['Int']['output'];
  /** issueChangelogs whose from_status_id is this row. */
  issueChangelogsByFromStatusId: IssueChangelogConnection;
  /** issueChangelogs whose to_status_id is this row. */
  issueChangelogsByToStatusId: IssueChangelogConnection;
  /** issues whose status_id is this row. */
  issues: IssueConnection;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  originalName: Scalars['String']['output'];
  /** projectStatuses whose status_id is this row. */
  projectStatuses: ProjectStatusConnection;
  /** Projects that use this status. */
  projects: ProjectConnection;
  /** The StatusMapping this row's status_mapping_id points at. */
  statusMapping?: Maybe<StatusMapping>;
  statusMappingId?: Maybe<Scalars['Int']['output']>;
};


export type StatusIssueChangelogsByFromStatusIdArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueChangelogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueChangelogOrder>>;
};


export type StatusIssueChangelogsByToStatusIdArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueChangelogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueChangelogOrder>>;
};


export type StatusIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type StatusProjectStatusesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectStatusFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectStatusOrder>>;
};


export type StatusProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ProjectOrder>>;
};

export type StatusConnection = {
  __typename?: 'StatusConnection';
  edges: Array<StatusEdge>;
  nodes: Array<Status>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of statuses. */
export type StatusCreateInput = {
  category: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId: Scalars['Int']['input'];
  originalName: Scalars['String']['input'];
  /** Id of a StatusMapping of your organisation. */
  statusMappingId?: InputMaybe<Scalars['Int']['input']>;
};

export type StatusEdge = {
  __typename?: 'StatusEdge';
  cursor: Scalars['String']['output'];
  node: Status;
};

/** Conditions on statuses; all given fields must match. */
export type StatusFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<StatusFilter>>;
  category?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  description?: InputMaybe<StringFilter>;
  externalId?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<StatusFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<StatusFilter>>;
  originalName?: InputMaybe<StringFilter>;
  statusMappingId?: InputMaybe<IntFilter>;
};

export type StatusMapping = {
  __typename?: 'StatusMapping';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId?: Maybe<Scalars['Int']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  statusCategory: Scalars['String']['output'];
  statusFrom: Scalars['String']['output'];
  statusTo: Scalars['String']['output'];
  /** statuses whose status_mapping_id is this row. */
  statuses: StatusConnection;
  /** The Workflow this row's workflow_id points at. */
  workflow?: Maybe<Workflow>;
  workflowId?: Maybe<Scalars['Int']['output']>;
};


export type StatusMappingStatusesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusOrder>>;
};

export type StatusMappingConnection = {
  __typename?: 'StatusMappingConnection';
  edges: Array<StatusMappingEdge>;
  nodes: Array<StatusMapping>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of status_mappings. */
export type StatusMappingCreateInput = {
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  statusCategory: Scalars['String']['input'];
  statusFrom: Scalars['String']['input'];
  statusTo: Scalars['String']['input'];
  /** Id of a Workflow of your organisation. */
  workflowId?: InputMaybe<Scalars['Int']['input']>;
};

export type StatusMappingEdge = {
  __typename?: 'StatusMappingEdge';
  cursor: Scalars['String']['output'];
  node: StatusMapping;
};

/** Conditions on status_mappings; all given fields must match. */
export type StatusMappingFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<StatusMappingFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<StatusMappingFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<StatusMappingFilter>>;
  statusCategory?: InputMaybe<StringFilter>;
  statusFrom?: InputMaybe<StringFilter>;
  statusTo?: InputMaybe<StringFilter>;
  workflowId?: InputMaybe<IntFilter>;
};

export type StatusMappingOrder = {
  direction?: SortDirection;
  field: StatusMappingOrderField;
};

export type StatusMappingOrderField =
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'LAST_UPDATED_AT'
  | 'STATUS_CATEGORY'
  | 'STATUS_FROM'
  | 'STATUS_TO'
  | 'WORKFLOW_ID';

/** Changes to a row of status_mappings: omitted fields keep their value, null clears a nullable one. */
export type StatusMappingUpdateInput = {
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  statusCategory?: InputMaybe<Scalars['String']['input']>;
  statusFrom?: InputMaybe<Scalars['String']['input']>;
  statusTo?: InputMaybe<Scalars['String']['input']>;
  /** Id of a Workflow of your organisation. */
  workflowId?: InputMaybe<Scalars['Int']['input']>;
};

/** Maps a raw Jira status name to a flow step (key: statusFrom; workflow by step name). Same fields as the `statusMapping` import record. */
export type StatusMappingUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Natural key. */
  integration?: InputMaybe<Scalars['String']['input']>;
  statusCategory: Scalars['String']['input'];
  statusFrom: Scalars['String']['input'];
  statusTo: Scalars['String']['input'];
  /** Natural key. */
  workflow?: InputMaybe<Scalars['String']['input']>;
};

export type StatusOrder = {
  direction?: SortDirection;
  field: StatusOrderField;
};

export type StatusOrderField =
  | 'ACTIVE'
  | 'CATEGORY'
  | 'CREATED_AT'
  | 'DESCRIPTION'
  | 'EXTERNAL_ID'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'LAST_UPDATED_AT'
  | 'ORIGINAL_NAME'
  | 'STATUS_MAPPING_ID';

/** Changes to a row of statuses: omitted fields keep their value, null clears a nullable one. */
export type StatusUpdateInput = {
  category?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  originalName?: InputMaybe<Scalars['String']['input']>;
  /** Id of a StatusMapping of your organisation. */
  statusMappingId?: InputMaybe<Scalars['Int']['input']>;
};

/** A Jira status (key: externalId; statusMapping by its statusFrom). Same fields as the `status` import record. */
export type StatusUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  category: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  externalId: Scalars['String']['input'];
  /** Natural key; default "Jira". */
  integration?: InputMaybe<Scalars['String']['input']>;
  originalName: Scalars['String']['input'];
  /** Natural key. */
  statusMapping?: InputMaybe<Scalars['String']['input']>;
};

export type StringFilter = {
  /** Contains this text, ignoring case. */
  contains?: InputMaybe<Scalars['String']['input']>;
  /** Equal to (null: is null). */
  eq?: InputMaybe<Scalars['String']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['String']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['String']['input']>;
  /** One of these values (at most 1000). */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['String']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['String']['input']>;
  /** Not equal to; nulls count as different. */
  ne?: InputMaybe<Scalars['String']['input']>;
  /** None of these values (at most 1000); nulls match. */
  notIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Starts with this text (case-sensitive). */
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

export type SystemSetting = {
  __typename?: 'SystemSetting';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  settingKey: Scalars['String']['output'];
  settingType: Scalars['String']['output'];
  settingValue: Scalars['String']['output'];
};

export type SystemSettingConnection = {
  __typename?: 'SystemSettingConnection';
  edges: Array<SystemSettingEdge>;
  nodes: Array<SystemSetting>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of system_settings. */
export type SystemSettingCreateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  settingKey: Scalars['String']['input'];
  /** How settingValue is read: one of string, number, boolean, json. Default on create: "string". */
  settingType?: InputMaybe<Scalars['String']['input']>;
  /** Text that must read as settingType (a number, true/false, JSON). */
  settingValue: Scalars['String']['input'];
};

export type SystemSettingEdge = {
  __typename?: 'SystemSettingEdge';
  cursor: Scalars['String']['output'];
  node: SystemSetting;
};

/** Conditions on system_settings; all given fields must match. */
export type SystemSettingFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<SystemSettingFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  description?: InputMaybe<StringFilter>;
  id?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<SystemSettingFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<SystemSettingFilter>>;
  settingKey?: InputMaybe<StringFilter>;
  settingType?: InputMaybe<StringFilter>;
  settingValue?: InputMaybe<StringFilter>;
};

export type SystemSettingOrder = {
  direction?: SortDirection;
  field: SystemSettingOrderField;
};

export type SystemSettingOrderField =
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'DESCRIPTION'
  | 'ID'
  | 'LAST_UPDATED_AT'
  | 'SETTING_KEY'
  | 'SETTING_TYPE'
  | 'SETTING_VALUE';

/** Changes to a row of system_settings: omitted fields keep their value, null clears a nullable one. */
export type SystemSettingUpdateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  settingKey?: InputMaybe<Scalars['String']['input']>;
  /** How settingValue is read: one of string, number, boolean, json. Default on create: "string". */
  settingType?: InputMaybe<Scalars['String']['input']>;
  /** Text that must read as settingType (a number, true/false, JSON). */
  settingValue?: InputMaybe<Scalars['String']['input']>;
};

/** Counts and per-row outcomes of one bulk upsert (one transaction on the primary). */
export type UpsertResult = {
  __typename?: 'UpsertResult';
  inserted: Scalars['Int']['output'];
  rejected: Scalars['Int']['output'];
  rows: Array<UpsertRowResult>;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** The outcome of one row of an upsert, by its position in `rows`. */
export type UpsertRowResult = {
  __typename?: 'UpsertRowResult';
  /** 0-based position of the row in the call. */
  index: Scalars['Int']['output'];
  /** Why the row was rejected (schema, unknown reference, constraint). */
  reason?: Maybe<Scalars['String']['output']>;
  status: UpsertStatus;
};

/** What an upsert did with one row: unchanged rows keep their lastUpdatedAt. */
export type UpsertStatus =
  | 'INSERTED'
  | 'REJECTED'
  | 'UNCHANGED'
  | 'UPDATED';

export type User = {
  __typename?: 'User';
  accessibilityLevel?: Maybe<Scalars['String']['output']>;
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** anomalyAlerts whose acknowledged_by is this row. */
  anomalyAlerts: MlAnomalyAlertConnection;
  authProvider: Scalars['String']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  colorblindSafePalette?: Maybe<Scalars['Boolean']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  email: Scalars['String']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  firstName?: Maybe<Scalars['String']['output']>;
  highContrastMode?: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['Int']['output'];
  isAdmin?: Maybe<Scalars['Boolean']['output']>;
  /** issues whose assignee_id is this row. */
  issuesByAssigneeId: IssueConnection;
  /** issues whose reporter_id is this row. */
  issuesByReporterId: IssueConnection;
  lastLoginAt?: Maybe<Scalars['DateTimeISO']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  oktaUserId?: Maybe<Scalars['String']['output']>;
  /** userPermissions whose user_id is this row. */
  permissions: UserPermissionConnection;
  profileImageFilename?: Maybe<Scalars['String']['output']>;
  reduceMotion?: Maybe<Scalars['Boolean']['output']>;
  role: Scalars['String']['output'];
  /** userSessions whose user_id is this row. */
  sessions: UserSessionConnection;
  themeMode?: Maybe<Scalars['String']['output']>;
};


export type UserAnomalyAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MlAnomalyAlertFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MlAnomalyAlertOrder>>;
};


export type UserIssuesByAssigneeIdArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type UserIssuesByReporterIdArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<IssueOrder>>;
};


export type UserPermissionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserPermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPermissionOrder>>;
};


export type UserSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserSessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserSessionOrder>>;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  nodes: Array<User>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of users. */
export type UserCreateInput = {
  /** At most 10 characters. Default on create: "regular". */
  accessibilityLevel?: InputMaybe<Scalars['String']['input']>;
  /** At most 50 characters. Default on create: "local". */
  authProvider?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: false. */
  colorblindSafePalette?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 255 characters. */
  email: Scalars['String']['input'];
  /** At most 100 characters. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: false. */
  highContrastMode?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 100 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** At most 255 characters. */
  oktaUserId?: InputMaybe<Scalars['String']['input']>;
  /** Write-only: stored as a scrypt hash and never returned. Null removes the password login. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** At most 255 characters. */
  profileImageFilename?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: false. */
  reduceMotion?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 50 characters. One of admin, user, viewer; isAdmin follows it. Default on create: "user". */
  role?: InputMaybe<Scalars['String']['input']>;
  /** At most 10 characters. Default on create: "light". */
  themeMode?: InputMaybe<Scalars['String']['input']>;
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** Conditions on users; all given fields must match. */
export type UserFilter = {
  accessibilityLevel?: InputMaybe<StringFilter>;
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<UserFilter>>;
  authProvider?: InputMaybe<StringFilter>;
  colorblindSafePalette?: InputMaybe<BooleanFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  email?: InputMaybe<StringFilter>;
  firstName?: InputMaybe<StringFilter>;
  highContrastMode?: InputMaybe<BooleanFilter>;
  id?: InputMaybe<IntFilter>;
  isAdmin?: InputMaybe<BooleanFilter>;
  lastLoginAt?: InputMaybe<DateTimeFilter>;
  lastName?: InputMaybe<StringFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<UserFilter>;
  oktaUserId?: InputMaybe<StringFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<UserFilter>>;
  profileImageFilename?: InputMaybe<StringFilter>;
  reduceMotion?: InputMaybe<BooleanFilter>;
  role?: InputMaybe<StringFilter>;
  themeMode?: InputMaybe<StringFilter>;
};

export type UserOrder = {
  direction?: SortDirection;
  field: UserOrderField;
};

export type UserOrderField =
  | 'ACCESSIBILITY_LEVEL'
  | 'ACTIVE'
  | 'AUTH_PROVIDER'
  | 'COLORBLIND_SAFE_PALETTE'
  | 'CREATED_AT'
  | 'EMAIL'
  | 'FIRST_NAME'
  | 'HIGH_CONTRAST_MODE'
  | 'ID'
  | 'IS_ADMIN'
  | 'LAST_LOGIN_AT'
  | 'LAST_NAME'
  | 'LAST_UPDATED_AT'
  | 'OKTA_USER_ID'
  | 'PROFILE_IMAGE_FILENAME'
  | 'REDUCE_MOTION'
  | 'ROLE'
  | 'THEME_MODE';

export type UserPermission = {
  __typename?: 'UserPermission';
  action: Scalars['String']['output'];
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  granted: Scalars['Boolean']['output'];
  id: Scalars['Int']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  resource: Scalars['String']['output'];
  /** The User this row's user_id points at. */
  user?: Maybe<User>;
  userId: Scalars['Int']['output'];
};

export type UserPermissionConnection = {
  __typename?: 'UserPermissionConnection';
  edges: Array<UserPermissionEdge>;
  nodes: Array<UserPermission>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of user_permissions. */
export type UserPermissionCreateInput = {
  /** At most 50 characters. */
  action: Scalars['String']['input'];
  /** Default on create: true. */
  granted?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 100 characters. */
  resource: Scalars['String']['input'];
  /** Id of an User of your organisation. */
  userId: Scalars['Int']['input'];
};

export type UserPermissionEdge = {
  __typename?: 'UserPermissionEdge';
  cursor: Scalars['String']['output'];
  node: UserPermission;
};

/** Conditions on user_permissions; all given fields must match. */
export type UserPermissionFilter = {
  action?: InputMaybe<StringFilter>;
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<UserPermissionFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  granted?: InputMaybe<BooleanFilter>;
  id?: InputMaybe<IntFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<UserPermissionFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<UserPermissionFilter>>;
  resource?: InputMaybe<StringFilter>;
  userId?: InputMaybe<IntFilter>;
};

export type UserPermissionOrder = {
  direction?: SortDirection;
  field: UserPermissionOrderField;
};

export type UserPermissionOrderField =
  | 'ACTION'
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'GRANTED'
  | 'ID'
  | 'LAST_UPDATED_AT'
  | 'RESOURCE'
  | 'USER_ID';

/** Changes to a row of user_permissions: omitted fields keep their value, null clears a nullable one. */
export type UserPermissionUpdateInput = {
  /** At most 50 characters. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: true. */
  granted?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 100 characters. */
  resource?: InputMaybe<Scalars['String']['input']>;
  /** Id of an User of your organisation. */
  userId?: InputMaybe<Scalars['Int']['input']>;
};

export type UserSession = {
  __typename?: 'UserSession';
  /** False once soft-deleted. */
  active: Scalars['Boolean']['output'];
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['Int']['output'];
  ipAddress?: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  /** The User this row's user_id points at. */
  user?: Maybe<User>;
  userAgent?: Maybe<Scalars['String']['output']>;
  userId: Scalars['Int']['output'];
};

export type UserSessionConnection = {
  __typename?: 'UserSessionConnection';
  edges: Array<UserSessionEdge>;
  nodes: Array<UserSession>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

export type UserSessionEdge = {
  __typename?: 'UserSessionEdge';
  cursor: Scalars['String']['output'];
  node: UserSession;
};

/** Conditions on user_sessions; all given fields must match. */
export type UserSessionFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<UserSessionFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  expiresAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  ipAddress?: InputMaybe<StringFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<UserSessionFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<UserSessionFilter>>;
  userAgent?: InputMaybe<StringFilter>;
  userId?: InputMaybe<IntFilter>;
};

export type UserSessionOrder = {
  direction?: SortDirection;
  field: UserSessionOrderField;
};

export type UserSessionOrderField =
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'EXPIRES_AT'
  | 'ID'
  | 'IP_ADDRESS'
  | 'LAST_UPDATED_AT'
  | 'USER_AGENT'
  | 'USER_ID';

/** Changes to a row of users: omitted fields keep their value, null clears a nullable one. */
export type UserUpdateInput = {
  /** At most 10 characters. Default on create: "regular". */
  accessibilityLevel?: InputMaybe<Scalars['String']['input']>;
  /** At most 50 characters. Default on create: "local". */
  authProvider?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: false. */
  colorblindSafePalette?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 255 characters. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** At most 100 characters. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: false. */
  highContrastMode?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 100 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** At most 255 characters. */
  oktaUserId?: InputMaybe<Scalars['String']['input']>;
  /** Write-only: stored as a scrypt hash and never returned. Null removes the password login. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** At most 255 characters. */
  profileImageFilename?: InputMaybe<Scalars['String']['input']>;
  /** Default on create: false. */
  reduceMotion?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 50 characters. One of admin, user, viewer; isAdmin follows it. Default on create: "user". */
  role?: InputMaybe<Scalars['String']['input']>;
  /** At most 10 characters. Default on create: "light". */
  themeMode?: InputMaybe<Scalars['String']['input']>;
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
  /** The Client this row's client_id points at. */
  client?: Maybe<Client>;
  clientId: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The row's 1536-dimension embedding (admins only; selecting it is the opt-in). */
  embedding?: Maybe<Array<Scalars['Float']['output']>>;
  id: Scalars['Int']['output'];
  /** The Integration this row's integration_id points at. */
  integration?: Maybe<Integration>;
  integrationId?: Maybe<Scalars['Int']['output']>;
  isCommitmentPoint: Scalars['Boolean']['output'];
  lastUpdatedAt: Scalars['DateTimeISO']['output'];
  /** statusMappings whose workflow_id is this row. */
  statusMappings: StatusMappingConnection;
  stepCategory: Scalars['String']['output'];
  stepName: Scalars['String']['output'];
  stepNumber?: Maybe<Scalars['Int']['output']>;
};


export type WorkflowStatusMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatusMappingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StatusMappingOrder>>;
};

export type WorkflowConnection = {
  __typename?: 'WorkflowConnection';
  edges: Array<WorkflowEdge>;
  nodes: Array<Workflow>;
  pageInfo: PageInfo;
  /** Rows matching the filter; counted only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** A new row of workflows. */
export type WorkflowCreateInput = {
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  /** Default on create: false. */
  isCommitmentPoint?: InputMaybe<Scalars['Boolean']['input']>;
  stepCategory: Scalars['String']['input'];
  stepName: Scalars['String']['input'];
  stepNumber?: InputMaybe<Scalars['Int']['input']>;
};

export type WorkflowEdge = {
  __typename?: 'WorkflowEdge';
  cursor: Scalars['String']['output'];
  node: Workflow;
};

/** Conditions on workflows; all given fields must match. */
export type WorkflowFilter = {
  active?: InputMaybe<BooleanFilter>;
  /** Every one of these filters. */
  and?: InputMaybe<Array<WorkflowFilter>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IntFilter>;
  integrationId?: InputMaybe<IntFilter>;
  isCommitmentPoint?: InputMaybe<BooleanFilter>;
  lastUpdatedAt?: InputMaybe<DateTimeFilter>;
  /** Rows this filter does not match. */
  not?: InputMaybe<WorkflowFilter>;
  /** At least one of these filters. */
  or?: InputMaybe<Array<WorkflowFilter>>;
  stepCategory?: InputMaybe<StringFilter>;
  stepName?: InputMaybe<StringFilter>;
  stepNumber?: InputMaybe<IntFilter>;
};

export type WorkflowOrder = {
  direction?: SortDirection;
  field: WorkflowOrderField;
};

export type WorkflowOrderField =
  | 'ACTIVE'
  | 'CREATED_AT'
  | 'ID'
  | 'INTEGRATION_ID'
  | 'IS_COMMITMENT_POINT'
  | 'LAST_UPDATED_AT'
  | 'STEP_CATEGORY'
  | 'STEP_NAME'
  | 'STEP_NUMBER';

/** Changes to a row of workflows: omitted fields keep their value, null clears a nullable one. */
export type WorkflowUpdateInput = {
  /** Id of an Integration of your organisation. */
  integrationId?: InputMaybe<Scalars['Int']['input']>;
  /** Default on create: false. */
  isCommitmentPoint?: InputMaybe<Scalars['Boolean']['input']>;
  stepCategory?: InputMaybe<Scalars['String']['input']>;
  stepName?: InputMaybe<Scalars['String']['input']>;
  stepNumber?: InputMaybe<Scalars['Int']['input']>;
};

/** A workflow step of the client (key: stepName). Same fields as the `workflow` import record. */
export type WorkflowUpsertInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Absent: the stored embedding stays; null clears it; otherwise 1536 finite numbers, not all zero. */
  embedding?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Natural key. */
  integration?: InputMaybe<Scalars['String']['input']>;
  isCommitmentPoint?: InputMaybe<Scalars['Boolean']['input']>;
  stepCategory: Scalars['String']['input'];
  stepName: Scalars['String']['input'];
  stepNumber?: InputMaybe<Scalars['Int']['input']>;
};

export type AnomalyAlertsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<MlAnomalyAlertFilter>;
}>;


export type AnomalyAlertsQuery = { __typename?: 'Query', anomalyAlerts: { __typename?: 'MlAnomalyAlertConnection', totalCount: number, nodes: Array<{ __typename?: 'MlAnomalyAlert', id: number, modelName: string, severity: string, alertData: unknown, acknowledged?: boolean | null, acknowledgedAt?: string | null, createdAt?: string | null, acknowledgedBy?: { __typename?: 'User', id: number, email: string } | null }> } };

export type IssueDetailQueryVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type IssueDetailQuery = { __typename?: 'Query', issueByKey?: { __typename?: 'Issue', id: number, key: string, summary?: string | null, description?: string | null, priority?: string | null, storyPoints?: number | null, labels?: string | null, created?: string | null, updated?: string | null, resolved?: string | null, dueDate?: string | null, totalCycleTimeSeconds?: number | null, totalLeadTimeSeconds?: number | null, reworkIndicator?: boolean | null, project?: { __typename?: 'Project', id: number, key: string, name: string } | null, issuetype?: { __typename?: 'Issuetype', id: number, originalName: string } | null, status?: { __typename?: 'Status', id: number, originalName: string, category: string } | null, assigneeUser?: { __typename?: 'User', id: number, email: string, firstName?: string | null, lastName?: string | null } | null, reporterUser?: { __typename?: 'User', id: number, email: string } | null, parent?: { __typename?: 'Issue', id: number, key: string, summary?: string | null } | null, children: { __typename?: 'IssueConnection', totalCount: number, nodes: Array<{ __typename?: 'Issue', id: number, key: string, summary?: string | null, statusName?: string | null }> }, changelogs: { __typename?: 'IssueChangelogConnection', nodes: Array<{ __typename?: 'IssueChangelog', id: number, transitionChangeDate?: string | null, timeInStatusSeconds?: number | null, changedBy?: string | null, fromStatus?: { __typename?: 'Status', originalName: string } | null, toStatus?: { __typename?: 'Status', originalName: string } | null }> }, pullRequests: { __typename?: 'PullRequestConnection', nodes: Array<{ __typename?: 'PullRequest', id: number, number?: number | null, name?: string | null, status?: string | null, mergedAt?: string | null, repository?: { __typename?: 'Repository', id: number, fullName?: string | null } | null, reviews: { __typename?: 'PullRequestReviewConnection', nodes: Array<{ __typename?: 'PullRequestReview', state?: string | null, authorLogin?: string | null }> }, commits: { __typename?: 'PullRequestCommitConnection', totalCount: number } }> } } | null };

export type IssueEmbeddingsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type IssueEmbeddingsQuery = { __typename?: 'Query', issues: { __typename?: 'IssueConnection', nodes: Array<{ __typename?: 'Issue', id: number, key: string, embedding?: Array<number> | null }> } };

export type IssueListQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IssueFilter>;
  orderBy?: InputMaybe<Array<IssueOrder> | IssueOrder>;
}>;


export type IssueListQuery = { __typename?: 'Query', issues: { __typename?: 'IssueConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Issue', id: number, key: string, summary?: string | null, priority?: string | null, storyPoints?: number | null, created?: string | null, updated?: string | null, project?: { __typename?: 'Project', id: number, key: string, name: string } | null, status?: { __typename?: 'Status', id: number, originalName: string, category: string } | null, assigneeUser?: { __typename?: 'User', id: number, email: string, firstName?: string | null, lastName?: string | null } | null, pullRequests: { __typename?: 'PullRequestConnection', totalCount: number, nodes: Array<{ __typename?: 'PullRequest', id: number, number?: number | null, name?: string | null, status?: string | null, url?: string | null, reviews: { __typename?: 'PullRequestReviewConnection', nodes: Array<{ __typename?: 'PullRequestReview', id: number, state?: string | null, authorLogin?: string | null, submittedAt?: string | null }> } }> } }> } };

export type PullRequestListQueryVariables = Exact<{
  repositoryId: Scalars['Int']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PullRequestListQuery = { __typename?: 'Query', pullRequests: { __typename?: 'PullRequestConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'PullRequest', id: number, number?: number | null, name?: string | null, userName?: string | null, status?: string | null, prCreatedAt?: string | null, mergedAt?: string | null, additions?: number | null, deletions?: number | null, repository?: { __typename?: 'Repository', id: number, fullName?: string | null } | null, reviews: { __typename?: 'PullRequestReviewConnection', totalCount: number, nodes: Array<{ __typename?: 'PullRequestReview', state?: string | null, authorLogin?: string | null, submittedAt?: string | null }> }, issues: { __typename?: 'IssueConnection', nodes: Array<{ __typename?: 'Issue', id: number, key: string, summary?: string | null }> } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', role: Role, user: { __typename?: 'User', id: number, email: string, firstName?: string | null, lastName?: string | null }, client: { __typename?: 'Client', id: number, name: string } } };


export const AnomalyAlertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnomalyAlerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MlAnomalyAlertFilter"}},"defaultValue":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"acknowledged"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"BooleanValue","value":false}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"anomalyAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"alertData"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledged"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnomalyAlertsQuery, AnomalyAlertsQueryVariables>;
export const IssueDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IssueDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueByKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"storyPoints"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalCycleTimeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"totalLeadTimeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"reworkIndicator"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issuetype"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"originalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"originalName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assigneeUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reporterUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"statusName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changelogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"TRANSITION_CHANGE_DATE"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"transitionChangeDate"}},{"kind":"Field","name":{"kind":"Name","value":"timeInStatusSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originalName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pullRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mergedAt"}},{"kind":"Field","name":{"kind":"Name","value":"repository"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"authorLogin"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IssueDetailQuery, IssueDetailQueryVariables>;
export const IssueEmbeddingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IssueEmbeddings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"BooleanValue","value":true}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"embedding"}}]}}]}}]}}]} as unknown as DocumentNode<IssueEmbeddingsQuery, IssueEmbeddingsQueryVariables>;
export const IssueListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IssueList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueOrder"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"storyPoints"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"originalName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assigneeUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pullRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"authorLogin"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IssueListQuery, IssueListQueryVariables>;
export const PullRequestListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PullRequestList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"repositoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pullRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"repositoryId"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"repositoryId"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"PR_CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"userName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"prCreatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"mergedAt"}},{"kind":"Field","name":{"kind":"Name","value":"additions"}},{"kind":"Field","name":{"kind":"Name","value":"deletions"}},{"kind":"Field","name":{"kind":"Name","value":"repository"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"authorLogin"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PullRequestListQuery, PullRequestListQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;