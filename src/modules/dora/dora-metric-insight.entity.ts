import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

import { VectorRecord } from '../../common/base.entities.js';

/** Narrative insight per DORA metric and report year. Global reference data. */
@ObjectType()
@Entity({ tableName: 'dora_metric_insights' })
@Unique({ name: 'uk_dora_insight', properties: ['reportYear', 'metricName'] })
export class DoraMetricInsight extends VectorRecord {
  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  reportYear!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  metricName!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  insightText!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
