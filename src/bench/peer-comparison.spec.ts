import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { format } from 'prettier';

import { parseBenchArgs } from './options.js';
import {
  evaluateGoals,
  roundOrder,
  selectComparedOperations,
  summarizeServer,
  withRole,
} from './peer-comparison.js';
import type { ComparedResult, PeerComparison, RoundFigures, ServerName } from './peer-comparison.js';
import { countRows, responseDifferences, sameScalar } from './peer-equivalence.js';
import { COMPARED_OPERATIONS, PEER_NAMES, peerCondition } from './peer-queries.js';
import { cpuBetween, parseProcStat } from './process-usage.js';
import { formatRate, goalLines, renderPeerCpuTable, renderPeerTable } from './report.js';
import { median, ratio } from './stats.js';

const gatewayAnswer = () => ({
  issues: {
    totalCount: 3,
    pageInfo: { hasNextPage: true, endCursor: 'gateway-cursor' },
    nodes: [
      {
        id: 3,
        created: '2026-06-29T21:00:00.000Z',
        storyPoints: 5,
        project: { id: 1, name: 'Public API' },
        pullRequests: {
          totalCount: 2,
          nodes: [{ id: 10, reviews: { nodes: [{ id: 100 }, { id: 101 }] } }, { id: 11 }],
        },
      },
      {
        id: 2,
        created: '2026-06-28T21:00:00.000Z',
        storyPoints: null,
        project: null,
        pullRequests: { totalCount: 0, nodes: [] },
      },
      {
        id: 1,
        created: '2026-06-27T21:00:00.000Z',
        storyPoints: 8,
        project: { id: 2, name: 'Web' },
        pullRequests: { totalCount: 0, nodes: [] },
      },
    ],
  },
});

describe('peer answers against the gateway', () => {
  const options = { rowsPath: ['issues', 'nodes'], valueRows: 2 };

  it('accepts the same data written the way PostGraphile writes it', () => {
    const peer = gatewayAnswer() as ReturnType<typeof gatewayAnswer> & Record<string, unknown>;
    peer.issues.pageInfo.endCursor = 'another-cursor';
    const first = peer.issues.nodes[0] as Record<string, unknown>;
    first.created = '2026-06-29T21:00:00.000000+00:00';
    first.storyPoints = '5';
    expect(responseDifferences(gatewayAnswer(), peer, options)).toEqual([]);
  });

  it('reports rows in another order, a missing nested row and a different count', () => {
    const peer = gatewayAnswer();
    peer.issues.nodes.reverse();
    expect(responseDifferences(gatewayAnswer(), peer, options)).toContain(
      'issues.nodes.0.id: expected 3, got 1',
    );

    const nested = gatewayAnswer();
    nested.issues.nodes[0]!.pullRequests.nodes.pop();
    nested.issues.nodes[0]!.pullRequests.totalCount = 1;
    expect(responseDifferences(gatewayAnswer(), nested, options)).toEqual([
      'issues.nodes.0.pullRequests.totalCount: expected 2, got 1',
      'issues.nodes.0.pullRequests.nodes: expected 2 rows, got 1',
    ]);
  });

  it('compares values in the first rows only, ids and nulls everywhere', () => {
    const peer = gatewayAnswer();
    peer.issues.nodes[1]!.created = '2026-06-28T21:00:01.000Z';
    expect(responseDifferences(gatewayAnswer(), peer, options)).toEqual([
      'issues.nodes.1.created: expected "2026-06-28T21:00:00.000Z", got "2026-06-28T21:00:01.000Z"',
    ]);
    const third = gatewayAnswer();
    third.issues.nodes[2]!.project!.name = 'Other';
    expect(responseDifferences(gatewayAnswer(), third, options)).toEqual([]);
    third.issues.nodes[2]!.project = null;
    expect(responseDifferences(gatewayAnswer(), third, options)).toEqual([
      'issues.nodes.2.project: expected {"id":2,"name":"Web"}, got null',
    ]);
    const review = gatewayAnswer();
    review.issues.nodes[0]!.pullRequests.nodes[0]!.reviews!.nodes[1]!.id = 102;
    expect(responseDifferences(gatewayAnswer(), review, options)).toEqual([
      'issues.nodes.0.pullRequests.nodes.0.reviews.nodes.1.id: expected 101, got 102',
    ]);
  });

  it('reports a field the peer does not return', () => {
    const peer = gatewayAnswer() as { issues: Partial<ReturnType<typeof gatewayAnswer>['issues']> };
    delete peer.issues.totalCount;
    expect(responseDifferences(gatewayAnswer(), peer, options)).toEqual(['issues.totalCount: missing']);
  });

  it('counts the rows it checked, nested ones included', () => {
    expect(countRows(gatewayAnswer())).toBe(3 + 2 + 2 + 2);
  });

  it('treats instants, and numbers written as strings, as the same value', () => {
    expect(sameScalar('2026-06-29T21:00:00.000Z', '2026-06-29T23:00:00+02:00')).toBe(true);
    expect(sameScalar('2026-06-29T21:00:00.000Z', '2026-06-29T21:00:00.001Z')).toBe(false);
    expect(sameScalar(5, '5')).toBe(true);
    expect(sameScalar(5, '')).toBe(false);
    expect(sameScalar('API-1', 'API-2')).toBe(false);
    expect(sameScalar(null, 0)).toBe(false);
  });
});

