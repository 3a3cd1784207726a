import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { entityMetadata } from '../../db/entity-metadata.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../../modules/index.js';
import {
  dataOf,
  demoClientIds,
  errorsOf,
  onReplica,
  refusal,
  replicaCaughtUp,
  sqlCount,
  sqlIds,
} from '../../testing/graphql-expectations.js';
import { createTestApp } from '../../testing/test-app.js';
import type { GraphQLResult, TestApp, TestRole } from '../../testing/test-app.js';
import { tableApis } from './table-api.js';
import type { TableApi } from './table-api.js';

const ISSUE_LIST = readFileSync(
  new URL('../../../schema/operations/issue-list.graphql', import.meta.url),
  'utf8',
);

type Filter = Record<string, unknown>;
type Order = { field: string; direction: 'ASC' | 'DESC' }[];

describe('table API', () => {
  let app: TestApp;
  let acme: number;
  let globex: number;
  /** Values picked from the data, so filters have something to match and something to leave out. */
  const sample = {
    priority: '',
    points: [] as number[],
    summaryWord: '',
    keyPrefix: '',
    projectId: 0,
    createdFrom: '',
    createdTo: '',
    cycleTime: 0,
    dueAfter: '',
  };

  const issueIds = async (filter: Filter | null, as: TestRole = 'user') => {
    const data = dataOf(
      await app.graphql(
        'query ($filter: IssueFilter) { issues(first: 1000, filter: $filter) { totalCount nodes { id } } }',
        {
          as,
          variables: { filter },
        },
      ),
    );
    expect(data.issues.totalCount).toBe(data.issues.nodes.length);
    return data.issues.nodes.map((node: { id: number }) => node.id);
  };
  /** Ids of Acme's issues matching a SQL condition (`$2`... for params), in id order. */
  const sqlIssueIds = (condition: string, params: unknown[] = []) =>
    sqlIds(app, `select id from issues where client_id = $1 and (${condition}) order by id`, [
      acme,
      ...params,
    ]);

  beforeAll(async () => {
    app = await createTestApp('table_api');
    ({ acme, globex } = await demoClientIds(app));
    const one = async <T>(sql: string, params: unknown[] = []) =>
      (await app.testDb.query<Record<string, T>>(sql, params))[0]!;
    // A few inactive rows, so `active` filters have something to tell apart.
    await app.testDb.query(
      'update issues set active = false where id in (select id from issues where client_id = $1 order by id limit 3)',
      [acme],
    );
    // Two creation times a microsecond apart: a cursor that lost precision would skip or repeat one.
    await app.testDb.query(
      `update issues set created = case id when $2 then '2025-03-01T10:00:00.123456Z'::timestamptz
                                          else '2025-03-01T10:00:00.123457Z'::timestamptz end
        where id in ($2, $3) and client_id = $1`,
      [
        acme,
        ...(await sqlIds(app, 'select id from issues where client_id = $1 order by id desc limit 2', [acme])),
      ],
    );
    sample.priority = (
      await one<string>(
        'select priority from issues where client_id = $1 group by 1 order by count(*) desc, 1 limit 1',
        [acme],
      )
    ).priority!;
    sample.points = (
      await app.testDb.query<{ story_points: number }>(
        `select story_points from issues where client_id = $1 and story_points is not null
          group by 1 order by count(*) desc, 1 limit 2`,
        [acme],
      )
    ).map((row) => row.story_points);
    const summary = (
      await one<string>(
        "select summary from issues where client_id = $1 and summary like '% %' order by id limit 1",
        [acme],
      )
    ).summary!;
    sample.summaryWord = summary.split(' ').at(-1)!.slice(0, 6).toUpperCase();
    sample.keyPrefix =
      (
        await one<string>('select key from issues where client_id = $1 order by id limit 1', [acme])
      ).key!.split('-')[0] + '-';
    sample.projectId = Number(
      (await one<number>('select project_id from issues where client_id = $1 order by id limit 1', [acme]))
        .project_id,
    );
    const created = await app.testDb.query<{ created: Date }>(
      'select created from issues where client_id = $1 and created is not null order by created',
      [acme],
    );
    sample.createdFrom = created[10]!.created.toISOString();
    sample.createdTo = created[30]!.created.toISOString();
    sample.cycleTime = Number(
      (
        await one<number>(
          'select percentile_disc(0.5) within group (order by total_cycle_time_seconds) as v from issues where client_id = $1',
          [acme],
        )
      ).v,
    );
    sample.dueAfter = (
      await one<Date>(
        'select percentile_disc(0.5) within group (order by due_date) as v from issues where client_id = $1',
        [acme],
      )
    ).v!.toISOString();
    await replicaCaughtUp(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('tenancy of every table', () => {
    /** Which rows of a table belong to a client, in SQL written here rather than derived from the code. */
    const tenantCondition = async (table: string): Promise<string | null> => {
      if (table === 'clients') return 'id = $1';
      if (table === 'projects_issuetypes' || table === 'projects_statuses') {
        return 'project_id in (select id from projects where client_id = $1)';
      }
      const hasClient = await sqlCount(
        app,
        `select count(*) from information_schema.columns
          where table_schema = 'public' and table_name = $1 and column_name = 'client_id'`,
        [table],
      );
      return hasClient ? 'client_id = $1' : null;
    };
    const exposed = tableApis(
      GATEWAY_MODULES.flatMap((module) => module.tables),
      entityMetadata(GATEWAY_ENTITIES),
    );
    const tables = () => [...exposed.values()];
    /** `projectId` -> `PROJECT_ID`, as the OrderField enums spell columns. */
    const orderField = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
    /** The key columns of a table's rows, in key order, straight from PostgreSQL. */
    const keysInSql = (api: TableApi, where: string | null, params: unknown[], limit = '') =>
      app.testDb.query<Record<string, number>>(
        `select ${api.model.keyColumns.map((c) => `"${c.column}" as "${c.key}"`).join(', ')}` +
          ` from "${api.model.tableName}"${where ? ` where ${where}` : ''}` +
          ` order by ${api.model.keyColumns.map((c) => `"${c.column}"`).join(', ')}${limit}`,
        params,
      );

    it('covers the 28 tables', () => {
      expect(tables()).toHaveLength(28);
    });

    it("lists exactly the admin's client's rows in every connection, and all rows of the global tables", async () => {
      const mismatches: string[] = [];
      const globalTables: string[] = [];
      for (const api of tables()) {
        const keys = api.model.keyColumns.map((c) => c.key);
        const condition = await tenantCondition(api.model.tableName);
        if (condition === null) globalTables.push(api.model.tableName);
        for (const [client, clientId] of [
          [0, acme],
          [1, globex],
        ] as const) {
          const expected = await keysInSql(api, condition, condition ? [clientId] : []);
          if (expected.length === 0)
            mismatches.push(`${api.plural}: no rows for client ${client}, nothing proven`);
          expect(expected.length).toBeLessThanOrEqual(api.limits.maxSize);
          const orderBy = keys.map((k) => `{ field: ${orderField(k)} }`).join(', ');
          const result = await app.graphql(
            `{ rows: ${api.plural}(first: ${api.limits.maxSize}, orderBy: [${orderBy}]) { totalCount nodes { ${keys.join(' ')} } } }`,
            { as: 'admin', client },
          );
          if (result.errors) {
            mismatches.push(`${api.plural} for client ${client}: ${JSON.stringify(errorsOf(result))}`);
          } else if (
            result.data.rows.totalCount !== expected.length ||
            JSON.stringify(result.data.rows.nodes) !== JSON.stringify(expected)
          ) {
            mismatches.push(`${api.plural} for client ${client}: not the ${expected.length} rows SQL lists`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(globalTables.sort()).toEqual(['dora_market_benchmarks', 'dora_metric_insights']);
    });

    it("answers a by-key lookup of another client's row with null, exactly like a missing key", async () => {
      const mismatches: string[] = [];
      for (const api of tables()) {
        const condition = await tenantCondition(api.model.tableName);
        if (condition === null) continue;
        const lookup = (key: Record<string, number>) => {
          const args = Object.entries(key).map(([k, v]) => `${k}: ${v}`);
          return app.graphql(
            `{ row: ${api.singular}(${args.join(', ')}) { ${Object.keys(key).join(' ')} } }`,
            {
              as: 'admin',
              client: 0,
            },
          );
        };
        const [own] = await keysInSql(api, condition, [acme], ' limit 1');
        const [foreign] = await keysInSql(api, condition, [globex], ' limit 1');
        const missing = Object.fromEntries(Object.keys(own!).map((k) => [k, 2_000_000_000]));
        const [ownResult, foreignResult, missingResult] = await Promise.all([
          lookup(own!),
          lookup(foreign!),
          lookup(missing),
        ]);
        if (JSON.stringify(ownResult) !== JSON.stringify({ status: 200, data: { row: own } })) {
          mismatches.push(`${api.singular} of its own row: ${JSON.stringify(ownResult)}`);
        }
        if (JSON.stringify(foreignResult) !== JSON.stringify({ status: 200, data: { row: null } })) {
          mismatches.push(`${api.singular} of another client's row: ${JSON.stringify(foreignResult)}`);
        }
        expect(foreignResult).toEqual(missingResult);
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('pagination', () => {
    it('pages 100 rows by default and counts them all', async () => {
      const total = await sqlCount(app, 'select count(*) from issue_changelogs where client_id = $1', [acme]);
      expect(total).toBeGreaterThan(100);
      const data = dataOf(
        await app.graphql(
          '{ issueChangelogs { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id } } }',
          {
            as: 'viewer',
          },
        ),
      );
      expect(data.issueChangelogs.totalCount).toBe(total);
      expect(data.issueChangelogs.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
      expect(data.issueChangelogs.nodes.map((n: { id: number }) => n.id)).toEqual(
        await sqlIds(app, 'select id from issue_changelogs where client_id = $1 order by id limit 100', [
          acme,
        ]),
      );
    });

    it('takes up to 1000 rows a page', async () => {
      const data = dataOf(
        await app.graphql('{ issueChangelogs(first: 1000) { nodes { id } pageInfo { hasNextPage } } }', {
          as: 'user',
        }),
      );
      expect(data.issueChangelogs.nodes).toHaveLength(
        await sqlCount(app, 'select count(*) from issue_changelogs where client_id = $1', [acme]),
      );
      expect(data.issueChangelogs.pageInfo.hasNextPage).toBe(false);
    });

    it.each([
      ['first over 1000', '{ issues(first: 1001) { nodes { id } } }', 'first', 'issues'],
      ['a negative first', '{ issues(first: -1) { nodes { id } } }', 'first', 'issues'],
      ['a negative offset', '{ issues(offset: -1) { nodes { id } } }', 'offset', 'issues'],
      [
        'a nested first over 1000',
        '{ issues(first: 1) { nodes { changelogs(first: 1001) { nodes { id } } } } }',
        'first',
        'issues.nodes.0.changelogs',
      ],
      ['a malformed cursor', '{ issues(after: "not-a-cursor") { nodes { id } } }', 'after', 'issues'],
    ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, query, argument, path) => {
      const result = await app.graphql(query, { as: 'admin' });
      expect(errorsOf(result)).toEqual([[path, 'BAD_USER_INPUT']]);
      expect(result.errors![0]!.extensions!.field).toBe(argument);
    });

    it('returns an empty page for first: 0 and still says whether rows follow', async () => {
      const data = dataOf(
        await app.graphql(
          '{ issues(first: 0) { totalCount nodes { id } pageInfo { hasNextPage startCursor endCursor } } }',
          {
            as: 'user',
          },
        ),
      );
      expect(data.issues).toEqual({
        totalCount: 40,
        nodes: [],
        pageInfo: { hasNextPage: true, startCursor: null, endCursor: null },
      });
    });

    it('skips offset rows and reports the pages on both sides', async () => {
      const all = await sqlIssueIds('true');
      const page = async (offset: number) =>
        dataOf(
          await app.graphql(
            `{ issues(first: 5, offset: ${offset}) { nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
            { as: 'user' },
          ),
        ).issues;
      const middle = await page(10);
      expect(middle.nodes.map((n: { id: number }) => n.id)).toEqual(all.slice(10, 15));
      expect(middle.edges.map((e: { node: { id: number } }) => e.node.id)).toEqual(all.slice(10, 15));
      expect(middle.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: true,
        startCursor: middle.edges[0].cursor,
        endCursor: middle.edges[4].cursor,
      });
      const last = await page(all.length - 2);
      expect(last.nodes.map((n: { id: number }) => n.id)).toEqual(all.slice(-2));
      expect(last.pageInfo.hasNextPage).toBe(false);
      const first = await page(0);
      expect(first.pageInfo.hasPreviousPage).toBe(false);
    });

    it('answers an empty connection with no cursors', async () => {
      const data = dataOf(
        await app.graphql(
          '{ issues(filter: { key: { eq: "NOPE-1" } }) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
          { as: 'user' },
        ),
      );
      expect(data.issues).toEqual({
        totalCount: 0,
        nodes: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      });
    });
  });

  describe('cursors', () => {
    /** Pages through `issues` with first/after and returns the ids in the order they came. */
    const walk = async (orderBy: Order, pageSize: number, filter: Filter | null = null) => {
      const seen: number[] = [];
      let after: string | null = null;
      let expectedTotal: number | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const data = dataOf(
          await app.graphql(
            `query ($first: Int, $after: String, $orderBy: [IssueOrder!], $filter: IssueFilter) {
               issues(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
                 totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
            { as: 'viewer', variables: { first: pageSize, after, orderBy, filter } },
          ),
        );
        const { nodes, pageInfo, totalCount } = data.issues;
        expectedTotal ??= totalCount;
        expect(totalCount).toBe(expectedTotal);
        expect(pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...nodes.map((n: { id: number }) => n.id));
        if (!pageInfo.hasNextPage) {
          expect(seen).toHaveLength(expectedTotal!);
          return seen;
        }
        expect(nodes).toHaveLength(pageSize);
        after = pageInfo.endCursor;
      }
      throw new Error('the walk did not end');
    };

    it.each<[string, Order, string, number]>([
      ['the default order (id)', [], 'id', 7],
      ['id descending', [{ field: 'ID', direction: 'DESC' }], 'id desc', 7],
      [
        'a nullable number ascending (storyPoints)',
        [{ field: 'STORY_POINTS', direction: 'ASC' }],
        'story_points asc, id',
        3,
      ],
      [
        'a nullable number descending (storyPoints)',
        [{ field: 'STORY_POINTS', direction: 'DESC' }],
        'story_points desc, id',
        3,
      ],
      [
        'a timestamp descending, to the microsecond (created)',
        [{ field: 'CREATED', direction: 'DESC' }],
        'created desc, id',
        1,
      ],
      ['a nullable timestamp (resolved)', [{ field: 'RESOLVED', direction: 'ASC' }], 'resolved asc, id', 4],
      [
        'two terms (priority, updated desc)',
        [
          { field: 'PRIORITY', direction: 'ASC' },
          { field: 'UPDATED', direction: 'DESC' },
        ],
        'priority asc, updated desc, id',
        6,
      ],
    ])('visits every row exactly once, in order, for %s', async (_case, orderBy, sqlOrder, pageSize) => {
      const expected = await sqlIds(app, `select id from issues where client_id = $1 order by ${sqlOrder}`, [
        acme,
      ]);
      expect(await walk(orderBy, pageSize)).toEqual(expected);
    });

    it('keeps the filter and the count across pages', async () => {
      const expected = await sqlIds(
        app,
        'select id from issues where client_id = $1 and story_points is not null order by story_points desc, id',
        [acme],
      );
      expect(
        await walk([{ field: 'STORY_POINTS', direction: 'DESC' }], 4, { storyPoints: { isNull: false } }),
      ).toEqual(expected);
    });

    it('refuses a cursor replayed with another orderBy', async () => {
      const first = dataOf(
        await app.graphql(
          '{ issues(first: 2, orderBy: [{ field: CREATED, direction: DESC }]) { pageInfo { endCursor } } }',
          {
            as: 'user',
          },
        ),
      );
      const cursor = first.issues.pageInfo.endCursor as string;
      for (const orderBy of [
        '[{ field: CREATED, direction: ASC }]',
        '[{ field: UPDATED, direction: DESC }]',
        '[]',
      ]) {
        const result = await app.graphql(
          `query ($after: String) { issues(first: 2, after: $after, orderBy: ${orderBy}) { nodes { id } } }`,
          {
            as: 'user',
            variables: { after: cursor },
          },
        );
        expect(errorsOf(result)).toEqual([['issues', 'BAD_USER_INPUT']]);
        expect(result.errors![0]!.extensions!.field).toBe('after');
      }
    });

    it('pages a nested to-many relation with its own cursor', async () => {
      const [issueId] = await sqlIds(
        app,
        'select issue_id as id from issue_changelogs where client_id = $1 group by 1 having count(*) >= 4 order by 1 limit 1',
        [acme],
      );
      const expected = await sqlIds(
        app,
        'select id from issue_changelogs where issue_id = $1 order by transition_change_date desc, id',
        [issueId],
      );
      const query = `query ($id: Int!, $after: String) { issue(id: $id) { changelogs(first: 2, after: $after, orderBy: [{ field: TRANSITION_CHANGE_DATE, direction: DESC }]) {
          totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
      const one = dataOf(await app.graphql(query, { as: 'user', variables: { id: issueId } })).issue
        .changelogs;
      expect(one.nodes.map((n: { id: number }) => n.id)).toEqual(expected.slice(0, 2));
      expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const two = dataOf(
        await app.graphql(query, { as: 'user', variables: { id: issueId, after: one.pageInfo.endCursor } }),
      ).issue.changelogs;
      expect(two.nodes.map((n: { id: number }) => n.id)).toEqual(expected.slice(2, 4));
      expect(two.pageInfo).toMatchObject({ hasNextPage: expected.length > 4, hasPreviousPage: true });
      expect(two.totalCount).toBe(expected.length);
    });
  });

  describe('filters', () => {
    // Each case: the GraphQL filter, and the same question asked of PostgreSQL directly.
    const cases: [string, () => Filter, string, () => unknown[]][] = [
      ['eq', () => ({ priority: { eq: sample.priority } }), 'priority = $2', () => [sample.priority]],
      [
        'ne, nulls counting as different',
        () => ({ storyPoints: { ne: sample.points[0] } }),
        'story_points is distinct from $2',
        () => [sample.points[0]],
      ],
      ['in', () => ({ storyPoints: { in: sample.points } }), 'story_points = any($2)', () => [sample.points]],
      [
        'notIn, nulls matching',
        () => ({ storyPoints: { notIn: sample.points } }),
        'story_points is null or story_points <> all($2)',
        () => [sample.points],
      ],
      ['an empty in', () => ({ storyPoints: { in: [] } }), 'false', () => []],
      [
        'a number range (gte, lt)',
        () => ({ storyPoints: { gte: 2, lt: 8 } }),
        'story_points >= 2 and story_points < 8',
        () => [],
      ],
      [
        'a number range (gt, lte)',
        () => ({ storyPoints: { gt: 2, lte: 8 } }),
        'story_points > 2 and story_points <= 8',
        () => [],
      ],
      [
        'a float comparison',
        () => ({ totalCycleTimeSeconds: { gt: sample.cycleTime } }),
        'total_cycle_time_seconds > $2',
        () => [sample.cycleTime],
      ],
      [
        'a date range (gte, lt), boundaries included and excluded',
        () => ({ created: { gte: sample.createdFrom, lt: sample.createdTo } }),
        'created >= $2 and created < $3',
        () => [sample.createdFrom, sample.createdTo],
      ],
      [
        'a date range (gt, lte)',
        () => ({ created: { gt: sample.createdFrom, lte: sample.createdTo } }),
        'created > $2 and created <= $3',
        () => [sample.createdFrom, sample.createdTo],
      ],
      [
        'a date after, on a nullable column',
        () => ({ dueDate: { gt: sample.dueAfter } }),
        'due_date > $2',
        () => [sample.dueAfter],
      ],
      ['eq null on a date', () => ({ resolved: { eq: null } }), 'resolved is null', () => []],
      [
        'contains, ignoring case',
        () => ({ summary: { contains: sample.summaryWord } }),
        "summary ilike '%' || $2::text || '%'",
        () => [sample.summaryWord],
      ],
      [
        'startsWith',
        () => ({ key: { startsWith: sample.keyPrefix } }),
        "key like $2::text || '%'",
        () => [sample.keyPrefix],
      ],
      ['isNull: true', () => ({ storyPoints: { isNull: true } }), 'story_points is null', () => []],
      ['isNull: false', () => ({ storyPoints: { isNull: false } }), 'story_points is not null', () => []],
      ['active: false', () => ({ active: { eq: false } }), 'not active', () => []],
      ['active: true', () => ({ active: { eq: true } }), 'active', () => []],
      [
        'a foreign key',
        () => ({ projectId: { eq: sample.projectId } }),
        'project_id = $2',
        () => [sample.projectId],
      ],
      [
        'several fields at once (all must match)',
        () => ({ priority: { eq: sample.priority }, storyPoints: { isNull: false } }),
        'priority = $2 and story_points is not null',
        () => [sample.priority],
      ],
      [
        'and',
        () => ({ and: [{ storyPoints: { gte: 3 } }, { priority: { eq: sample.priority } }] }),
        'story_points >= 3 and priority = $2',
        () => [sample.priority],
      ],
      [
        'or',
        () => ({ or: [{ storyPoints: { isNull: true } }, { priority: { eq: sample.priority } }] }),
        'story_points is null or priority = $2',
        () => [sample.priority],
      ],
      ['an empty or', () => ({ or: [] }), 'false', () => []],
      [
        'not: every row the inner filter does not match, those with a null included',
        () => ({ not: { storyPoints: { eq: sample.points[0] } } }),
        'id not in (select id from issues where story_points = $2)',
        () => [sample.points[0]],
      ],
      [
        'not over an or',
        () => ({ not: { or: [{ storyPoints: { gte: 5 } }, { priority: { eq: sample.priority } }] } }),
        'id not in (select id from issues where story_points >= 5 or priority = $2)',
        () => [sample.priority],
      ],
    ];

    it.each(cases)('%s', async (_case, filter, condition, params) => {
      const expected = await sqlIssueIds(condition, params());
      expect(await issueIds(filter())).toEqual(expected);
    });

    it('were chosen so each one keeps some rows and drops others', async () => {
      const trivial: string[] = [];
      for (const [name, , condition, params] of cases) {
        const n = (await sqlIssueIds(condition, params())).length;
        if ((n === 0 || n === 40) && !name.startsWith('an empty')) trivial.push(`${name}: ${n}`);
      }
      expect(trivial).toEqual([]);
    });

    it('filters, orders and pages a to-many relation per parent', async () => {
      const data = dataOf(
        await app.graphql(
          `query ($since: DateTimeISO) { issues(first: 1000) { nodes { id changelogs(first: 1, offset: 1,
               orderBy: [{ field: TRANSITION_CHANGE_DATE, direction: DESC }], filter: { transitionChangeDate: { gte: $since } })
               { totalCount nodes { id } pageInfo { hasNextPage } } } } }`,
          { as: 'user', variables: { since: sample.createdFrom } },
        ),
      );
      const rows = await app.testDb.query<{ issue_id: number; ids: number[] }>(
        `select issue_id, array_agg(id order by transition_change_date desc, id) as ids from issue_changelogs
          where client_id = $1 and transition_change_date >= $2 group by issue_id`,
        [acme, sample.createdFrom],
      );
      const byIssue = new Map(rows.map((row) => [row.issue_id, row.ids]));
      // The window matters (some parents have more rows than it) and the filter drops rows.
      expect([...byIssue.values()].some((ids) => ids.length > 2)).toBe(true);
      expect(rows.flatMap((row) => row.ids).length).toBeLessThan(
        await sqlCount(app, 'select count(*) from issue_changelogs where client_id = $1', [acme]),
      );
      const nodes = data.issues.nodes as {
        id: number;
        changelogs: { totalCount: number; nodes: { id: number }[]; pageInfo: { hasNextPage: boolean } };
      }[];
      expect(nodes).toHaveLength(40);
      for (const node of nodes) {
        const ids = byIssue.get(node.id) ?? [];
        expect([node.id, node.changelogs]).toEqual([
          node.id,
          {
            totalCount: ids.length,
            nodes: ids.slice(1, 2).map((id) => ({ id })),
            pageInfo: { hasNextPage: ids.length > 2 },
          },
        ]);
      }
    });

    it('refuses a range operator without a value', async () => {
      const result = await app.graphql('{ issues(filter: { storyPoints: { gt: null } }) { nodes { id } } }', {
        as: 'user',
      });
      expect(refusal(result)).toBe('BAD_USER_INPUT');
    });

    it('refuses text with a NUL character as bad input, and the replica stays in service', async () => {
      await replicaCaughtUp(app);
      const { result } = await app.statementsOf(
        'query ($text: String) { issues(filter: { summary: { contains: $text } }) { nodes { id } } }',
        { as: 'user', variables: { text: 'a\u0000b' } },
      );
      // Refused at the edge, before execution (server/text-input-guard.ts): the error names the variable.
      expect(errorsOf(result)).toEqual([['', 'BAD_USER_INPUT']]);
      expect(result.errors![0]!.message).toBe(
        '$text: text must not contain NUL characters or unpaired surrogates',
      );
      const after = await app.statementsOf('{ issues(first: 1) { nodes { id } } }', { as: 'user' });
      expect(after.queries.map((q) => q.connectionType)).toEqual(['read']);
    });
  });

  describe('column projection and the embedding opt-in', () => {
    const issueStatement = (sql: string[]) =>
      sql.filter((s) => / from "issues" as t/.test(s) && !s.includes('count(*)'));

    it('reads only the selected columns, the keys and the foreign keys of selected relations', async () => {
      const { result, queries } = await app.statementsOf(
        '{ issues(first: 3) { nodes { key project { key } } } }',
        { as: 'admin' },
      );
      dataOf(result);
      const [statement] = issueStatement(queries.map((q) => q.sql));
      expect(statement).toMatch(/"key"/);
      expect(statement).toMatch(/"project_id"/);
      expect(statement).toMatch(/t\."id"/);
      expect(statement).not.toMatch(/"summary"|"description"|"embedding"|"status_id"/);
    });

    it("gives admins every issue's 1536 numbers, or null where the row has none", async () => {
      const { result, queries } = await app.statementsOf(
        '{ issues(first: 1000) { nodes { id embedding } } }',
        { as: 'admin' },
      );
      const nodes = dataOf(result).issues.nodes as { id: number; embedding: number[] | null }[];
      const rows = await app.testDb.query<{ id: number; embedding: string | null }>(
        'select id, embedding::text as embedding from issues where client_id = $1 order by id',
        [acme],
      );
      expect(nodes.map((n) => n.id)).toEqual(rows.map((r) => r.id));
      const withEmbedding = rows.filter((r) => r.embedding !== null).length;
      expect(withEmbedding).toBeGreaterThan(0);
      expect(withEmbedding).toBeLessThan(rows.length);
      rows.forEach((row, i) => {
        const embedding = nodes[i]!.embedding;
        if (row.embedding === null) expect([row.id, embedding]).toEqual([row.id, null]);
        else {
          expect(embedding).toHaveLength(1536);
          expect(embedding).toEqual(JSON.parse(row.embedding));
        }
      });
      // Read with the rows, in the one page statement.
      expect(queries).toHaveLength(1);
      expect(queries[0]!.sql).toMatch(/"embedding"::text/);
    });

    it.each<TestRole>(['user', 'viewer'])(
      'refuses the embedding to a %s with FORBIDDEN at each row, keeps the rest, and never reads the column',
      async (role) => {
        const { result, queries } = await app.statementsOf(
          '{ issues(first: 1000) { nodes { id key embedding project { key embedding } } } }',
          { as: role },
        );
        const nodes = result.data.issues.nodes as {
          id: number;
          key: string;
          embedding: null;
          project: { key: string } | null;
        }[];
        const rows = await app.testDb.query<{ id: number; key: string; project_id: number | null }>(
          'select id, key, project_id from issues where client_id = $1 order by id',
          [acme],
        );
        expect(nodes.map((n) => [n.id, n.key, n.embedding])).toEqual(rows.map((r) => [r.id, r.key, null]));
        // One error per field path, at its first row, counting the rows it stands for.
        const withProject = rows.flatMap((row, i) => (row.project_id === null ? [] : [i]));
        expect(
          (result.errors ?? []).map((e) => [
            e.path!.join('.'),
            e.extensions?.code,
            e.extensions?.occurrences,
          ]),
        ).toEqual([
          ['issues.nodes.0.embedding', 'FORBIDDEN', rows.length],
          [`issues.nodes.${withProject[0]}.project.embedding`, 'FORBIDDEN', withProject.length],
        ]);
        expect(nodes.every((n, i) => (rows[i]!.project_id === null) === (n.project === null))).toBe(true);
        expect(queries.filter((q) => q.sql.includes('embedding'))).toEqual([]);
      },
    );

    it('reads the embedding only when selected, in the same statements: the count does not change', async () => {
      const shape = (embedding: string) =>
        `{ issues(first: 20) { totalCount nodes { id ${embedding} project { key ${embedding} } status { category ${embedding} }
             changelogs(first: 2) { nodes { id ${embedding} } } } } }`;
      const without = await app.statementsOf(shape(''), { as: 'admin' });
      const withIt = await app.statementsOf(shape('embedding'), { as: 'admin' });
      dataOf(without.result);
      dataOf(withIt.result);
      expect(without.queries.filter((q) => q.sql.includes('embedding'))).toEqual([]);
      expect(withIt.queries).toHaveLength(without.queries.length);
      // One statement: the issues' page with its count, project, status and changelogs' pages in it.
      expect(withIt.queries).toHaveLength(1);
      expect(withIt.queries[0]!.sql.match(/"embedding"::text/g)).toHaveLength(4);
    });
  });

  describe('statements per request', () => {
    it('runs the IssueList operation in as many statements for 10 issues as for 40 and for first: 500, all on the replica', async () => {
      await replicaCaughtUp(app);
      const small = await app.statementsOf(ISSUE_LIST, { as: 'user', variables: { first: 10 } });
      const large = await app.statementsOf(ISSUE_LIST, { as: 'user', variables: { first: 40 } });
      expect(dataOf(small.result).issues.nodes).toHaveLength(10);
      const nodes = dataOf(large.result).issues.nodes as {
        pullRequests: { nodes: { reviews: { nodes: unknown[] } }[] };
      }[];
      expect(nodes).toHaveLength(40);
      // The page exercised every level of the operation.
      expect(nodes.some((n) => n.pullRequests.nodes.some((pr) => pr.reviews.nodes.length > 0))).toBe(true);
      expect(large.queries).toHaveLength(small.queries.length);
      // The page reads its relations and nested pages (pull requests, their reviews) in its own statement.
      expect(small.queries).toHaveLength(1);
      expect(onReplica(small.queries)).toEqual(small.queries);
      expect(onReplica(large.queries)).toEqual(large.queries);
      // The issue's own bar: page sizes 10 and 500 (the client has 40 issues, so all of them come back).
      const widest = await app.statementsOf(ISSUE_LIST, { as: 'user', variables: { first: 500 } });
      expect(dataOf(widest.result).issues.nodes).toHaveLength(40);
      expect(widest.queries).toHaveLength(small.queries.length);
    });

    it.each([
      [
        'a nested to-many page per parent',
        (n: number) =>
          `{ issues(first: ${n}) { nodes { id changelogs(first: 2) { totalCount nodes { id } } } } }`,
      ],
      [
        'to-one relations',
        (n: number) =>
          `{ issues(first: ${n}) { nodes { id project { key } status { category } assigneeUser { email } } } }`,
      ],
      [
        'a link relation and its children',
        (n: number) =>
          `query ($linked: [Int!]) { issues(first: ${n}, filter: { id: { in: $linked } }) { nodes { id
             pullRequests(first: 3) { nodes { id reviews(first: 2) { nodes { id } } commits(first: 1) { totalCount } } } } } }`,
      ],
    ])('runs %s in as many statements for 5 parents as for 40', async (_case, query) => {
      await replicaCaughtUp(app);
      // Parents that have linked pull requests, so every level has rows to load at both sizes.
      const linked = await sqlIds(
        app,
        'select distinct issue_id as id from jira_pull_request_links where client_id = $1',
        [acme],
      );
      const small = await app.statementsOf(query(5), { as: 'viewer', variables: { linked } });
      const large = await app.statementsOf(query(40), { as: 'viewer', variables: { linked } });
      dataOf(small.result);
      dataOf(large.result);
      expect(large.queries).toHaveLength(small.queries.length);
      expect(onReplica(large.queries)).toEqual(large.queries);
    });

    it('reads the to-one relations of a page in the page statement itself, as by-id lookups answer them', async () => {
      await replicaCaughtUp(app);
      const relations = `project { id key name createdAt } status { id category lastUpdatedAt }
        assigneeUser { id email firstName createdAt }`;
      const { result, queries } = await app.statementsOf(
        `{ issues(first: 40) { nodes { id ${relations} } } }`,
        { as: 'user' },
      );
      const nodes = dataOf(result).issues.nodes as Record<string, unknown>[];
      expect(nodes.length).toBeGreaterThan(5);
      // Every level present, so the comparison below covers all three relations and their dates.
      for (const field of ['project', 'status', 'assigneeUser']) {
        expect(nodes.some((node) => node[field] !== null)).toBe(true);
      }
      expect(queries).toHaveLength(1);
      expect(onReplica(queries)).toEqual(queries);
      // By-id lookups read their relations through the loaders, one batch per relation (ten issues with
      // every relation, within the alias limit).
      const sample = nodes.filter((node) => node.project && node.status && node.assigneeUser).slice(0, 10);
      expect(sample.length).toBeGreaterThan(1);
      const lookups = sample.map((node, i) => `i${i}: issue(id: ${node.id as number}) { id ${relations} }`);
      const looked = await app.statementsOf(`{ ${lookups.join(' ')} }`, { as: 'user' });
      expect(Object.values(dataOf(looked.result))).toEqual(sample);
      expect(looked.queries).toHaveLength(4);
    });

    it('reads a nested page’s totalCount with it when the page starts at the first row', async () => {
      await replicaCaughtUp(app);
      const { result, queries } = await app.statementsOf(
        '{ issues(first: 40) { nodes { id changelogs(first: 1) { totalCount nodes { id } } } } }',
        { as: 'user' },
      );
      const nodes = dataOf(result).issues.nodes as { id: number; changelogs: { totalCount: number } }[];
      const counts = await app.testDb.query<{ id: number; count: number }>(
        `select i.id, count(c.id)::int as count from issues i left join issue_changelogs c on c.issue_id = i.id
          where i.id = any($1) group by i.id`,
        [nodes.map((node) => node.id)],
      );
      const expected = new Map(counts.map((row) => [row.id, row.count]));
      expect(nodes.some((node) => node.changelogs.totalCount > 1)).toBe(true);
      expect(nodes.map((node) => [node.id, node.changelogs.totalCount])).toEqual(
        nodes.map((node) => [node.id, expected.get(node.id)]),
      );
      // The nested pages and their counts are read in the issues' page statement.
      expect(queries).toHaveLength(1);

      // Past the first row (an offset) a page no longer sees every row, so the count is its own statement.
      const offset = await app.statementsOf(
        '{ issues(first: 40) { nodes { id changelogs(first: 1, offset: 1) { totalCount } } } }',
        { as: 'user' },
      );
      const offsetNodes = dataOf(offset.result).issues.nodes as typeof nodes;
      expect(offsetNodes.map((node) => [node.id, node.changelogs.totalCount])).toEqual(
        offsetNodes.map((node) => [node.id, expected.get(node.id)]),
      );
      expect(offset.queries).toHaveLength(3);
    });

    it('answers nested pages read in their parents’ statement exactly as the loaders answer them', async () => {
      await replicaCaughtUp(app);
      const linked = await sqlIds(
        app,
        'select distinct issue_id as id from jira_pull_request_links where client_id = $1 order by issue_id',
        [acme],
      );
      // Two aliases of one connection with different pages, cursors, counts, a to-one relation inside a
      // nested page and a page nested in it.
      const selection = `id key
        changelogs(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
        pullRequests(first: 1) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id number status createdAt repository { id name }
            reviews(first: 1) { totalCount pageInfo { hasNextPage } nodes { id state submittedAt } } } } }
        newest: pullRequests(first: 2, orderBy: [{ field: NUMBER, direction: DESC }]) { nodes { id number } }`;
      const page = await app.statementsOf(
        `query ($linked: [Int!]) { issues(first: 40, filter: { id: { in: $linked } }) { nodes { ${selection} } } }`,
        { as: 'viewer', variables: { linked } },
      );
      const nodes = dataOf(page.result).issues.nodes as {
        id: number;
        changelogs: { pageInfo: { hasNextPage: boolean } };
        pullRequests: { edges: { node: { reviews: { pageInfo: { hasNextPage: boolean } } } }[] };
        newest: { nodes: unknown[] };
      }[];
      expect(page.queries).toHaveLength(1);
      // Every part of the selection has rows to compare.
      expect(nodes.some((node) => node.changelogs.pageInfo.hasNextPage)).toBe(true);
      expect(
        nodes.some((node) => node.pullRequests.edges.some((edge) => edge.node.reviews.pageInfo.hasNextPage)),
      ).toBe(true);
      expect(nodes.some((node) => node.newest.nodes.length > 0)).toBe(true);

      // The same issues by id: their pages come from the loaders (one batch per connection and alias,
      // the reviews and repositories read in the pull requests' batch).
      // Seven (each lookup is two aliases, within the alias limit), the ones with more pages first.
      const reviewed = nodes.filter((node) =>
        node.pullRequests.edges.some((edge) => edge.node.reviews.pageInfo.hasNextPage),
      );
      const sample = [...new Set([...reviewed.slice(0, 3), ...nodes])].slice(0, 7);
      const lookups = sample.map((node, i) => `i${i}: issue(id: ${node.id}) { ${selection} }`);
      const looked = await app.statementsOf(`{ ${lookups.join(' ')} }`, { as: 'viewer' });
      expect(Object.values(dataOf(looked.result))).toEqual(sample);
      expect(looked.queries).toHaveLength(4);
    });

    it('leaves a nested page after a cursor to its loader, which continues where the parent’s statement stopped', async () => {
      const [issueId] = await sqlIds(
        app,
        `select issue_id as id from issue_changelogs where client_id = $1
          group by issue_id having count(*) > 2 order by issue_id limit 1`,
        [acme],
      );
      const first = await app.graphql(
        `{ issues(first: 1, filter: { id: { eq: ${issueId} } }) { nodes { changelogs(first: 1) { pageInfo { endCursor } nodes { id } } } } }`,
        { as: 'user' },
      );
      const [node] = dataOf(first).issues.nodes as { changelogs: { pageInfo: { endCursor: string } } }[];
      const next = await app.statementsOf(
        `query ($after: String) { issues(first: 1, filter: { id: { eq: ${issueId} } }) { nodes {
           changelogs(first: 2, after: $after) { totalCount nodes { id } } } } }`,
        { as: 'user', variables: { after: node!.changelogs.pageInfo.endCursor } },
      );
      const expected = await sqlIds(
        app,
        'select id from issue_changelogs where issue_id = $1 order by id offset 1 limit 2',
        [issueId],
      );
      const [continued] = dataOf(next.result).issues.nodes as {
        changelogs: { totalCount: number; nodes: { id: number }[] };
      }[];
      expect(continued!.changelogs.nodes.map((n) => n.id)).toEqual(expected);
      // The issues' page, the changelogs after the cursor, and their count.
      expect(next.queries).toHaveLength(3);
    });

    it('reads a root totalCount with its page, and apart only for an empty page past the first row', async () => {
      const [{ count }] = (await app.testDb.query<{ count: number }>(
        'select count(*)::int as count from issues where client_id = $1',
        [acme],
      )) as [{ count: number }];
      const counted = async (query: string) => {
        const { result, queries } = await app.statementsOf(query, { as: 'user' });
        return { totalCount: dataOf(result).issues.totalCount as number, statements: queries.length };
      };
      expect(await counted('{ issues(first: 3) { totalCount nodes { id } } }')).toEqual({
        totalCount: count,
        statements: 1,
      });
      expect(await counted('{ issues(filter: { key: { eq: "NO-SUCH-1" } }) { totalCount } }')).toEqual({
        totalCount: 0,
        statements: 1,
      });
      expect(await counted(`{ issues(first: 3, offset: ${count + 5}) { totalCount nodes { id } } }`)).toEqual(
        {
          totalCount: count,
          statements: 2,
        },
      );
    });

    it('batches by-id lookups of one request into one statement', async () => {
      const ids = await sqlIssueIds('true');
      const aliases = ids.slice(0, 5).map((id, i) => `i${i}: issue(id: ${id}) { id key }`);
      const { result, queries } = await app.statementsOf(`{ ${aliases.join(' ')} }`, { as: 'user' });
      expect(Object.values(dataOf(result)).map((row) => (row as { id: number }).id)).toEqual(ids.slice(0, 5));
      expect(queries).toHaveLength(1);
    });

    it('counts only when totalCount is selected', async () => {
      const { queries } = await app.statementsOf(
        '{ issues(first: 5) { nodes { id changelogs(first: 1) { nodes { id } } } } }',
        {
          as: 'user',
        },
      );
      expect(queries.filter((q) => q.sql.includes('count('))).toEqual([]);
    });
  });

  describe('errors', () => {
    const leaks = (result: GraphQLResult) =>
      JSON.stringify(result).match(/select |from "|timestamptz|stack|\.ts:|node_modules|Did you mean/i);

    it.each([
      ['a misspelt admin-only query', '{ learningMemorie { nodes { id } } }', 'learningMemories'],
      ['a misspelt embedding', '{ issues { nodes { embeddin } } }', 'embedding'],
      ['a misspelt admin-only relation', '{ users { nodes { session { totalCount } } } }', 'sessions'],
      ['a misspelt argument', '{ issues(fliter: {}) { totalCount } }', 'filter'],
    ])('answers %s without suggesting names', async (_case, query, hidden) => {
      const result = await app.graphql(query, { as: 'admin' });
      expect(result.status).toBe(400);
      expect(errorsOf(result)).toEqual([['', 'GRAPHQL_VALIDATION_FAILED']]);
      expect(JSON.stringify(result)).not.toContain(hidden);
      expect(leaks(result)).toBeNull();
    });

    it('masks a database error as INTERNAL_SERVER_ERROR with no SQL or stack', async () => {
      // A fault on our side (here: a column renamed under the running gateway), not the caller's input:
      // PostgreSQL fails the statement, and the caller gets the generic error and nothing of it.
      await app.testDb.query('alter table repositories rename column full_name to full_name_moved');
      await app.testDb.waitForReplica();
      let result: GraphQLResult;
      try {
        result = await app.graphql('{ repositories(first: 2) { nodes { fullName } } }', { as: 'admin' });
      } finally {
        await app.testDb.query('alter table repositories rename column full_name_moved to full_name');
        await app.testDb.waitForReplica();
      }
      expect(result.errors).toEqual([
        {
          message: 'Internal server error',
          locations: expect.any(Array),
          path: ['repositories'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
        },
      ]);
      expect(result.data).toBeNull();
      expect(leaks(result)).toBeNull();
      expect(JSON.stringify(result)).not.toContain('full_name');
    });

    it('refuses a forged cursor (a value that is not a timestamp) as BAD_USER_INPUT before any SQL', async () => {
      // Cursors are signed and bound (cursors.ts): a hand-made one never reaches PostgreSQL.
      const forged = Buffer.from('created:desc,id:asc|["not a time", 1]').toString('base64url');
      await app.graphql('{ viewer { role } }', { as: 'admin' });
      const { result, queries } = await app.statementsOf(
        `{ issues(first: 2, after: "${forged}", orderBy: [{ field: CREATED, direction: DESC }]) { nodes { id } } }`,
        { as: 'admin' },
      );
      expect(errorsOf(result)).toEqual([['issues', 'BAD_USER_INPUT']]);
      expect(result.errors![0]!.extensions!.field).toBe('after');
      expect(queries).toEqual([]);
      expect(leaks(result)).toBeNull();
    });
  });
});
