import type { Opt, Rel } from '@mikro-orm/core';
import { Filter, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { TENANT_FILTER, tenantCondition } from '../../common/tenant-filter.js';
import type { Client } from '../clients/client.entity.js';
import { ClientField, ForeignKeyId } from '../../common/base.entities.js';

/**
 * Shared columns of the three ML monitoring tables, exactly as seed 001 declares them: no embedding,
 * `updated_at` (not `last_updated_at`), a nullable `active` defaulting to true, and a client foreign key
 * that cascades, so deleting a client deletes its ML history.
 */
@ObjectType()
@Filter({ name: TENANT_FILTER, cond: tenantCondition('client'), default: true })
export abstract class MlMonitoringRecord {
  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ClientField()
  @ManyToOne({ type: 'Client', deleteRule: 'cascade', index: true })
  client!: Rel<Client>;

  @ForeignKeyId()
  clientId?: number;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true, default: true })
  active: Opt<boolean | null> = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true, defaultRaw: 'now()' })
  createdAt: Opt<Date | null> = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true, defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date | null> = new Date();
}
