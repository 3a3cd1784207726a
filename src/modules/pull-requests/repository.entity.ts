import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { PullRequest } from './pull-request.entity.js';

/** A GitHub repository. */
@ObjectType()
@Entity({ tableName: 'repositories' })
// The ETL import's natural key (upserts by it).
@Unique({ name: 'uk_repositories_client_full_name', properties: ['client', 'fullName'] })
export class Repository extends TenantEntity {
  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  url?: string | null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  isPrivate?: boolean | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  repoCreatedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  repoUpdatedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  pushedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  language?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  defaultBranch?: string | null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  archived?: boolean | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;

  @ConnectionField(() => PullRequest, { description: 'pullRequests whose repository_id is this row.' })
  @OneToMany({ entity: () => PullRequest, mappedBy: 'repository' })
  pullRequests = new Collection<PullRequest>(this);
}
