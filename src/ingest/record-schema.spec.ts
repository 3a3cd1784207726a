import 'reflect-metadata';

import { describe, expect, it } from '@jest/globals';

import { copyTextRow } from './copy-text.js';
import { runsWithoutRepeatedKeys } from './ingest-session.js';
import { RecordValidator } from './record-schema.js';
import { RECORD_TYPES, RECORD_TYPES_BY_NAME } from './record-types.js';

const issues = new RecordValidator(RECORD_TYPES_BY_NAME.get('issue')!);

describe('RecordValidator (issue)', () => {
  it('accepts a record and fills references, defaults and the natural key', () => {
    const check = issues.check({ type: 'issue', key: 'A-1', project: 'A', created: '2026-01-01T00:00:00Z' });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.record.values.get('key')).toBe('A-1');
    expect(check.record.values.get('ref_project_id')).toBe('A');
    expect(check.record.values.get('ref_integration')).toBe('Jira');
    expect(check.record.values.get('total_work_starts')).toBe(0);
    expect(check.record.values.get('summary')).toBeNull();
    expect(check.record.embeddingGiven).toBe(false);
    expect(check.record.key).toBe('["A-1"]');
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
    const given = issues.check({ type: 'issue', key: 'A-1', embedding: new Array(1536).fill(0.5) });
    expect(given.ok && given.record.embedding?.startsWith('[0.5,0.5,')).toBe(true);
    const cleared = issues.check({ type: 'issue', key: 'A-1', embedding: null });
    expect(cleared.ok && cleared.record.embeddingGiven && cleared.record.embedding === null).toBe(true);
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

describe('runsWithoutRepeatedKeys', () => {
  it('splits a batch where a natural key repeats, so the later record is applied after the earlier', () => {
    expect(runsWithoutRepeatedKeys([{ key: 'a' }, { key: 'b' }, { key: 'a' }, { key: 'c' }])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });
});
