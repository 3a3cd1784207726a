import { describe, expect, it } from '@jest/globals';
import { format } from 'prettier';

import { nullTopLevelFields, responseFailure } from './graphql-response.js';
import { countKeys, parseOperationSources, withoutField } from './operations.js';
import type { BenchOperation } from './operations.js';
import { declaredOnly, pageSizesFor, planCases } from './plan.js';
import { deriveChecks, formatMs, renderTable, resultRow } from './report.js';
import type { CaseResult } from './report.js';
import type { ScenarioContext } from './scenarios.js';
import { percentile, summarizeLatencies } from './stats.js';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('returns a sample, never an interpolation', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('p99 of fewer than 100 samples is the largest one', () => {
    expect(percentile([1, 2, 3, 10], 99)).toBe(10);
  });

  it('rejects no samples and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 0)).toThrow('(0, 100]');
    expect(() => percentile([1], 101)).toThrow('(0, 100]');
  });

  it('summarizes unsorted samples', () => {
    const summary = summarizeLatencies([5, 1, 4, 2, 3]);
    expect(summary).toMatchObject({ samples: 5, min: 1, max: 5, mean: 3, p50: 3, p99: 5 });
  });
});

describe('operation files', () => {
  const parsed = parseOperationSources([
    {
      file: 'ops/issues.graphql',
      source: `# comment
        query IssueList($first: Int, $filter: IssueFilter) {
          issues(first: $first, filter: $filter) { nodes { ...IssueBits embedding } }
        }
        query IssueDetail($key: String!, $n: Int = 5) { issueByKey(key: $key) { ...IssueBits } }
        mutation Touch { touch }
        query { anonymous }`,
    },
    {
      file: 'ops/fragments.graphql',
      source: 'fragment IssueBits on Issue { id ...Deeper }\nfragment Deeper on Issue { key }',
    },
    { file: 'ops/broken.graphql', source: 'query Broken {' },
    { file: 'ops/dup.graphql', source: 'query IssueList { x }\nquery Missing { ...Nowhere }' },
  ]);
  const byName = (name: string) => parsed.operations.find((operation) => operation.name === name)!;

  it('finds the named operations with their variables and kind', () => {
    expect(parsed.operations.map((operation) => [operation.name, operation.kind])).toEqual([
      ['IssueList', 'query'],
      ['IssueDetail', 'query'],
      ['Touch', 'mutation'],
    ]);
    expect(byName('IssueDetail').variables).toEqual([
      { name: 'key', type: 'String!', required: true, hasDefault: false },
      { name: 'n', type: 'Int', required: false, hasDefault: true },
    ]);
  });

  it('sends each operation with the fragments it uses, from any file, and nothing else', () => {
    const document = byName('IssueList').document;
    expect(document).toContain('query IssueList');
    expect(document).toContain('fragment IssueBits on Issue');
    expect(document).toContain('fragment Deeper on Issue');
    expect(document).not.toContain('IssueDetail');
  });

  it('counts embedding selections, including those in fragments', () => {
    expect(byName('IssueList').embeddingSelections).toBe(1);
    expect(byName('IssueDetail').embeddingSelections).toBe(0);
  });

  it('reports what it cannot use', () => {
    expect(parsed.problems).toEqual([
      'ops/issues.graphql: anonymous query (give it a name to benchmark it)',
      expect.stringMatching(/^ops\/broken\.graphql: Syntax Error/),
      'ops/dup.graphql: operation IssueList is already defined in ops/issues.graphql',
      'ops/dup.graphql: operation Missing uses unknown fragment(s) Nowhere',
    ]);
  });

  it('strips a field, or says it cannot when nothing would be left', () => {
    const stripped = withoutField(byName('IssueList').document, 'embedding')!;
    expect(stripped).not.toContain('embedding');
    expect(stripped).toContain('...IssueBits');
    expect(withoutField('{ a { embedding } }', 'embedding')).toBeNull();
  });

  it('counts keys in a response', () => {
    const data = {
      issues: { nodes: [{ embedding: [1] }, { embedding: null }, { child: { embedding: [2] } }] },
    };
    expect(countKeys(data, 'embedding')).toEqual({ total: 3, nonNull: 2 });
  });
});

describe('cases and variables', () => {
  const operation = (
    name: string,
    variables: BenchOperation['variables'],
    kind: BenchOperation['kind'] = 'query',
  ) => ({ name, file: 'f', kind, document: '', variables, embeddingSelections: 0 }) satisfies BenchOperation;
  const variable = (name: string, required = false) => ({ name, type: 'Int', required, hasDefault: false });
  const ctx: ScenarioContext = { clientId: 1, userId: 1, query: async () => [] };

  it('runs operations with $first at the page sizes, others once', async () => {
    const list = operation('IssueList', [variable('first')]);
    expect(pageSizesFor(list, undefined)).toEqual([10, 500]);
    expect(pageSizesFor(list, { pageSizes: [25] })).toEqual([25]);
    expect(pageSizesFor(operation('Viewer', []), { pageSizes: [25] })).toEqual([]);

    const cases = await planCases([list, operation('Viewer', [])], {}, {}, ctx);
    expect(cases.map((c) => [c.label, c.variables])).toEqual([
      ['IssueList (first: 10)', { first: 10 }],
      ['IssueList (first: 500)', { first: 500 }],
      ['Viewer', {}],
    ]);
  });

  it('takes scenario values first, then lookups by variable name, and sends declared variables only', async () => {
    const detail = operation('IssueDetail', [variable('issueId', true), variable('repositoryId')]);
    const [planned] = await planCases(
      [detail],
      { IssueDetail: { variables: async () => ({ issueId: 7, key: 'ABC-1' }) } },
      { issueId: async () => 99, repositoryId: async () => 3 },
      ctx,
    );
    expect(planned!.variables).toEqual({ issueId: 7, repositoryId: 3 });
    expect(declaredOnly(detail, { issueId: 1, other: 2 })).toEqual({ issueId: 1 });
  });

  it('notes a required variable nobody sets, and skips mutations', async () => {
    const cases = await planCases(
      [operation('IssueDetail', [variable('key', true)]), operation('Touch', [], 'mutation')],
      {},
      {},
      ctx,
    );
    expect(cases[0]!.notes).toEqual(['no value for required $key: Int; add a scenario']);
    expect(cases[1]!.skip).toMatch(/^mutation/);
  });
});

