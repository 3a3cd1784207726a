import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { Issue } from '../issues/issue.entity.js';

/**
 * A Jira issue mentioned by a GitHub pull request. The pull request is identified the way Jira's
 * development panel does (repository external id + PR number), not by a foreign key: the link can
 * arrive before the pull request itself has been loaded.
 */
@ObjectType()
@Entity({ tableName: 'jira_pull_request_links' })
// The ETL import's natural key (upserts by it).
@Unique({
  name: 'uk_jira_pull_request_links_issue_repo_number',
  properties: ['issue', 'repoFullName', 'pullRequestNumber'],
})
@Index({ name: 'idx_jira_pr_links_repo_pr', properties: ['externalRepoId', 'pullRequestNumber'] })
export class JiraPullRequestLink extends TenantEntity {
  @Field(() => Issue, { nullable: true, description: "The Issue this row's issue_id points at." })
  @ManyToOne({ entity: () => Issue, index: 'idx_jira_pr_links_issue_id' })
  issue!: Rel<Issue>;

  @ForeignKeyId()
  issueId?: number;

  @Field(() => String)
  @Property({ type: 'text' })
  externalRepoId!: string;

  @Field(() => String)
  @Index({ name: 'idx_jira_pr_links_repo_full_name' })
  @Property({ type: 'text' })
  repoFullName!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  pullRequestNumber!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  branchName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  commitSha?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  prStatus?: string | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;
}
