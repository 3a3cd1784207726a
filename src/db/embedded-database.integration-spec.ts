import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { TENANT_FILTER } from '../common/tenant-filter.js';
import { Client } from '../modules/clients/client.entity.js';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { migrateUp } from './migration-runner.js';
import { MIGRATION_NAMES } from '../testing/schema-tables.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

// Not against the real server: this is the zero-install path (`npm start` with no DATABASE_URL).
describe('embedded PGlite database', () => {
  let database: Database;
  const execute = <T>(sql: string) => database.fork().getConnection().execute<T[]>(sql);

  beforeAll(async () => {
    database = await openDatabase(
      {
        databaseUrl: null,
        replicaUrls: [],
        embeddedDataDir: 'memory',
        logSql: false,
      },
      { entities: GATEWAY_ENTITIES },
    );
  });

  afterAll(async () => {
    await database?.close();
  });

  it('boots in-process with pgvector and applies the migrations', async () => {
    expect(database.kind).toBe('embedded');
    expect(await migrateUp(database.orm)).toEqual(MIGRATION_NAMES);
    const [vector] = await execute<{ extversion: string }>(
      `select extversion from pg_extension where extname = 'vector'`,
    );
    expect(vector!.extversion).toMatch(/^0\.\d+\.\d+$/);
  });

  it('has the 24 HNSW indexes', async () => {
    const [row] = await execute<{ count: number }>(
      `select count(*)::int as count from pg_indexes where indexdef ilike '%using hnsw (embedding vector_cosine_ops)%'`,
    );
    expect(row!.count).toBe(24);
  });

  it('answers a cosine-distance similarity query and round-trips the vector through the ORM', async () => {
    const em = database.fork();
    await em.getConnection().execute(
      `insert into clients (name, embedding) values
         ('north', ('[0,1' || repeat(',0', 1534) || ']')::vector),
         ('east', ('[1' || repeat(',0', 1535) || ']')::vector),
         ('west', ('[-1' || repeat(',0', 1535) || ']')::vector)`,
    );
    const [nearest] = await em.getConnection().execute<{ name: string }[]>(
      `select name from clients where embedding is not null
          order by embedding <=> ('[0.9,0.1' || repeat(',0', 1534) || ']')::vector limit 1`,
    );
    expect(nearest!.name).toBe('east');
    const scoped = database.fork();
    const [east] = await em
      .getConnection()
      .execute<{ id: number }[]>(`select id from clients where name = 'east'`);
    scoped.setFilterParams(TENANT_FILTER, { clientId: east!.id });
    const client = await scoped.findOneOrFail(Client, east!.id, { populate: ['embedding'] });
    expect(client.embedding).toHaveLength(1536);
    expect(client.embedding![0]).toBe(1);
  });
});
