import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { seedIfEmpty } from '../cli/seed-command.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { migrateUp } from '../db/migration-runner.js';
import { databaseUrlFor, withPgClient } from '../db/pg-client.js';
import { createTestDatabase, realDatabaseUrls } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { runPulse } from '../testing/run-pulse.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

interface JsonReport {
  ok: boolean;
  checks: { name: string; table: string; severity: string; count: number; sample: (number | string)[] }[];
  checksRun: number;
  durationMs: number;
}

/**
 * Each defect is planted in its own copy of one clean, seeded database (CREATE DATABASE ... TEMPLATE),
 * and `pulse validate` runs against the copy as the CLI does, in-process.
 */
describe('pulse validate', () => {
  let clean: TestDatabase;
  const copies: string[] = [];
  const adminUrl = () => databaseUrlFor(realDatabaseUrls().primary, 'postgres');

  const copyOfClean = async () => {
    const name = `${clean.name}_copy_${randomBytes(3).toString('hex')}`;
    await withPgClient(adminUrl(), (client) =>
      client.query(`create database "${name}" template "${clean.name}"`),
    );
    copies.push(name);
    const url = databaseUrlFor(clean.databaseUrl, name);
    return {
      url,
      /** Plants a defect as the owner; `replica` role mode skips the foreign-key triggers, as a restore can. */
      plant: (...statements: string[]) =>
        withPgClient(url, async (client) => {
          for (const statement of statements) await client.query(statement);
        }),
      query: <T extends Record<string, unknown>>(sql: string) =>
        withPgClient(url, (client) => client.query<T>(sql).then((result) => result.rows)),
    };
  };

  const validate = async (url: string, ...flags: string[]) => {
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
    return runPulse(['validate', ...flags], config);
  };

  const validateJson = async (url: string) => {
    const { code, out } = await validate(url, '--json');
    return { code, report: JSON.parse(out) as JsonReport };
  };

  beforeAll(async () => {
    clean = await createTestDatabase('validate');
    const database = await openDatabase(
      {
        ...clean,
        replicaUrls: [],
        embeddedDataDir: 'memory',
        logSql: false,
      },
      { entities: GATEWAY_ENTITIES },
    );
    try {
      await migrateUp(database.orm);
      await seedIfEmpty(database.fork(), { clients: 2, issuesPerClient: 150, embeddingShare: 0.2 });
    } finally {
      await database.close();
    }
  });

  afterAll(async () => {
    await withPgClient(adminUrl(), async (client) => {
      for (const name of copies) await client.query(`drop database if exists "${name}" with (force)`);
    });
    await clean?.drop();
  });

  it('passes the clean seeded database with exit 0 and says how long it took', async () => {
    const { code, report } = await validateJson(clean.databaseUrl);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks).toEqual([]);
    expect(report.checksRun).toBeGreaterThan(100);
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
    const text = await validate(clean.databaseUrl);
    expect(text.out).toMatch(/^ok: 0 errors, 0 warnings; \d+ checks in \d+\.\d\d s$/);
  });

  it('foreign_key: changelogs whose issue is gone (constraint bypassed) are errors, exit 1', async () => {
    const copy = await copyOfClean();
    const ids = await copy.query<{ id: number }>('select id from issue_changelogs order by id limit 3');
    await copy.plant(
      `set session_replication_role = replica;
       update issue_changelogs set issue_id = 900000 + id where id in (${ids.map((row) => row.id).join(',')})`,
    );
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks).toEqual([
      {
        name: 'foreign_key',
        table: 'issue_changelogs',
        severity: 'error',
        count: 3,
        sample: ids.map((row) => row.id),
        rule: 'issue_id',
        description: 'issue_id references a missing issues row',
      },
    ]);
  });

  it('foreign_key: a link to a pull request of a repository never synced is only a warning, exit 0', async () => {
    const copy = await copyOfClean();
    const [link] = await copy.query<{ id: number }>(
      `update jira_pull_request_links set external_repo_id = 'never-synced'
        where id = (select min(id) from jira_pull_request_links) returning id`,
    );
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks).toMatchObject([
      {
        name: 'foreign_key',
        table: 'jira_pull_request_links',
        severity: 'warning',
        count: 1,
        sample: [link!.id],
      },
    ]);
  });

  it("cross_client: reviews of another client's pull request are errors", async () => {
    const copy = await copyOfClean();
    const reviews = await copy.query<{ id: number }>(
      'select id from pull_request_reviews where client_id = (select min(id) from clients) order by id limit 2',
    );
    await copy.plant(
      `update pull_request_reviews set pull_request_id =
         (select min(id) from pull_requests where client_id = (select max(id) from clients))
       where id in (${reviews.map((row) => row.id).join(',')})`,
    );
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks).toMatchObject([
      {
        name: 'cross_client',
        table: 'pull_request_reviews',
        severity: 'error',
        count: 2,
        sample: reviews.map((row) => row.id),
      },
    ]);
  });

  it("cross_client: a link between one client's issue and another client's pull request is an error", async () => {
    const copy = await copyOfClean();
    const [link] = await copy.query<{ id: number }>(
      `update jira_pull_request_links l set external_repo_id = other.external_id, pull_request_number = other.number
         from (select r.external_id, p.number from pull_requests p join repositories r on r.id = p.repository_id
                where p.client_id = (select max(id) from clients) order by p.id limit 1) other
        where l.id = (select min(id) from jira_pull_request_links where client_id = (select min(id) from clients))
          and not exists (select 1 from pull_requests p join repositories r on r.id = p.repository_id
                           where p.client_id = l.client_id and r.external_id = other.external_id and p.number = other.number)
        returning l.id`,
    );
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks).toMatchObject([
      { name: 'cross_client', table: 'jira_pull_request_links', count: 1, sample: [link!.id] },
    ]);
  });

  it("cross_client: a project linked to another client's issue type (join table without a client) is an error", async () => {
    const copy = await copyOfClean();
    await copy.plant(
      `insert into projects_issuetypes (project_id, issuetype_id)
       select (select min(id) from projects where client_id = (select min(id) from clients)),
              (select min(id) from issuetypes where client_id = (select max(id) from clients))`,
    );
    const [pair] = await copy.query<{ key: string }>(
      `select concat_ws('/', (select min(id) from projects where client_id = (select min(id) from clients)),
                             (select min(id) from issuetypes where client_id = (select max(id) from clients))) as key`,
    );
    const { report } = await validateJson(copy.url);
    expect(report.checks).toMatchObject([
      { name: 'cross_client', table: 'projects_issuetypes', count: 1, sample: [pair!.key] },
    ]);
  });

  it('duplicate: an email that differs only in case is an error', async () => {
    const copy = await copyOfClean();
    const [user] = await copy.query<{ id: number }>(
      `insert into users (client_id, email, role)
       select client_id, upper(email), role from users order by id limit 1 returning id`,
    );
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks).toMatchObject([
      { name: 'duplicate', table: 'users', severity: 'error', count: 1, sample: [user!.id] },
    ]);
  });

  it('embedding: all-zero vectors are errors', async () => {
    const copy = await copyOfClean();
    const issues = await copy.query<{ id: number }>(
      `update issues set embedding = array_fill(0::real, array[1536])::vector
        where id in (select id from issues order by id limit 2) returning id`,
    );
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks).toMatchObject([
      {
        name: 'embedding',
        table: 'issues',
        severity: 'error',
        count: 2,
        sample: issues.map((row) => row.id).sort((a, b) => a - b),
      },
    ]);
  });

  it('enum: a user role outside admin, user, viewer is an error', async () => {
    const copy = await copyOfClean();
    const [user] = await copy.query<{ id: number }>(
      `update users set role = 'superuser' where id = (select max(id) from users) returning id`,
    );
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks).toMatchObject([
      { name: 'enum', table: 'users', severity: 'error', count: 1, sample: [user!.id] },
    ]);
  });

  it('sequence: a sequence behind the largest id is an error naming that id', async () => {
    const copy = await copyOfClean();
    await copy.plant(`select setval(pg_get_serial_sequence('issues', 'id'), 5)`);
    const [largest] = await copy.query<{ id: number }>('select max(id) as id from issues');
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks).toMatchObject([
      { name: 'sequence', table: 'issues', severity: 'error', count: 1, sample: [largest!.id] },
    ]);
  });

  it('sequence: a sequence set to hand out the next id on its next call (setval ..., false) is fine; one call short is not', async () => {
    const copy = await copyOfClean();
    // What a bulk load or a restore leaves: the next nextval() returns exactly max + 1.
    await copy.plant(
      `select setval(pg_get_serial_sequence('issues', 'id'), (select max(id) + 1 from issues), false)`,
      `select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users), false)`,
    );
    const [largest] = await copy.query<{ id: number }>('select max(id) as id from users');
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks.filter((check) => check.name === 'sequence')).toMatchObject([
      { name: 'sequence', table: 'users', severity: 'error', count: 1, sample: [largest!.id] },
    ]);
  });

  it('ml_rule: alerts marked acknowledged without who acknowledged them are errors', async () => {
    const copy = await copyOfClean();
    const alerts = await copy.query<{ id: number }>(
      `update ml_anomaly_alerts set acknowledged = true, acknowledged_at = now()
        where id in (select id from ml_anomaly_alerts where not acknowledged order by id limit 2) returning id`,
    );
    const { code, report } = await validateJson(copy.url);
    expect(code).toBe(1);
    expect(report.checks).toMatchObject([
      {
        name: 'ml_rule',
        table: 'ml_anomaly_alerts',
        severity: 'error',
        count: 2,
        sample: alerts.map((row) => row.id).sort((a, b) => a - b),
      },
    ]);
  });

  it('prints findings for people grouped by check, with counts and the first ids', async () => {
    const copy = await copyOfClean();
    await copy.plant(
      `update users set role = 'root' where id in (select id from users order by id limit 12)`,
      `update users set theme_mode = 'neon' where id = (select max(id) from users)`,
    );
    const [first] = await copy.query<{ ids: number[]; last: number }>(
      'select (array_agg(id order by id))[1:10] as ids, max(id) as last from users',
    );
    const { code, out } = await validate(copy.url);
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      'enum: 13 rows in 2 findings',
      `  error   users: 12 role is not one of admin, user, viewer (${first!.ids.join(', ')}, ...)`,
      `  warning users: 1 theme_mode is not one of light, dark (${first!.last})`,
      expect.stringMatching(/^FAILED: 1 error, 1 warning; \d+ checks in \d+\.\d\d s$/),
    ]);
  });

  it('exits 2 with a clear message when the schema is not there', async () => {
    const empty = await createTestDatabase('validate_empty');
    try {
      const { code, out, err } = await validate(empty.databaseUrl);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(
        /^pulse validate: could not run: the schema is missing .*run `pulse migrate up` first$/,
      );
    } finally {
      await empty.drop();
    }
  });

  it('exits 2 when the database cannot be reached', async () => {
    const { code, err } = await validate('postgresql://nobody:wrong@127.0.0.1:1/none');
    expect(code).toBe(2);
    expect(err).toMatch(/^pulse validate: could not run: /);
  });
});
