import { entityMetadata } from '../db/entity-metadata.js';
import { recogniseDatabase } from '../db/predecessor/recognise-predecessor.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';
import type { ConsolidationSource } from './consolidation-source.js';
import { SourceUnusableError } from './consolidation-source.js';
import { copyPlans } from './copy-plan.js';
import { openPredecessorSource } from './predecessor-source.js';
import { openSnapshot } from './snapshot-source.js';
import { openUnifiedSource } from './unified-source.js';

/**
 * Opens the adapter for the source's shape, recognised from its catalog the way `pulse migrate up`
 * recognises a database it is about to adopt: a unified database (another installation, or an adopted
 * predecessor: our migrations have run there) or a predecessor one (every core table, no embeddings).
 * The recognition reads the same snapshot the copy then reads.
 */
export async function openConsolidationSource(url: string): Promise<ConsolidationSource> {
  const plans = copyPlans(entityMetadata(GATEWAY_ENTITIES));
  const client = await openSnapshot(url);
  try {
    const shape = await recogniseDatabase(client);
    switch (shape.kind) {
      case 'managed':
        return await openUnifiedSource(client, url, plans);
      case 'predecessor':
        return await openPredecessorSource(client, url, plans, shape.optionalTables);
      case 'empty':
        throw new SourceUnusableError('the source has no Pulse schema (no clients table)');
      case 'unrecognised':
        throw new SourceUnusableError(
          `the source is neither a Pulse database nor a predecessor one: ${shape.reason}`,
        );
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}
