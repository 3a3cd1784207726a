import { Check, Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';

import { MlMonitoringRecord } from './ml-monitoring-record.js';

/** What the AI assistant learnt from a failed query. */
@ObjectType()
@Entity({ tableName: 'ai_learning_memory' })
@Index({ name: 'idx_ai_learning_memory_client_created', properties: ['client', 'createdAt'] })
// Compared as numeric so PostgreSQL prints it without a `double precision` cast, which MikroORM's
// schema diff cannot parse; the bounds are the same.
@Check({
  name: 'ck_ai_learning_memory_confidence',
  expression: 'confidence::numeric >= 0 and confidence::numeric <= 1',
})
export class AiLearningMemory extends MlMonitoringRecord {
  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 50 })
  errorType!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  userIntent!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  failedQuery!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  specificIssue!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  suggestedFix!: string;

  /** 0..1, enforced by a CHECK constraint. */
  @Field(() => Float)
  @Property({ type: 'double' })
  confidence!: number;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  learningContext?: Record<string, unknown> | null;
}
