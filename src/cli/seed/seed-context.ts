import type { DemoEmbeddings } from './demo-embeddings.js';
import type { SeedWriter } from './seed-writer.js';
import type { SeededRandom } from './seeded-random.js';

/** What every table group's seeder needs: where to write, how to embed, and its own random stream. */
export interface SeedContext {
  writer: SeedWriter;
  embeddings: DemoEmbeddings;
  random: SeededRandom;
}

/** Reads an integer column of a RETURNING row (drivers may hand back strings for some types). */
export function returnedId(row: Record<string, unknown>, column = 'id'): number {
  const value = Number(row[column]);
  if (!Number.isInteger(value))
    throw new Error(`Expected an integer ${column} back, got ${String(row[column])}`);
  return value;
}

/** The id a RETURNING clause gave back for `key`; a missing one means the insert and the plan disagree. */
export function requireId<K>(ids: ReadonlyMap<K, number>, key: K): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`No id was returned for ${String(key)}`);
  return id;
}
