import { isAdmin } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import type { TableDefinition } from '../../common/table-api/table-api.js';
import { AiLearningMemory } from './ai-learning-memory.entity.js';
import { MlAnomalyAlert } from './ml-anomaly-alert.entity.js';
import { mlMonitoringMutations } from './ml-monitoring.mutations.js';
import { MlPredictionLog } from './ml-prediction-log.entity.js';

/**
 * Seed 002's monitoring endpoints: admins only, newest first, at most 100 rows a page, read through the
 * tuned ML session (read only, statement timeout, work_mem, random_page_cost) on the replica.
 */
const monitoring: Omit<TableDefinition, 'entity' | 'plural' | 'singular'> = {
  group: 'ml-monitoring',
  read: isAdmin,
  mlSession: true,
  limits: { defaultSize: 100, maxSize: 100 },
  defaultOrder: [
    { key: 'createdAt', direction: 'desc' },
    { key: 'id', direction: 'desc' },
  ],
};

export const mlMonitoringModule: GatewayModule = {
  name: 'ml-monitoring',
  tables: [
    { entity: AiLearningMemory, ...monitoring, plural: 'learningMemories', singular: 'learningMemory' },
    { entity: MlPredictionLog, ...monitoring, plural: 'predictionLogs', singular: 'predictionLog' },
    { entity: MlAnomalyAlert, ...monitoring, plural: 'anomalyAlerts', singular: 'anomalyAlert' },
  ],
  mutations: mlMonitoringMutations,
};
