import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ForeignKeyId, TenantEntity } from '../../common/base.entities.js';
import { User } from './user.entity.js';

@ObjectType()
@Entity({ tableName: 'user_permissions' })
export class UserPermission extends TenantEntity {
  @Index()
  @Field(() => User, { nullable: true, description: "The User this row's user_id points at." })
  @ManyToOne({ entity: () => User })
  user!: Rel<User>;

  @ForeignKeyId()
  userId?: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  resource!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  action!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  granted: Opt<boolean> = true;
}
