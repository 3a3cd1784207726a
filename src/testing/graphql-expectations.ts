import { expect } from '@jest/globals';

import type { CapturedQuery } from './sql-capture.js';
import type { GraphQLResult, TestApp } from './test-app.js';

/**
 * Small assertions shared by the read-side integration specs: what a client sees (data, error codes)
 * and what the database says (ids and counts by direct SQL on the primary).
 */

/** The data of a response that must succeed; fails with the errors when there are any. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dataOf(result: GraphQLResult): any {
  expect(result.errors ?? []).toEqual([]);
  expect(result.status).toBe(200);
  return result.data;
}

/** `[path, code]` of each error, in order. */
export function errorsOf(result: GraphQLResult): [string, string | undefined][] {
  return (result.errors ?? []).map((error) => [(error.path ?? []).join('.'), error.extensions?.code]);
}

/** The code of the single error of a refused request. */
export function refusal(result: GraphQLResult): string | undefined {
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!.extensions?.code;
}

/**
 * Every `clientId` in a response, by the `__typename` of the object that carried it: what a tenancy
 * test checks after selecting `__typename clientId` at each level of a nested query.
 */
export function clientIdsByType(data: unknown): Record<string, number[]> {
  const found: Record<string, Set<number>> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.clientId === 'number') {
        const type = String(record.__typename ?? '?');
        (found[type] ??= new Set()).add(record.clientId);
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(data);
  return Object.fromEntries(Object.entries(found).map(([type, ids]) => [type, [...ids].sort()]));
}

export async function sqlIds(app: TestApp, sql: string, params: unknown[] = []): Promise<number[]> {
  const rows = await app.testDb.query<{ id: number }>(sql, params);
  return rows.map((row) => Number(row.id));
}

export async function sqlCount(app: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await app.testDb.query<{ count: string | number }>(sql, params);
  return Number(rows[0]!.count);
}

/** The database ids of the two demo clients: 0 is Acme Corp, 1 is Globex. */
export async function demoClientIds(app: TestApp): Promise<{ acme: number; globex: number }> {
  return { acme: (await app.viewer('admin', 0)).clientId, globex: (await app.viewer('admin', 1)).clientId };
}

/** Statements that went to the replica; the others went to the primary. */
export const onReplica = (queries: CapturedQuery[]) => queries.filter((q) => q.connectionType === 'read');

/**
 * Before asserting where statements run: probe the replica now, so a lag blip from a parallel test
 * file (CREATE DATABASE writes megabytes of WAL) is not mistaken for routing to the primary.
 */
export async function replicaCaughtUp(app: TestApp): Promise<void> {
  await app.testDb.waitForReplica();
  await app.database.router.refresh();
}
