import type { IngestSession, RowOutcome, StagedBatch } from './ingest-session.js';
import { RecordValidator } from './record-schema.js';
import type { RecordCheck } from './record-schema.js';
import type { RecordType } from './record-types.js';

const validators = new Map<string, RecordValidator>();

/** The validator of a type, compiled once per process (ajv compiles to code). */
export function recordValidator(type: RecordType): RecordValidator {
  let validator = validators.get(type.name);
  if (!validator) validators.set(type.name, (validator = new RecordValidator(type)));
  return validator;
}

/**
 * Collects checked records into staging batches: the one encoder of `pulse import` (which spools the
 * batches to files) and of the `upsert*` mutations (which keep them in memory). A batch never holds a
 * natural key twice (the next batch starts there, so the later record is applied after the earlier)
 * and never more than `batchSize` rows.
 */
export class BatchBuilder {
  private keys = new Set<string>();

  constructor(private readonly batchSize: number) {}

  /** The `ord` the record gets, or null when it must start a new batch (call `reset` first). */
  place(check: Extract<RecordCheck, { ok: true }>): number | null {
    if (this.keys.size >= this.batchSize || this.keys.has(check.record.key)) return null;
    this.keys.add(check.record.key);
    return this.keys.size - 1;
  }

  get count(): number {
    return this.keys.size;
  }

  reset(): void {
    this.keys = new Set();
  }
}

/**
 * Validates and upserts records of one type held in memory (a GraphQL call, at most 1,000 rows):
 * returns one outcome per record, in order. A record that fails its schema is rejected here and never
 * reaches the database. Issue parents are linked by the caller once the issues are in
 * (`IngestSession.linkIssueParents`), since a parent may come after its children.
 */
export async function upsertRecords(
  session: IngestSession,
  type: RecordType,
  records: readonly unknown[],
): Promise<RowOutcome[]> {
  const validator = recordValidator(type);
  const outcomes: RowOutcome[] = new Array<RowOutcome>(records.length);
  const builder = new BatchBuilder(Number.MAX_SAFE_INTEGER);
  let rows: string[] = [];
  let positions: number[] = [];
  const flush = async () => {
    const batch: StagedBatch = { count: rows.length, copyText: [rows.join('')] };
    const applied = await session.upsert(type, batch);
    applied.forEach((outcome, ord) => (outcomes[positions[ord]!] = outcome));
    builder.reset();
    rows = [];
    positions = [];
  };
  for (const [index, raw] of records.entries()) {
    const check = validator.check(raw);
    if (!check.ok) {
      outcomes[index] = { status: 'rejected', reason: check.reason };
      continue;
    }
    let ord = builder.place(check);
    if (ord === null) {
      await flush();
      ord = builder.place(check)!;
    }
    rows.push(`${ord}\t${check.record.fields}\n`);
    positions.push(index);
  }
  if (rows.length > 0) await flush();
  return outcomes;
}
