import { isAuthenticated } from '../../auth/rules.js';
import { defineTableApi } from '../../common/table-api/table-api.js';
import { DoraMarketBenchmark } from './dora-market-benchmark.entity.js';
import { DoraMetricInsight } from './dora-metric-insight.entity.js';

// Global reference data: no client column, the same rows for everyone signed in.
defineTableApi(DoraMarketBenchmark, { read: isAuthenticated });
defineTableApi(DoraMetricInsight, { read: isAuthenticated });
