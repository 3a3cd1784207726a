import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { Status } from './status.entity.js';
import { Workflow } from './workflow.entity.js';

/** Maps a source-system status name onto the client's workflow. */
@ObjectType()
@Entity({ tableName: 'status_mappings' })
@Unique({ name: 'uk_status_mappings_from_client', properties: ['statusFrom', 'client'] })
export class StatusMapping extends TenantEntity {
  @Field(() => String)
  @Index()
  @Property({ type: 'text' })
  statusFrom!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  statusTo!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  statusCategory!: string;

  @Field(() => Workflow, { nullable: true, description: "The Workflow this row's workflow_id points at." })
  @ManyToOne({ entity: () => Workflow, nullable: true, index: true })
  workflow?: Rel<Workflow> | null;

  @ForeignKeyId({ nullable: true })
  workflowId?: number | null;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, nullable: true, index: true })
  integration?: Rel<Integration> | null;

  @ForeignKeyId({ nullable: true })
  integrationId?: number | null;

  @ConnectionField(() => Status, { description: 'statuses whose status_mapping_id is this row.' })
  @OneToMany({ entity: () => Status, mappedBy: 'statusMapping' })
  statuses = new Collection<Status>(this);
}
