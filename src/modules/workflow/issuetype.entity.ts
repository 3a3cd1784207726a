import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { Issue } from '../issues/issue.entity.js';
import { ProjectIssuetype } from '../projects/project-issuetype.entity.js';
import { Project } from '../projects/project.entity.js';
import { IssuetypeMapping } from './issuetype-mapping.entity.js';

/** An issue type as the source system names it. */
@ObjectType()
@Entity({ tableName: 'issuetypes' })
// The ETL import's natural key (upserts by it).
@Unique({ name: 'uk_issuetypes_client_external_id', properties: ['client', 'externalId'] })
export class Issuetype extends TenantEntity {
  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Field(() => String)
  @Index()
  @Property({ type: 'text' })
  originalName!: string;

  @Field(() => IssuetypeMapping, {
    nullable: true,
    description: "The IssuetypeMapping this row's issuetype_mapping_id points at.",
  })
  @ManyToOne({ entity: () => IssuetypeMapping, nullable: true, index: true })
  issuetypeMapping?: Rel<IssuetypeMapping> | null;

  @ForeignKeyId({ nullable: true })
  issuetypeMappingId?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** Matches issuetype_hierarchies.level_number by value (no foreign key, as in the source schema). */
  @Field(() => Int)
  @Property({ type: 'integer' })
  hierarchyLevel!: number;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, index: true })
  integration!: Rel<Integration>;

  @ForeignKeyId()
  integrationId?: number;

  @ConnectionField(() => ProjectIssuetype, {
    description: 'projectIssuetypes whose issuetype_id is this row.',
  })
  @OneToMany({ entity: () => ProjectIssuetype, mappedBy: 'issuetype' })
  projectIssuetypes = new Collection<ProjectIssuetype>(this);

  @ConnectionField(() => Issue, { description: 'issues whose issuetype_id is this row.' })
  @OneToMany({ entity: () => Issue, mappedBy: 'issuetype' })
  issues = new Collection<Issue>(this);

  /** A link through projects_issuetypes, not an ORM relation; its SQL is in projects.module.ts. */
  @ConnectionField(() => Project, { description: 'Projects that use this issue type.' })
  readonly projects?: never;
}
