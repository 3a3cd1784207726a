import type pg from 'pg';

import { quoteIdent } from '../validate/integrity-check.js';
import type { ConsolidationSource } from './consolidation-source.js';
import type { TableCopyPlan } from './copy-plan.js';
import { assertColumns, SnapshotSource, sourceLabel } from './snapshot-source.js';

/**
 * Another Pulse installation's database: the same schema, read as it is (a source whose tables or
 * columns differ from what the target's entities declare is refused).
 */
export async function openUnifiedSource(
  client: pg.Client,
  url: string,
  plans: TableCopyPlan[],
): Promise<ConsolidationSource> {
  await assertColumns(
    client,
    new Map(plans.map((plan) => [plan.table, plan.columns])),
    'a unified Pulse database of this version',
  );
  return new SnapshotSource(client, 'unified', sourceLabel(url), (plan) => quoteIdent(plan.table));
}
