import 'reflect-metadata';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';

import { EMBEDDING_DIMENSIONS, InvalidEmbeddingError } from '../common/embedding.type.js';
import { TENANT_FILTER } from '../common/tenant-filter.js';
import { Client } from '../modules/clients/client.entity.js';
import { Integration } from '../modules/integrations/integration.entity.js';
import { Issue } from '../modules/issues/issue.entity.js';
import { AiLearningMemory } from '../modules/ml-monitoring/ai-learning-memory.entity.js';
import { ProjectIssuetype } from '../modules/projects/project-issuetype.entity.js';
import { Project } from '../modules/projects/project.entity.js';
import { Issuetype } from '../modules/workflow/issuetype.entity.js';
import { captureSql } from '../testing/sql-capture.js';
import { createTestDatabase } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { migrateUp } from './migration-runner.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/** A deterministic, unit-length 1536-dimension vector. */
function sampleEmbedding(seed: number): number[] {
  const raw = Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => Math.sin(seed * 31 + i));
  const norm = Math.hypot(...raw);
  return raw.map((value) => value / norm);
}

describe('MikroORM entities on real PostgreSQL with a streaming replica', () => {
  let testDb: TestDatabase;
  let database: Database;
  const sql = captureSql();
  const ids = { acme: 0, globex: 0, acmeIssue: 0, globexIssue: 0, plainIssue: 0 };
  const embedding = sampleEmbedding(7);

  /** A fork scoped to one client, as a request's context builds it. */
  const scoped = (clientId: number): SqlEntityManager => {
    const em = database.fork();
    em.setFilterParams(TENANT_FILTER, { clientId });
    return em;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase('orm');
    database = await openDatabase(
      { ...testDb, embeddedDataDir: 'memory', logSql: false },
      { ...sql.options, entities: GATEWAY_ENTITIES },
    );
    await migrateUp(database.orm);

    // Seed two tenants through the ORM, with the filter off (this is the operator, not a request).
    const em = database.fork();
    await em.transactional(async (tx) => {
      for (const name of ['Acme', 'Globex'] as const) {
        const client = tx.create(Client, { name });
        const integration = tx.create(Integration, { client, name: `${name} Jira` });
        const project = tx.create(Project, { client, integration, key: 'CORE', name: `${name} core` });
        const issuetype = tx.create(Issuetype, {
          client,
          integration,
          originalName: 'Story',
          hierarchyLevel: 0,
        });
        tx.create(ProjectIssuetype, { project, issuetype });
        const issue = tx.create(Issue, {
          client,
          integration,
          project,
          key: 'CORE-1',
          summary: `${name} issue`,
          embedding,
        });
        tx.create(AiLearningMemory, {
          client,
          errorType: 'sql',
          userIntent: 'count issues',
          failedQuery: 'select',
          specificIssue: 'x',
          suggestedFix: 'y',
          confidence: 0.5,
        });
        await tx.flush();
        ids[name === 'Acme' ? 'acme' : 'globex'] = client.id;
        ids[name === 'Acme' ? 'acmeIssue' : 'globexIssue'] = issue.id;
      }
      const acme = tx.getReference(Client, ids.acme);
      const plain = tx.create(Issue, {
        client: acme,
        integration: (await tx.findOneOrFail(Integration, { client: ids.acme }, { filters: false }))
          .id as never,
        key: 'CORE-2',
        summary: 'no embedding',
      });
      await tx.flush();
      ids.plainIssue = plain.id;
    });
    await testDb.waitForReplica();
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  beforeEach(() => sql.clear());

  describe('embedding', () => {
    it('round-trips exactly 1536 finite numbers (pgvector stores float4)', async () => {
      const issue = await scoped(ids.acme).findOneOrFail(Issue, ids.acmeIssue, { populate: ['embedding'] });
      expect(issue.embedding).toHaveLength(EMBEDDING_DIMENSIONS);
      expect(issue.embedding!.every(Number.isFinite)).toBe(true);
      issue.embedding!.forEach((value, i) => expect(value).toBeCloseTo(Math.fround(embedding[i]!), 6));
    });

    it('round-trips a row without an embedding as null', async () => {
      const issue = await scoped(ids.acme).findOneOrFail(Issue, ids.plainIssue, { populate: ['embedding'] });
      expect(issue.embedding).toBeNull();
    });

    it('is lazy: a plain find neither selects the column nor returns it', async () => {
      const issues = await scoped(ids.acme).find(Issue, {});
      expect(issues.length).toBe(2);
      expect(issues.every((issue) => issue.embedding === undefined)).toBe(true);
      const selects = sql.queries.filter((q) => q.sql.startsWith('select'));
      expect(selects).toHaveLength(1);
      expect(selects[0]!.sql).toContain('"issues"');
      expect(selects[0]!.sql).not.toContain('embedding');
    });

    it('selects the column only when asked for by name, in the same statement as its rows', async () => {
      const issues = await scoped(ids.acme).find(
        Issue,
        {},
        { populate: ['embedding'], orderBy: { id: 'asc' } },
      );
      expect(issues.map((issue) => issue.embedding?.length ?? null)).toEqual([EMBEDDING_DIMENSIONS, null]);
      const selects = sql.queries.filter((q) => q.sql.startsWith('select'));
      expect(selects).toHaveLength(1);
      expect(selects[0]!.sql).toMatch(/"embedding"|"i0"\.\*/);
    });

    it('reads a plain list with one statement and no joins', async () => {
      await scoped(ids.acme).find(Issue, {});
      const [select] = sql.queries;
      expect(select!.sql).not.toMatch(/ join /);
      expect(select!.sql).toMatch(/where "i0"\."client_id" = \d+/);
    });

    it.each([
      ['too short', Array.from({ length: 1535 }, () => 0.1), /exactly 1536 numbers, got 1535/],
      ['NaN', [...sampleEmbedding(1).slice(1), Number.NaN], /embedding\[1535\] is not a finite number/],
      [
        'Infinity',
        [Number.POSITIVE_INFINITY, ...sampleEmbedding(1).slice(1)],
        /embedding\[0\] is not a finite number/,
      ],
    ])('rejects an embedding that is %s before it reaches the database', async (_label, bad, message) => {
      const em = scoped(ids.acme);
      const issue = await em.findOneOrFail(Issue, ids.plainIssue);
      issue.embedding = bad;
      sql.clear();
      const failure = em.flush();
      await expect(failure).rejects.toThrow(InvalidEmbeddingError);
      await expect(failure).rejects.toThrow(message);
      expect(sql.queries.filter((q) => q.sql.startsWith('update'))).toEqual([]);
    });
  });

  describe('tenant filter', () => {
    it('returns only the scoped client rows from every kind of table', async () => {
      const em = scoped(ids.acme);
      expect((await em.find(Issue, {})).map((issue) => issue.summary).sort()).toEqual([
        'Acme issue',
        'no embedding',
      ]);
      expect((await em.find(Client, {})).map((client) => client.name)).toEqual(['Acme']);
      expect(await em.count(Project, {})).toBe(1);
      expect(await em.count(AiLearningMemory, {})).toBe(1);
      const links = await em.find(ProjectIssuetype, {}, { populate: ['project'] });
      expect(links.map((link) => link.project.name)).toEqual(['Acme core']);
    });

    it('answers another client id exactly like a missing one', async () => {
      const em = scoped(ids.acme);
      expect(await em.findOne(Issue, ids.globexIssue)).toBeNull();
      expect(await em.findOne(Issue, 999_999)).toBeNull();
      expect(await em.findOne(Client, ids.globex)).toBeNull();
      expect(await em.count(Issue, { id: ids.globexIssue })).toBe(0);
    });

    it('scopes the other client the same way', async () => {
      const issues = await scoped(ids.globex).find(Issue, {});
      expect(issues.map((issue) => issue.id)).toEqual([ids.globexIssue]);
    });

    it('refuses to query at all when no client id was set', async () => {
      await expect(database.fork().find(Issue, {})).rejects.toThrow(
        /No arguments provided for filter 'tenant'/,
      );
    });
  });

  describe('read/write routing', () => {
    it('reads on a replica (pg_is_in_recovery = true) and writes on the primary', async () => {
      const em = scoped(ids.acme);
      const read = await em
        .getConnection('read')
        .execute<{ replica: boolean }[]>('select pg_is_in_recovery() as replica');
      const write = await em
        .getConnection('write')
        .execute<{ replica: boolean }[]>('select pg_is_in_recovery() as replica');
      expect(read[0]!.replica).toBe(true);
      expect(write[0]!.replica).toBe(false);
    });

    it('sends entity reads to the replica and flushes to the primary', async () => {
      const em = scoped(ids.acme);
      const issue = await em.findOneOrFail(Issue, ids.plainIssue);
      issue.summary = 'renamed';
      await em.flush();
      const select = sql.queries.find((q) => q.sql.startsWith('select'))!;
      const update = sql.queries.find((q) => q.sql.startsWith('update'))!;
      expect(select.connectionType).toBe('read');
      expect(update.connectionType).toBe('write');
      await testDb.waitForReplica();
      const [row] = await testDb.query<{ summary: string }>(
        'select summary from issues where id = $1',
        [ids.plainIssue],
        'replica',
      );
      expect(row!.summary).toBe('renamed');
    });

    it('reads inside a transaction from the primary, so a writer sees its own write', async () => {
      await scoped(ids.acme).transactional(async (tx) => {
        const issue = await tx.findOneOrFail(Issue, ids.plainIssue);
        issue.summary = 'inside transaction';
        await tx.flush();
        tx.clear();
        expect((await tx.findOneOrFail(Issue, ids.plainIssue)).summary).toBe('inside transaction');
      });
      const reads = sql.queries.filter((q) => q.sql.startsWith('select'));
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((q) => q.connectionType === 'write')).toBe(true);
    });
  });
});
