import { describe, expect, it } from '@jest/globals';

import { SeedWriter, SqlExpression } from './seed-writer.js';
import type { CommonTableExpression, SqlExecutor } from './seed-writer.js';

/** Records statements and answers RETURNING with one row per inserted row. */
function recordingExecutor(): SqlExecutor & { statements: { sql: string; params: unknown[] }[] } {
  const statements: { sql: string; params: unknown[] }[] = [];
  return {
    statements,
    async execute(sql, params = []) {
      statements.push({ sql, params });
      const rows = (sql.match(/\), \(/g)?.length ?? 0) + 1;
      return sql.includes(' returning ') ? Array.from({ length: rows }, (_, id) => ({ id: id + 1 })) : [];
    },
  };
}

const placeholders = (sql: string) => sql.split('?').length - 1;

describe('SeedWriter', () => {
  it('writes one multi-row insert with a placeholder per value and counts the rows', async () => {
    const db = recordingExecutor();
    const writer = new SeedWriter(db);
    await writer.insert('users', [
      { email: 'a@x.example', is_admin: true, last_login_at: null },
      { email: 'b@x.example', is_admin: false, last_login_at: '2026-06-29T00:00:00.000Z' },
    ]);
    expect(db.statements).toEqual([
      {
        sql: 'insert into "users" ("email", "is_admin", "last_login_at") values (?, ?, ?), (?, ?, ?)',
        params: ['a@x.example', true, null, 'b@x.example', false, '2026-06-29T00:00:00.000Z'],
      },
    ]);
    expect(writer.rowCounts()).toEqual({ users: 2 });
  });

  it('splits large batches so no statement passes the bind-parameter budget', async () => {
    const db = recordingExecutor();
    const writer = new SeedWriter(db);
    const rows = Array.from({ length: 5000 }, (_, i) => ({ a: i, b: i, c: i, d: i, e: i, f: i, g: i, h: i }));
    const returned = await writer.insert('issues', rows, { returning: ['id'] });
    expect(db.statements.length).toBeGreaterThan(1);
    for (const { sql, params } of db.statements) {
      expect(params.length).toBeLessThan(65_535);
      expect(placeholders(sql)).toBe(params.length);
    }
    expect(db.statements.flatMap((statement) => statement.params)).toHaveLength(40_000);
    expect(returned).toHaveLength(5000);
    expect(writer.rowCounts()).toEqual({ issues: 5000 });
  });

  it('inlines SQL expressions and puts the CTE they need, with its parameters, first', async () => {
    const db = recordingExecutor();
    const cte: CommonTableExpression = { name: 'basis_cte', sql: 'select ?::int as b', params: [7] };
    await new SeedWriter(db).insert('issues', [
      { key: 'A-1', embedding: new SqlExpression('(select b from basis_cte)', cte) },
      { key: 'A-2', embedding: null },
    ]);
    expect(db.statements[0]).toEqual({
      sql:
        'with "basis_cte" as materialized (select ?::int as b) insert into "issues" ("key", "embedding") ' +
        'values (?, (select b from basis_cte)), (?, ?)',
      params: [7, 'A-1', 'A-2', null],
    });
  });

  it('counts only the rows an on-conflict-do-nothing insert really wrote', async () => {
    const writer = new SeedWriter({ execute: async () => [] });
    await writer.insert('dora_metric_insights', [{ report_year: 2024 }], {
      returning: ['id'],
      onConflictDoNothing: ['report_year'],
    });
    expect(writer.rowCounts()).toEqual({ dora_metric_insights: 0 });
  });

  it('rejects rows with missing values and fragments a placeholder formatter would misread', async () => {
    const writer = new SeedWriter(recordingExecutor());
    await expect(
      writer.insert('users', [{ email: 'a' }, { email: undefined as unknown as string }]),
    ).rejects.toThrow(/no value for email/);
    expect(() => new SqlExpression('select 1 where x = ?')).toThrow(/must not contain/);
  });
});
