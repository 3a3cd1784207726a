import { isDeepStrictEqual } from 'node:util';

import { quoteIdent } from '../validate/integrity-check.js';
import type { ConsolidationSource, SourceRow } from './consolidation-source.js';
import type { ConsolidationTarget } from './consolidation-target.js';
import type { TableCopyPlan } from './copy-plan.js';
import { lookupReferences, translateRow } from './row-translation.js';
import type { renamer } from './row-translation.js';

export interface TableVerification {
  table: string;
  /** Source rows compared. */
  checked: number;
  /** Source rows with no target row through the id map. */
  missing: number;
  /** Source rows whose target row has other values (references compared through the id map). */
  different: number;
  /** The first offending source keys. */
  sample: (number | string)[];
}

export interface Verification {
  ok: boolean;
  tables: TableVerification[];
}

/**
 * Reads every source row of the copied clients again and compares it with its target row: the target
 * row must equal the source row with its id and references rewritten through the id map and the renames
 * applied. Global reference rows the target already had are compared on their natural key only.
 */
export async function verifyCopy(
  source: ConsolidationSource,
  target: ConsolidationTarget,
  plans: TableCopyPlan[],
  clientIds: number[],
  batchSize: number,
  rename: ReturnType<typeof renamer>,
): Promise<Verification> {
  const tables: TableVerification[] = [];
  for (const plan of plans) {
    const result: TableVerification = { table: plan.table, checked: 0, missing: 0, different: 0, sample: [] };
    let after: (number | string)[] | null = null;
    for (;;) {
      const rows = await source.batch(plan, clientIds, after, batchSize);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.key;
      await verifyBatch(source, target, plan, rows, rename, result);
    }
    tables.push(result);
  }
  return { ok: tables.every((table) => table.missing === 0 && table.different === 0), tables };
}

async function verifyBatch(
  source: ConsolidationSource,
  target: ConsolidationTarget,
  plan: TableCopyPlan,
  rows: SourceRow[],
  rename: ReturnType<typeof renamer>,
  result: TableVerification,
): Promise<void> {
  const note = (row: SourceRow, kind: 'missing' | 'different') => {
    result[kind] += 1;
    if (result.sample.length < 10) result.sample.push(row.key.join('/'));
  };
  result.checked += rows.length;
  const lookups = await lookupReferences(target, source.label, plan, rows);
  if (plan.keyKind === 'serial') {
    const ids = await target.mapped(
      source.label,
      plan.table,
      rows.map((row) => row.key[0] as number),
    );
    const column = quoteIdent(plan.keyColumns[0]!);
    const found = await target.query<{ values: Record<string, unknown> }>(
      `select to_jsonb(t) as values from ${quoteIdent(plan.table)} t where t.${column} = any($1::int[])`,
      [[...ids.values()]],
    );
    const byId = new Map(found.map((row) => [row.values[plan.keyColumns[0]!] as number, row.values]));
    for (const row of rows) {
      const id = ids.get(row.key[0] as number);
      const actual = id === undefined ? undefined : byId.get(id);
      if (!actual) {
        note(row, 'missing');
        continue;
      }
      const expected = translateRow(plan, row, id!, lookups, rename);
      const compared = plan.scope.kind === 'global' ? plan.naturalKey : plan.columns;
      if (!compared.every((name) => isDeepStrictEqual(expected[name], actual[name]))) note(row, 'different');
    }
    return;
  }
  const expected = rows.map((row) => translateRow(plan, row, null, lookups, rename));
  const [first, second] = plan.keyColumns as [string, string];
  const found = await target.query<{ values: Record<string, unknown> }>(
    `select to_jsonb(t) as values from ${quoteIdent(plan.table)} t
       join unnest($1::int[], $2::int[]) as k(a, b) on t.${quoteIdent(first)} = k.a and t.${quoteIdent(second)} = k.b`,
    [expected.map((values) => values[first]), expected.map((values) => values[second])],
  );
  const byKey = new Map(
    found.map((row) => [`${String(row.values[first])}/${String(row.values[second])}`, row.values]),
  );
  rows.forEach((row, index) => {
    const values = expected[index]!;
    const actual = byKey.get(`${String(values[first])}/${String(values[second])}`);
    if (!actual) note(row, 'missing');
    else if (!plan.columns.every((name) => isDeepStrictEqual(values[name], actual[name])))
      note(row, 'different');
  });
}
