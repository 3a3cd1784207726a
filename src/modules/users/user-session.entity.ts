import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { User } from './user.entity.js';

/** A login session. `tokenHash` is deliberately not a GraphQL field. */
@ObjectType()
@Entity({ tableName: 'user_sessions' })
export class UserSession extends TenantEntity {
  @Index()
  @Field(() => User, { nullable: true, description: "The User this row's user_id points at." })
  @ManyToOne({ entity: () => User })
  user!: Rel<User>;

  @ForeignKeyId()
  userId?: number;

  /** Secret: never exposed, never logged. */
  @Property({ type: 'string', length: 255, hidden: true })
  tokenHash!: string;

  @Field(() => Date)
  @Index()
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 45, nullable: true })
  ipAddress?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;
}
