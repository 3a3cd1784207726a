import { Collection } from '@mikro-orm/core';
import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { ConnectionField, ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { Integration } from '../integrations/integration.entity.js';
import { StatusMapping } from './status-mapping.entity.js';

/** One step of a client's delivery workflow; at most one commitment point per client and integration. */
@ObjectType()
@Entity({ tableName: 'workflows' })
// The ETL import's natural key (upserts by it).
@Unique({ name: 'uk_workflows_client_step_name', properties: ['client', 'stepName'] })
@Index({
  name: 'idx_unique_commitment_point_per_client_integration',
  expression:
    'create unique index "idx_unique_commitment_point_per_client_integration" on "workflows" ("client_id", "integration_id") where is_commitment_point = true',
})
export class Workflow extends TenantEntity {
  @Field(() => String)
  @Property({ type: 'text' })
  stepName!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  stepNumber?: number | null;

  @Field(() => String)
  @Property({ type: 'text' })
  stepCategory!: string;

  @Field(() => Boolean)
  @Index()
  @Property({ type: 'boolean', default: false })
  isCommitmentPoint: Opt<boolean> = false;

  @Field(() => Integration, {
    nullable: true,
    description: "The Integration this row's integration_id points at.",
  })
  @ManyToOne({ entity: () => Integration, nullable: true, index: true })
  integration?: Rel<Integration> | null;

  @ForeignKeyId({ nullable: true })
  integrationId?: number | null;

  @ConnectionField(() => StatusMapping, { description: 'statusMappings whose workflow_id is this row.' })
  @OneToMany({ entity: () => StatusMapping, mappedBy: 'workflow' })
  statusMappings = new Collection<StatusMapping>(this);
}
