import { Collection } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Filter, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

import { EmbeddingColumn, TrackedRecord } from '../../common/base.entities.js';
import { TENANT_FILTER, tenantCondition } from '../../common/tenant-filter.js';
import { Integration } from '../integrations/integration.entity.js';
import { Issue } from '../issues/issue.entity.js';
import { AiLearningMemory } from '../ml-monitoring/ai-learning-memory.entity.js';
import { MlAnomalyAlert } from '../ml-monitoring/ml-anomaly-alert.entity.js';
import { MlPredictionLog } from '../ml-monitoring/ml-prediction-log.entity.js';
import { Project } from '../projects/project.entity.js';
import { PullRequest } from '../pull-requests/pull-request.entity.js';
import { Repository } from '../pull-requests/repository.entity.js';
import { User } from '../users/user.entity.js';

/** The tenant. A viewer sees exactly one row here: their own client. */
@ObjectType({ description: 'A client organisation (tenant).' })
@Entity({ tableName: 'clients' })
@Filter({ name: TENANT_FILTER, cond: tenantCondition('id'), default: true })
@Check({ name: 'ck_clients_color_schema_mode', expression: "color_schema_mode in ('default', 'custom')" })
export class Client extends TrackedRecord {
  @Field(() => String)
  @Unique({ name: 'uk_clients_name' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  assetsFolder?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true, default: 'default-logo.png' })
  logoFilename: Opt<string | null> = 'default-logo.png';

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true, default: 'default' })
  colorSchemaMode: Opt<string | null> = 'default';

  @EmbeddingColumn()
  embedding?: number[] | null;

  @OneToMany({ entity: () => User, mappedBy: 'client' })
  users = new Collection<User>(this);

  @OneToMany({ entity: () => Integration, mappedBy: 'client' })
  integrations = new Collection<Integration>(this);

  @OneToMany({ entity: () => Project, mappedBy: 'client' })
  projects = new Collection<Project>(this);

  @OneToMany({ entity: () => Issue, mappedBy: 'client' })
  issues = new Collection<Issue>(this);

  @OneToMany({ entity: () => Repository, mappedBy: 'client' })
  repositories = new Collection<Repository>(this);

  @OneToMany({ entity: () => PullRequest, mappedBy: 'client' })
  pullRequests = new Collection<PullRequest>(this);

  /** ML monitoring relationships of seed 000: cascade-deleted with the client. */
  @OneToMany({ entity: () => AiLearningMemory, mappedBy: 'client' })
  aiLearningMemories = new Collection<AiLearningMemory>(this);

  @OneToMany({ entity: () => MlPredictionLog, mappedBy: 'client' })
  mlPredictionLogs = new Collection<MlPredictionLog>(this);

  @OneToMany({ entity: () => MlAnomalyAlert, mappedBy: 'client' })
  mlAnomalyAlerts = new Collection<MlAnomalyAlert>(this);
}