describe('responses', () => {
  it('fails on GraphQL errors with their code, on HTTP errors and on non-JSON', () => {
    expect(responseFailure(200, '{"data":{"viewer":{}}}')).toBeNull();
    expect(
      responseFailure(200, '{"data":null,"errors":[{"message":"no","extensions":{"code":"FORBIDDEN"}}]}'),
    ).toEqual({ code: 'FORBIDDEN', message: 'no' });
    expect(responseFailure(400, '{"errors":[{"message":"bad"}]}')).toEqual({
      code: 'HTTP_400',
      message: 'bad',
    });
    expect(responseFailure(502, 'Bad gateway')?.code).toBe('HTTP_502');
  });

  it('names top-level fields that came back null', () => {
    expect(nullTopLevelFields('{"data":{"issue":null,"viewer":{"role":"ADMIN"}}}')).toEqual(['issue']);
  });
});

describe('results table', () => {
  const result = (overrides: Partial<CaseResult>): CaseResult => ({
    label: 'Viewer',
    operation: 'Viewer',
    file: 'schema/operations/viewer.graphql',
    pageSize: null,
    variables: {},
    status: 'ok',
    failure: null,
    skipReason: null,
    statements: { min: 2, max: 2, read: 2, write: 0, sql: [] },
    embedding: null,
    latency: { samples: 1000, min: 0.5, mean: 1.1, p50: 1.0423, p90: 2, p99: 12.345, max: 20 },
    throughput: null,
    errors: 0,
    notes: [],
    ...overrides,
  });

  it('pads columns and right-aligns numbers as prettier does', async () => {
    const table = renderTable(
      ['operation', 'p50 ms', 'notes'],
      [
        ['Viewer', '1.04', 'a | b'],
        ['IssueList (first: 500)', '12.3', ''],
      ],
      ['left', 'right', 'left'],
    );
    expect(table.split('\n')).toEqual([
      '| operation              | p50 ms | notes  |',
      '| ---------------------- | -----: | ------ |',
      '| Viewer                 |   1.04 | a \\| b |',
      '| IssueList (first: 500) |   12.3 |        |',
    ]);
    expect(await format(table, { parser: 'markdown' })).toBe(`${table}\n`);
  });

  it('renders a measured, a failing and a skipped operation', () => {
    expect(resultRow(result({})).slice(0, 6)).toEqual(['Viewer', '2', '1.04', '12.3', 'n/a', '0']);
    const failing = resultRow(
      result({
        status: 'failing',
        failure: { code: 'FORBIDDEN', message: 'no' },
        latency: null,
        statements: null,
      }),
    );
    expect(failing).toEqual(['Viewer', 'n/a', 'n/a', 'n/a', 'n/a', 'FAILING: FORBIDDEN', 'no']);
    expect(resultRow(result({ status: 'skipped', skipReason: 'mutation' }))[5]).toBe('skipped');
    expect(formatMs(0.5)).toBe('0.50');
    expect(formatMs(250.4)).toBe('250');
  });

  it('checks page-size independence and the cost of embedding', () => {
    const statements = (n: number) => ({ min: n, max: n, read: n, write: 0, sql: [] });
    const checks = deriveChecks([
      result({
        label: 'IssueList (first: 10)',
        operation: 'IssueList',
        pageSize: 10,
        statements: statements(3),
      }),
      result({
        label: 'IssueList (first: 500)',
        operation: 'IssueList',
        pageSize: 500,
        statements: statements(3),
      }),
      result({ label: 'PrList (first: 10)', operation: 'PrList', pageSize: 10, statements: statements(2) }),
      result({ label: 'PrList (first: 500)', operation: 'PrList', pageSize: 500, statements: statements(9) }),
      result({
        label: 'Similar',
        operation: 'Similar',
        statements: statements(101),
        embedding: { selections: 1, values: 100, nonNull: 100, statementsWithout: 1 },
      }),
    ]);
    expect(checks).toEqual([
      'IssueList: statements do not depend on the page size (3 at first: 10, 3 at first: 500)',
      'PrList: WARNING statements grow with the page size (2 at first: 10, 9 at first: 500)',
      'Similar: selecting embedding for 100 rows costs 100 statement(s) (101 with, 1 without): WARNING misses the target',
    ]);
  });
});
