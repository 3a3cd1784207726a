import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';

import { MlMonitoringRecord } from './ml-monitoring-record.js';

export const PREDICTION_SEVERITIES = ['normal', 'warning', 'critical'] as const;

/** One model prediction, with its anomaly score. */
@ObjectType()
@Entity({ tableName: 'ml_prediction_log' })
@Index({ name: 'idx_ml_prediction_log_client_created', properties: ['client', 'createdAt'] })
@Check({
  name: 'ck_ml_prediction_log_severity',
  expression: "severity in ('normal', 'warning', 'critical')",
})
export class MlPredictionLog extends MlMonitoringRecord {
  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 100 })
  modelName!: string;

  @Field(() => Float)
  @Property({ type: 'double' })
  predictionValue!: number;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  inputFeatures?: Record<string, unknown> | null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  anomalyScore?: number | null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true, default: false })
  isAnomaly: Opt<boolean | null> = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true, default: 'normal' })
  severity: Opt<string | null> = 'normal';

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  responseTimeMs?: number | null;
}
