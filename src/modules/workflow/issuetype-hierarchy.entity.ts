import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { IssuetypeMapping } from './issuetype-mapping.entity.js';

/** A level of the issue-type hierarchy (e.g. 0 story, 1 epic). */
@ObjectType()
@Entity({ tableName: 'issuetype_hierarchies' })
// The ETL import's natural key (upserts by it).
@Unique({ name: 'uk_issuetype_hierarchies_client_level_number', properties: ['client', 'levelNumber'] })
export class IssuetypeHierarchy extends TenantEntity {
  @Field(() => String)
  @Property({ type: 'text' })
  levelName!: string;

  @Field(() => Int)
  @Index()
  @Property({ type: 'integer' })
  levelNumber!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, nullable: true, index: true })
  integration?: Rel<Integration> | null;

  @ForeignKeyId({ nullable: true })
  integrationId?: number | null;

  @ConnectionField(() => IssuetypeMapping, {
    description: 'issuetypeMappings whose issuetype_hierarchy_id is this row.',
  })
  @OneToMany({ entity: () => IssuetypeMapping, mappedBy: 'issuetypeHierarchy' })
  issuetypeMappings = new Collection<IssuetypeMapping>(this);
}
