import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { VectorRecord } from '../../common/base.entities.js';

/** Industry DORA benchmark per year, tier and metric. Global reference data: no client, same for all. */
@ObjectType()
@Entity({ tableName: 'dora_market_benchmarks' })
@Unique({ name: 'uk_dora_benchmark', properties: ['reportYear', 'performanceTier', 'metricName'] })
export class DoraMarketBenchmark extends VectorRecord {
  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  reportYear!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true, default: 'Google DORA Report' })
  reportSource: Opt<string | null> = 'Google DORA Report';

  @Field(() => String)
  @Property({ type: 'string', length: 20 })
  performanceTier!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  metricName!: string;

  /** Text, as published ("< 1 hour", "15%"). */
  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  metricValue!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  metricUnit?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
