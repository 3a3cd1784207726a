import { Collection } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { Entity, Index, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { ConnectionField, TenantEntity } from '../../common/base.entities.js';
import { UserPermission } from './user-permission.entity.js';
import { UserSession } from './user-session.entity.js';

export const USER_ROLES = ['admin', 'user', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
import { Issue } from '../issues/issue.entity.js';
import { MlAnomalyAlert } from '../ml-monitoring/ml-anomaly-alert.entity.js';

/** A person of one client. `passwordHash` is deliberately not a GraphQL field. */
@ObjectType()
@Entity({ tableName: 'users' })
export class User extends TenantEntity {
  @Field(() => String)
  @Unique({ name: 'uk_users_email' })
  @Property({ type: 'string', length: 255 })
  email!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  lastName?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 50, default: 'user' })
  role: Opt<string> = 'user';

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true, default: false })
  isAdmin: Opt<boolean | null> = false;

  @Field(() => String)
  @Index({ name: 'idx_users_auth_provider' })
  @Property({ type: 'string', length: 50, default: 'local' })
  authProvider: Opt<string> = 'local';

  @Field(() => String, { nullable: true })
  @Unique({ name: 'uk_users_okta_user_id' })
  @Property({ type: 'string', length: 255, nullable: true })
  oktaUserId?: string | null;

  /** Secret: never exposed, never logged. */
  @Property({ type: 'string', length: 255, nullable: true, hidden: true })
  passwordHash?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true, default: 'light' })
  themeMode: Opt<string | null> = 'light';

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true, default: false })
  highContrastMode: Opt<boolean | null> = false;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true, default: false })
  reduceMotion: Opt<boolean | null> = false;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true, default: false })
  colorblindSafePalette: Opt<boolean | null> = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true, default: 'regular' })
  accessibilityLevel: Opt<string | null> = 'regular';

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  profileImageFilename?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  @ConnectionField(() => UserSession, { description: 'userSessions whose user_id is this row.' })
  @OneToMany({ entity: () => UserSession, mappedBy: 'user' })
  sessions = new Collection<UserSession>(this);

  @ConnectionField(() => UserPermission, { description: 'userPermissions whose user_id is this row.' })
  @OneToMany({ entity: () => UserPermission, mappedBy: 'user' })
  permissions = new Collection<UserPermission>(this);

  @ConnectionField(() => Issue, { description: 'issues whose assignee_id is this row.' })
  @OneToMany({ entity: () => Issue, mappedBy: 'assigneeUser' })
  issuesByAssigneeId = new Collection<Issue>(this);

  @ConnectionField(() => Issue, { description: 'issues whose reporter_id is this row.' })
  @OneToMany({ entity: () => Issue, mappedBy: 'reporterUser' })
  issuesByReporterId = new Collection<Issue>(this);

  @ConnectionField(() => MlAnomalyAlert, { description: 'anomalyAlerts whose acknowledged_by is this row.' })
  @OneToMany({ entity: () => MlAnomalyAlert, mappedBy: 'acknowledgedBy' })
  anomalyAlerts = new Collection<MlAnomalyAlert>(this);
}
