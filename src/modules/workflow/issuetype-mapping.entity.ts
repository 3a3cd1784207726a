import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { IssuetypeHierarchy } from './issuetype-hierarchy.entity.js';
import { Issuetype } from './issuetype.entity.js';

/** Maps a source-system issue type onto a level of the hierarchy. */
@ObjectType()
@Entity({ tableName: 'issuetype_mappings' })
@Unique({ name: 'uk_issuetype_mappings_from_client', properties: ['issuetypeFrom', 'client'] })
export class IssuetypeMapping extends TenantEntity {
  @Field(() => String)
  @Index()
  @Property({ type: 'text' })
  issuetypeFrom!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  issuetypeTo!: string;

  @Field(() => IssuetypeHierarchy, {
    nullable: true,
    description: "The IssuetypeHierarchy this row's issuetype_hierarchy_id points at.",
  })
  @ManyToOne({ entity: () => IssuetypeHierarchy, index: true })
  issuetypeHierarchy!: Rel<IssuetypeHierarchy>;

  @ForeignKeyId()
  issuetypeHierarchyId?: number;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, nullable: true, index: true })
  integration?: Rel<Integration> | null;

  @ForeignKeyId({ nullable: true })
  integrationId?: number | null;

  @ConnectionField(() => Issuetype, { description: 'issuetypes whose issuetype_mapping_id is this row.' })
  @OneToMany({ entity: () => Issuetype, mappedBy: 'issuetypeMapping' })
  issuetypes = new Collection<Issuetype>(this);
}
