import pg from 'pg';

import { entityMetadata } from '../db/entity-metadata.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';
import type { ConsolidationSource } from './consolidation-source.js';
import { SourceUnusableError } from './consolidation-source.js';
import { copyPlans } from './copy-plan.js';
import { UnifiedSource } from './unified-source.js';

/**
 * Opens the adapter for the source's shape: a unified database (another installation: it has the
 * gateway's migration bookkeeping) or a predecessor one (the pre-vector schema the adoption work reads).
 */
export async function openConsolidationSource(url: string): Promise<ConsolidationSource> {
  const shape = await detectShape(url);
  if (shape === 'predecessor') {
    throw new SourceUnusableError(
      'the source is a predecessor database; its adapter (shared with `pulse migrate adopt`) is not part of this build yet',
    );
  }
  if (shape === 'unknown') throw new SourceUnusableError('the source has no Pulse schema (no clients table)');
  return UnifiedSource.open(url, copyPlans(entityMetadata(GATEWAY_ENTITIES)));
}

async function detectShape(url: string): Promise<'unified' | 'predecessor' | 'unknown'> {
  const client = new pg.Client({ connectionString: url, options: '-c default_transaction_read_only=on' });
  try {
    await client.connect();
  } catch (error) {
    throw new SourceUnusableError(`cannot connect to the source: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ clients: boolean; bookkeeping: boolean }>(
      `select to_regclass('clients') is not null as clients, to_regclass('pulse_migrations') is not null as bookkeeping`,
    );
    const [row] = rows;
    if (!row?.clients) return 'unknown';
    return row.bookkeeping ? 'unified' : 'predecessor';
  } finally {
    await client.end();
  }
}
