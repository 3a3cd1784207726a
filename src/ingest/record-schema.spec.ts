import 'reflect-metadata';

import { describe, expect, it } from '@jest/globals';

import { copyTextRow } from './copy-text.js';
import { BatchBuilder } from './ingest-records.js';
import { RecordValidator } from './record-schema.js';
import type { RecordCheck } from './record-schema.js';
import { RECORD_TYPES, RECORD_TYPES_BY_NAME } from './record-types.js';
import { stageColumns } from './upsert-sql.js';

const issueType = RECORD_TYPES_BY_NAME.get('issue')!;
const issues = new RecordValidator(issueType);

/** The staging row of a checked record, by staging column (the COPY text, unescaped only for `\N`). */
function stagedValues(check: RecordCheck): Map<string, string | null> {
  if (!check.ok) throw new Error(check.reason);
  const names = stageColumns(issueType)
    .slice(1)
    .map((column) => column.name);
  const fields = check.record.fields.split('\t');
  expect(fields).toHaveLength(names.length);
  return new Map(names.map((name, index) => [name, fields[index] === '\\N' ? null : fields[index]!]));
}

describe('RecordValidator (issue)', () => {
  it('accepts a record and fills references, defaults and the natural key', () => {
    const check = issues.check({
      type: 'issue',
      key: 'A-1',
      project: 'A',
      created: '2026-01-01T00:00:00Z',
      description: 'tab\there',
    });
    const values = stagedValues(check);
    expect(values.get('key')).toBe('A-1');
    expect(values.get('ref_project_id')).toBe('A');
    expect(values.get('ref_integration')).toBe('Jira');
    expect(values.get('total_work_starts')).toBe('0');
    expect(values.get('summary')).toBeNull();
    expect(values.get('description')).toBe('tab\\there');
    expect(values.get('embedding')).toBeNull();
    expect(values.get('embedding_given')).toBe('f');
  });

  it.each([
    [{ type: 'issue' }, 'schema: missing field key'],
    [{ type: 'issue', key: 'A-1', colour: 'red' }, 'schema: unknown field colour'],
    [{ type: 'issue', key: 'A'.repeat(51) }, 'schema: key is longer than 50 characters'],
    [
      { type: 'issue', key: 'A-1', created: '2026-01-01 00:00' },
      'schema: created must be an RFC 3339 date-time with an offset',
    ],
    [{ type: 'issue', key: 'A-1', storyPoints: 2 ** 31 }, 'schema: storyPoints must be <= 2147483647'],
    [{ type: 'issue', key: 'A-1', summary: 'nul \u0000' }, 'schema: summary contains a NUL character'],
    [
      { type: 'issue', key: 'A-1', embedding: new Array(1536).fill(0) },
      'embedding: all numbers are zero (no direction to compare)',
    ],
  ])('rejects %j', (record, reason) => {
    expect(issues.check(record)).toEqual({ ok: false, reason });
  });

  it('turns a given embedding into vector text and null into a clear', () => {
    const given = stagedValues(
      issues.check({ type: 'issue', key: 'A-1', embedding: new Array(1536).fill(0.5) }),
    );
    expect(given.get('embedding')?.startsWith('[0.5,0.5,')).toBe(true);
    expect(given.get('embedding_given')).toBe('t');
    const cleared = stagedValues(issues.check({ type: 'issue', key: 'A-1', embedding: null }));
    expect([cleared.get('embedding'), cleared.get('embedding_given')]).toEqual([null, 't']);
  });
});

describe('record types', () => {
  it('list every type after the types it depends on', () => {
    const seen = new Set<string>();
    for (const type of RECORD_TYPES) {
      for (const dependency of type.dependsOn)
        expect([type.name, seen.has(dependency)]).toEqual([type.name, true]);
      seen.add(type.name);
    }
  });
});

describe('copyTextRow', () => {
  it('escapes what would end a COPY field or row, and writes null as \\N', () => {
    expect(copyTextRow(['a\tb\nc\\d\re', null, 3, true])).toBe('a\\tb\\nc\\\\d\\re\t\\N\t3\ttrue\n');
  });
});

describe('BatchBuilder', () => {
  it('starts a new batch where a natural key repeats or the batch is full, so a later record wins', () => {
    const builder = new BatchBuilder(3);
    const placed = ['A-1', 'A-2', 'A-1', 'A-3', 'A-4', 'A-5', 'A-6'].map((key) => {
      const check = issues.check({ type: 'issue', key });
      if (!check.ok) throw new Error(check.reason);
      let ord = builder.place(check);
      if (ord === null) {
        builder.reset();
        ord = -builder.place(check)! - 1;
      }
      return ord;
    });
    // A negative number marks the first row of a new batch.
    expect(placed).toEqual([0, 1, -1, 1, 2, -1, 1]);
  });
});
