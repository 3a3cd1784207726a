import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { TenantRecord } from '../../common/base.entities.js';

/**
 * A connection to a Jira or GitHub instance. Supporting table (not one of the 24) that most Jira/GitHub
 * rows point at. `password` holds the source system's token: write-only, never returned, not even masked.
 */
@ObjectType()
@Entity({ tableName: 'integrations' })
@Unique({ properties: ['name', 'client'] })
export class Integration extends TenantRecord {
  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  username?: string | null;

  /** Secret: never exposed, never logged. */
  @Property({ type: 'text', nullable: true, hidden: true })
  password?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  baseSearch?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastSyncAt?: Date | null;
}