describe('medians, ratios and rounds', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('divides only known figures by a positive one', () => {
    expect(ratio(150, 100)).toBe(1.5);
    expect(ratio(150, 0)).toBeNull();
    expect(ratio(null, 100)).toBeNull();
  });

  it('starts each round with another server', () => {
    const servers = ['gateway', 'v4', 'v5'];
    expect([0, 1, 2, 3].map((round) => roundOrder(servers, round).join(','))).toEqual([
      'gateway,v4,v5',
      'v4,v5,gateway',
      'v5,gateway,v4',
      'gateway,v4,v5',
    ]);
  });

  it('summarizes rounds by their medians, memory by its largest, errors by their sum', () => {
    const round = (rps: number, rssMiB: number, errors = 0): RoundFigures => ({
      rps,
      p50: rps / 10,
      p99: rps / 5,
      serverCpuMs: 1000 / rps,
      databaseCpuMs: 1,
      rssMiB,
      errors,
    });
    const summary = summarizeServer('gateway', [round(100, 200), round(300, 250, 2), round(200, 220)]);
    expect(summary).toMatchObject({ rps: 200, p50: 20, p99: 40, serverCpuMs: 5, rssMiB: 250, errors: 2 });
  });
});

const comparedResult = (
  operation: string,
  figures: Record<ServerName, { rps: number; p50: number }>,
): ComparedResult => ({
  operation,
  description: COMPARED_OPERATIONS.find((compared) => compared.name === operation)!.description,
  checkedRows: 100,
  servers: (Object.entries(figures) as [ServerName, { rps: number; p50: number }][]).map(([server, f]) =>
    summarizeServer(server, [
      {
        rps: f.rps,
        p50: f.p50,
        p99: f.p50 * 2,
        serverCpuMs: 2.5,
        databaseCpuMs: 1.25,
        rssMiB: 180,
        errors: 0,
      },
    ]),
  ),
});

describe('goals', () => {
  const results = [
    comparedResult('IssueList', {
      gateway: { rps: 240, p50: 5 },
      v4: { rps: 160, p50: 8 },
      v5: { rps: 220, p50: 6 },
    }),
    comparedResult('IssueFlatList', {
      gateway: { rps: 1000, p50: 1 },
      v4: { rps: 900, p50: 1.5 },
      v5: { rps: 1200, p50: 1 },
    }),
    comparedResult('PullRequestList', {
      gateway: { rps: 270, p50: 7 },
      v4: { rps: 190, p50: 9 },
      v5: { rps: 270, p50: 7 },
    }),
  ];

  it('checks each goal of the issue against the medians', () => {
    const goals = evaluateGoals(results);
    expect(goals.map((goal) => [goal.text.split(':')[0], goal.met])).toEqual([
      ['IssueList rps@32', true],
      ['IssueList rps@32', true],
      ['IssueList p50 at 1 connection', true],
      ['IssueFlatList rps@32', false],
      ['PullRequestList rps@32', true],
    ]);
    expect(goals[0]!.ratio).toBe(1.5);
    expect(goals[3]!.ratio).toBeCloseTo(0.833, 3);
  });

  it('leaves out the goals of a peer that was not run', () => {
    const withoutV4 = results.map((result) => ({
      ...result,
      servers: result.servers.filter((server) => server.server !== 'v4'),
    }));
    expect(evaluateGoals(withoutV4).map((goal) => goal.text)).not.toContainEqual(
      expect.stringContaining('v4'),
    );
  });

  it('renders the side-by-side and CPU tables as prettier keeps them, and the goals', async () => {
    const comparison: PeerComparison = {
      peers: ['v4', 'v5'],
      rounds: 3,
      tenancy: 'rls',
      peerRole: 'pulse_app',
      peerDatabase: 'replica',
      results,
      goals: evaluateGoals(results),
    };
    const table = renderPeerTable(comparison, 32);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(
      /^\| query +\| gateway rps@32 \| v4 rps \| v5 rps \| gateway\/v4 \| gateway\/v5 \|/,
    );
    expect(lines[2]).toContain('|            240 |    160 |    220 |      1.50x |      1.09x |');
    expect(lines).toHaveLength(5);
    expect(await format(table, { parser: 'markdown' })).toBe(`${table}\n`);
    const cpu = renderPeerCpuTable(comparison);
    expect(cpu).toContain(
      '| IssueList       | PostGraphile 4.14.1 |                  2.50 |                    1.25 |                 3.75 |     180 |      0 |',
    );
    expect(await format(cpu, { parser: 'markdown' })).toBe(`${cpu}\n`);
    expect(formatRate(12.345)).toBe('12.3');
    expect(formatRate(1234.5)).toBe('1,235');
    expect(goalLines(comparison)[3]).toBe(
      'NOT MET: IssueFlatList rps@32: gateway >= 1.0x PostGraphile v5 (measured 0.83x, goal 1.0x)',
    );
  });
});

