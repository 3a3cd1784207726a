import { NO_PROGRESS } from '../../common/bulk/progress.js';
import type { Progress } from '../../common/bulk/progress.js';
import { demoClientIdentity } from './demo-accounts.js';
import { DemoEmbeddings } from './demo-embeddings.js';
import { seedDoraReferenceData } from './dora-seed.js';
import { seedGithub } from './github-seed.js';
import { seedIssues } from './issue-seed.js';
import { seedJiraSetup } from './jira-setup-seed.js';
import { seedMlMonitoring } from './ml-monitoring-seed.js';
import type { SeedContext } from './seed-context.js';
import { SeedWriter } from './seed-writer.js';
import type { SqlExecutor } from './seed-writer.js';
import { SeededRandom } from './seeded-random.js';
import { seedTenant } from './tenant-seed.js';

export { DEMO_PASSWORD, demoUsers } from './demo-accounts.js';
export type { DemoUser } from './demo-accounts.js';
export { REFERENCE_NOW } from './demo-clock.js';
export type { SqlExecutor } from './seed-writer.js';

export interface SeedOptions {
  /** Number of client organisations (tenants). */
  clients: number;
  /** Jira issues per client; pull requests, reviews, commits, comments and links scale with it. */
  issuesPerClient: number;
  /**
   * Share (0..1) of the rows of each of the 24 tables with an embedding column that get one; with any
   * share above 0 each client's first row of every such table gets one too. Every embedded row goes into
   * its table's HNSW index, which costs milliseconds a row: at large sizes this is most of the seed time.
   */
  embeddingShare: number;
  /** Same seed and options, same data, byte for byte. */
  randomSeed: number;
}

export const DEFAULT_SEED_OPTIONS: SeedOptions = Object.freeze({
  clients: 2,
  issuesPerClient: 1000,
  embeddingShare: 0.1,
  randomSeed: 42,
});

export interface SeedSummary {
  /** Rows inserted per table, in the order the tables were first written. */
  rows: Record<string, number>;
}

/**
 * Writes the deterministic demo and benchmark data set: the global DORA reference data, then per client
 * its users and settings, Jira configuration, issues with changelogs, GitHub repositories with pull
 * requests, reviews, commits, comments and issue links, and ML monitoring history. Every row is
 * reproducible from the options (fixed reference "now", seeded PRNG, ids from the sequences in insert
 * order, so equal on a fresh database).
 *
 * Run it in one transaction: it refuses to run when the `clients` table already has rows, and leaves
 * idempotency (and cleanup) to the caller.
 */
export async function seedDemoData(
  db: SqlExecutor,
  options: Partial<SeedOptions> = {},
  progress: Progress = NO_PROGRESS,
): Promise<SeedSummary> {
  const settings = validateOptions({ ...DEFAULT_SEED_OPTIONS, ...options });
  await assertNoClients(db);

  const root = new SeededRandom(settings.randomSeed);
  const writer = new SeedWriter(db);
  const embeddings = new DemoEmbeddings(root, settings.embeddingShare);
  const contextFor = (label: string): SeedContext => ({ writer, embeddings, random: root.fork(label) });

  // One step per phase and client: the issue and GitHub phases are most of the time at large sizes.
  const of = (index: number) => `client ${index + 1}/${settings.clients}`;
  progress.start(1 + settings.clients * 5, 'DORA reference data');
  await seedDoraReferenceData(contextFor('dora'));
  progress.advance(`${of(0)}: users and settings`);
  for (let index = 0; index < settings.clients; index++) {
    embeddings.beginScope();
    const ctx = contextFor(`client:${index}`);
    const client = await seedTenant(ctx, demoClientIdentity(index));
    progress.advance(`${of(index)}: Jira setup`);
    const setup = await seedJiraSetup(ctx, client);
    progress.advance(`${of(index)}: ${settings.issuesPerClient} issues`);
    const issues = await seedIssues(ctx, client, setup, settings.issuesPerClient);
    progress.advance(`${of(index)}: GitHub`);
    await seedGithub(ctx, client, setup, issues);
    progress.advance(`${of(index)}: ML monitoring`);
    await seedMlMonitoring(ctx, client, setup);
    progress.advance(index + 1 < settings.clients ? `${of(index + 1)}: users and settings` : 'done');
  }
  progress.stop();
  return { rows: writer.rowCounts() };
}

function validateOptions(options: SeedOptions): SeedOptions {
  const { clients, issuesPerClient, embeddingShare, randomSeed } = options;
  if (!Number.isInteger(clients) || clients < 0)
    throw new Error(`clients must be a whole number >= 0, got ${clients}`);
  if (!Number.isInteger(issuesPerClient) || issuesPerClient < 0) {
    throw new Error(`issuesPerClient must be a whole number >= 0, got ${issuesPerClient}`);
  }
  if (!(embeddingShare >= 0 && embeddingShare <= 1)) {
    throw new Error(`embeddingShare must be between 0 and 1, got ${embeddingShare}`);
  }
  if (!Number.isInteger(randomSeed)) throw new Error(`randomSeed must be an integer, got ${randomSeed}`);
  return options;
}

async function assertNoClients(db: SqlExecutor): Promise<void> {
  const [row] = await db.execute('select count(*)::int as "count" from "clients"');
  const count = Number(row?.count ?? 0);
  if (count > 0) {
    throw new Error(
      `Refusing to seed demo data: the clients table already has ${count} row(s). ` +
        'Seed an empty database (or reset it first).',
    );
  }
}
