import { EMBEDDING_DIMENSIONS } from '../../common/embedding.type.js';
import { BUSINESS_TABLES } from '../../modules/table-catalogue.js';
import { hash32 } from './seeded-random.js';
import type { SeededRandom } from './seeded-random.js';
import { SqlExpression } from './seed-writer.js';
import type { CommonTableExpression } from './seed-writer.js';

/** The 24 business tables with an `embedding vector(1536)` column (see the initial migration). */
export const TABLES_WITH_EMBEDDINGS: ReadonlySet<string> = new Set(BUSINESS_TABLES);

/** Three noise segments and one topic segment, each twice the embedding length so any window fits. */
const SEGMENT_LENGTH = 2 * EMBEDDING_DIMENSIONS;
const NOISE_SEGMENTS = 3;
const TOPIC_SEGMENT = NOISE_SEGMENTS;
/** Relative weight of the topic: rows sharing a topic end up with a cosine similarity around 0.55. */
const TOPIC_WEIGHT = 2;

/**
 * Embeddings that look real (dense, roughly Gaussian components, unit length, with related rows close
 * to each other) without shipping 1536 numbers per row or spending a server-side loop on each.
 *
 * One random basis vector of 4 x 3072 values is sent once per statement as a materialized CTE. A row's
 * embedding is `l2_normalize` of the sum of four 1536-wide windows of it: three at random offsets
 * (noise: 1536^3 combinations, so rows practically never collide) and one at an offset derived from a
 * topic label (a project, a repository...), so rows sharing a topic cluster together in similarity
 * search. Computing that costs the server a few microseconds per row; adding the row to the table's
 * HNSW index costs far more (milliseconds), which is what makes the share the main cost of a seed.
 */
export class DemoEmbeddings {
  private readonly basis: CommonTableExpression;
  private readonly selectors = new Map<string, SeededRandom>();
  /** Tables that already have an embedded row in the current scope (a client, or the global data). */
  private readonly embeddedInScope = new Set<string>();

  constructor(
    private readonly random: SeededRandom,
    private readonly share: number,
  ) {
    const values = random.fork('embedding-basis');
    const numbers: string[] = [];
    for (let segment = 0; segment <= TOPIC_SEGMENT; segment++) {
      const scale = segment === TOPIC_SEGMENT ? TOPIC_WEIGHT : 1;
      for (let i = 0; i < SEGMENT_LENGTH; i++) numbers.push((values.gaussian() * scale).toFixed(3));
    }
    this.basis = {
      name: 'demo_embedding_basis',
      sql: 'select ?::vector as basis',
      params: [`[${numbers.join(',')}]`],
    };
  }

  /**
   * Starts a new scope (a client): its first row of each table gets an embedding whatever the draw, so
   * with any share above 0 every tenant can try similarity search on every table, however small.
   */
  beginScope(): void {
    this.embeddedInScope.clear();
  }

  /**
   * The embedding for the next row of `table`: about `share` of each table's rows get one, drawn from a
   * stream per table so the choice does not depend on what other tables did. Null for the others.
   */
  forRow(table: string, topic: string): SqlExpression | null {
    if (!TABLES_WITH_EMBEDDINGS.has(table)) throw new Error(`${table} has no embedding column`);
    let selector = this.selectors.get(table);
    if (!selector) {
      selector = this.random.fork(`embedding-rows:${table}`);
      this.selectors.set(table, selector);
    }
    // Draw the offsets even for rows left without an embedding, so the share does not shift them.
    const drawn = selector.next() < this.share;
    const embedded = this.share > 0 && (drawn || !this.embeddedInScope.has(table));
    const offsets = Array.from({ length: NOISE_SEGMENTS }, () => selector.int(0, EMBEDDING_DIMENSIONS - 1));
    if (!embedded) return null;
    this.embeddedInScope.add(table);
    const windows = offsets.map((offset, segment) => windowSql(segment, offset));
    windows.push(windowSql(TOPIC_SEGMENT, hash32(topic) % EMBEDDING_DIMENSIONS));
    return new SqlExpression(
      `(select l2_normalize(${windows.join(' + ')}) from demo_embedding_basis)`,
      this.basis,
    );
  }
}

function windowSql(segment: number, offset: number): string {
  return `subvector(basis, ${segment * SEGMENT_LENGTH + offset + 1}, ${EMBEDDING_DIMENSIONS})`;
}
