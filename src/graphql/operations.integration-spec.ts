import { readFileSync, readdirSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kind, parse, print, visit } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';

import * as generated from '../generated/graphql.js';
import { dataOf, onReplica, replicaCaughtUp } from '../testing/graphql-expectations.js';
import { createTestApp } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';

/**
 * The codegen consumer's view: every operation in schema/operations/*.graphql, sent as written (and as
 * the generated typed document), must run without errors for an admin.
 */
const OPERATIONS_DIR = new URL('../../schema/operations/', import.meta.url);

interface Operation {
  name: string;
  file: string;
  node: OperationDefinitionNode;
  /** The operation and the fragments it spreads, ready to send. */
  document: DocumentNode;
}

function loadOperations(): Operation[] {
  const files = readdirSync(OPERATIONS_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort();
  const parsed = files.map((file) => ({
    file,
    document: parse(readFileSync(new URL(file, OPERATIONS_DIR), 'utf8')),
  }));
  // Like codegen, fragments are global across the files.
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of parsed) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
  const spreadIn = (node: OperationDefinitionNode | FragmentDefinitionNode, into: Set<string>) => {
    visit(node, {
      FragmentSpread(spread) {
        if (into.has(spread.name.value)) return;
        into.add(spread.name.value);
        spreadIn(fragments.get(spread.name.value)!, into);
      },
    });
    return into;
  };
  return parsed.flatMap(({ file, document }) =>
    document.definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((node) => ({
        name: node.name!.value,
        file,
        node,
        document: {
          kind: Kind.DOCUMENT,
          definitions: [node, ...[...spreadIn(node, new Set())].map((name) => fragments.get(name)!)],
        } as DocumentNode,
      })),
  );
}

const OPERATIONS = loadOperations();

describe('schema/operations', () => {
  let app: TestApp;
  /** Values for the operations' required variables, looked up in the database. */
  const lookups: Record<string, () => Promise<unknown>> = {
    // The Acme issue with the most linked pull requests, changelogs and children: a detail page with everything.
    key: async () =>
      (
        await app.testDb.query<{ key: string }>(
          `select i.key from issues i where i.client_id = $1
            order by (select count(*) from jira_pull_request_links l where l.issue_id = i.id) desc,
                     (select count(*) from issues c where c.parent_id = i.id) desc,
                     (select count(*) from issue_changelogs c where c.issue_id = i.id) desc, i.id
            limit 1`,
          [(await app.viewer('admin')).clientId],
        )
      )[0]!.key,
    // Acme's repository with the most pull requests.
    repositoryId: async () =>
      (
        await app.testDb.query<{ id: number }>(
          `select repository_id as id from pull_requests where client_id = $1
            group by 1 order by count(*) desc, 1 limit 1`,
          [(await app.viewer('admin')).clientId],
        )
      )[0]!.id,
  };

  const variablesFor = async (operation: Operation) => {
    const variables: Record<string, unknown> = {};
    for (const definition of operation.node.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      const required = definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue;
      if (!required) continue;
      const lookup = lookups[name];
      if (!lookup) throw new Error(`${operation.file}: no test value for the required variable $${name}`);
      variables[name] = await lookup();
    }
    return variables;
  };

  beforeAll(async () => {
    app = await createTestApp('operations');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('has the dashboard operations', () => {
    expect(OPERATIONS.map((o) => o.name).sort()).toEqual(
      expect.arrayContaining(['AnomalyAlerts', 'IssueDetail', 'IssueList', 'PullRequestList', 'Viewer']),
    );
  });

  it.each(OPERATIONS.map((o) => [o.name, o.file, o] as const))(
    '%s (%s) runs without errors for an admin, on the replica',
    async (_name, _file, operation) => {
      await replicaCaughtUp(app);
      const { result, queries } = await app.statementsOf(print(operation.document), {
        as: 'admin',
        variables: await variablesFor(operation),
      });
      const data = dataOf(result);
      // Every root field answered something: no null where the page expects rows.
      for (const [field, value] of Object.entries(data)) expect([field, value]).not.toEqual([field, null]);
      expect(queries.length).toBeGreaterThan(0);
      expect(onReplica(queries)).toEqual(queries);
    },
  );

  it.each(OPERATIONS.map((o) => [o.name] as const))(
    '%s has an up-to-date generated typed document',
    (name) => {
      const operation = OPERATIONS.find((o) => o.name === name)!;
      const typed = (generated as Record<string, unknown>)[`${name}Document`] as DocumentNode | undefined;
      expect(typed).toBeDefined();
      expect(print(typed!)).toBe(print(operation.document));
    },
  );

  it('fills the issue detail page for the looked-up issue', async () => {
    const operation = OPERATIONS.find((o) => o.name === 'IssueDetail')!;
    const data = dataOf(
      await app.graphql(print(operation.document), { as: 'admin', variables: await variablesFor(operation) }),
    );
    expect(data.issueByKey.project).not.toBeNull();
    expect(data.issueByKey.changelogs.nodes.length).toBeGreaterThan(0);
    expect(data.issueByKey.pullRequests.nodes.length).toBeGreaterThan(0);
  });
});
