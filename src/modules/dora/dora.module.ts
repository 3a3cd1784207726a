import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import { DoraMarketBenchmark } from './dora-market-benchmark.entity.js';
import { DoraMetricInsight } from './dora-metric-insight.entity.js';

export const doraModule: GatewayModule = {
  name: 'dora',
  // Global reference data: no client column, the same rows for everyone signed in.
  tables: [
    { entity: DoraMarketBenchmark, read: isAuthenticated },
    { entity: DoraMetricInsight, read: isAuthenticated },
  ],
};
