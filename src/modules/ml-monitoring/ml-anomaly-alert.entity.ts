import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

import { User } from '../users/user.entity.js';
import { MlMonitoringRecord } from './ml-monitoring-record.js';
import { ForeignKeyId } from '../../common/base.entities.js';

export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** An anomaly raised by a model, until an admin acknowledges it. */
@ObjectType()
@Entity({ tableName: 'ml_anomaly_alerts' })
@Index({ name: 'idx_ml_anomaly_alerts_client_created', properties: ['client', 'createdAt'] })
@Check({
  name: 'ck_ml_anomaly_alerts_severity',
  expression: "severity in ('low', 'medium', 'high', 'critical')",
})
export class MlAnomalyAlert extends MlMonitoringRecord {
  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 100 })
  modelName!: string;

  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 20 })
  severity!: string;

  @Field(() => GraphQLJSON)
  @Property({ type: 'jsonb' })
  alertData!: Record<string, unknown>;

  @Field(() => Boolean, { nullable: true })
  @Index()
  @Property({ type: 'boolean', nullable: true, default: false })
  acknowledged: Opt<boolean | null> = false;

  @Field(() => User, { nullable: true, description: "The User this row's acknowledged_by points at." })
  @ManyToOne({ entity: () => User, fieldName: 'acknowledged_by', nullable: true, index: true })
  acknowledgedBy?: Rel<User> | null;

  @ForeignKeyId({ nullable: true })
  acknowledgedById?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt?: Date | null;
}