describe('peer queries', () => {
  it('are valid documents that take the tenant condition', () => {
    for (const operation of COMPARED_OPERATIONS) {
      for (const peer of PEER_NAMES) {
        const document = parse(operation.peers[peer]);
        const variables = document.definitions.flatMap((definition) =>
          definition.kind === 'OperationDefinition'
            ? (definition.variableDefinitions ?? []).map((variable) => variable.variable.name.value)
            : [],
        );
        expect([operation.name, peer, variables]).toEqual([
          operation.name,
          peer,
          expect.arrayContaining(['condition']),
        ]);
      }
    }
  });

  it('scope the peers by condition only where RLS does not', () => {
    const [issueList, , pullRequestList] = COMPARED_OPERATIONS;
    expect(peerCondition(issueList!, { repositoryId: 7 }, { clientId: 1 })).toEqual({ clientId: 1 });
    expect(peerCondition(issueList!, { repositoryId: 7 }, null)).toBeNull();
    expect(peerCondition(pullRequestList!, { repositoryId: 7 }, null)).toEqual({ repositoryId: 7 });
  });

  it('are selected by name, and an unknown name fails', () => {
    expect(selectComparedOperations([]).map((operation) => operation.name)).toEqual([
      'IssueList',
      'IssueFlatList',
      'PullRequestList',
    ]);
    expect(selectComparedOperations(['PullRequestList']).map((operation) => operation.name)).toEqual([
      'PullRequestList',
    ]);
    expect(() => selectComparedOperations(['IssueDetail'])).toThrow(
      'no compared operation named IssueDetail',
    );
  });

  it('log in as another role on request, keeping host and database', () => {
    expect(withRole('postgresql://postgres@127.0.0.1:55433/pulse_bench', 'pulse_app')).toBe(
      'postgresql://pulse_app@127.0.0.1:55433/pulse_bench',
    );
    expect(withRole('postgresql://postgres@127.0.0.1:55433/pulse_bench', null)).toBe(
      'postgresql://postgres@127.0.0.1:55433/pulse_bench',
    );
  });
});

describe('process CPU from /proc', () => {
  it('reads utime, stime and rss after a command name with spaces and parentheses', () => {
    const stat =
      '4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194304 500 0 0 0 250 50 0 0 20 0 1 0 100 123456789 2560 18446744073709551615';
    expect(parseProcStat(stat, 100)).toEqual({ cpuMs: 3000, rssBytes: 2560 * 4096 });
  });

  it('adds what each process used between two readings, all of a new one', () => {
    const before = new Map([
      [1, 100],
      [2, 50],
    ]);
    const after = new Map([
      [1, 160],
      [2, 50],
      [3, 20],
    ]);
    expect(cpuBetween(before, after)).toBe(80);
  });
});

describe('comparison options', () => {
  it('compares with both peers in three rounds by default', () => {
    expect(parseBenchArgs([])).toMatchObject({
      peers: ['v4', 'v5'],
      compare: [],
      rounds: 3,
      peerRole: null,
      peersOnly: false,
    });
  });

  it('selects peers, operations, rounds and the role', () => {
    expect(
      parseBenchArgs([
        '--peers',
        'v5',
        '--compare',
        'IssueList',
        '--rounds',
        '5',
        '--peer-role',
        'pulse_app',
        '--peers-only',
      ]),
    ).toMatchObject({
      peers: ['v5'],
      compare: ['IssueList'],
      rounds: 5,
      peerRole: 'pulse_app',
      peersOnly: true,
    });
    expect(parseBenchArgs(['--peers', 'none']).peers).toEqual([]);
  });

  it('refuses an unknown peer, no rounds and a comparison without peers', () => {
    expect(() => parseBenchArgs(['--peers', 'v6'])).toThrow('--peers: unknown peer v6');
    expect(() => parseBenchArgs(['--rounds', '0'])).toThrow('--rounds must be at least 1');
    expect(() => parseBenchArgs(['--peers', 'none', '--peers-only'])).toThrow(
      '--peers-only needs at least one peer',
    );
  });
});
