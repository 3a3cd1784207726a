import type { Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { TenantEntity } from '../../common/base.entities.js';

/** A client-level setting; the key is unique per client. */
@ObjectType()
@Entity({ tableName: 'system_settings' })
@Unique({ name: 'uk_system_settings_setting_key_client_id', properties: ['settingKey', 'client'] })
export class SystemSetting extends TenantEntity {
  @Field(() => String)
  @Property({ type: 'text' })
  settingKey!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  settingValue!: string;

  @Field(() => String)
  @Property({ type: 'text', default: 'string' })
  settingType: Opt<string> = 'string';

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;
}
