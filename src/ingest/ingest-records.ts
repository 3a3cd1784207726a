import type { IngestSession, RowOutcome } from './ingest-session.js';
import { RecordValidator } from './record-schema.js';
import type { ValidRecord } from './record-schema.js';
import type { RecordType } from './record-types.js';

const validators = new Map<string, RecordValidator>();

/** The validator of a type, compiled once per process (ajv compiles to code). */
export function recordValidator(type: RecordType): RecordValidator {
  let validator = validators.get(type.name);
  if (!validator) validators.set(type.name, (validator = new RecordValidator(type)));
  return validator;
}

/**
 * Validates and upserts one batch of records of one type: the single code path of `pulse import` and
 * of the `upsert*` mutations. Returns one outcome per record, in order; a record that fails its schema
 * is rejected here and never reaches the database. Issue parents are linked by the caller once the
 * issues are in (`IngestSession.linkIssueParents`), since a parent may come after its children.
 */
export async function upsertRecords(
  session: IngestSession,
  type: RecordType,
  records: readonly unknown[],
): Promise<RowOutcome[]> {
  const validator = recordValidator(type);
  const outcomes: RowOutcome[] = new Array<RowOutcome>(records.length);
  const valid: ValidRecord[] = [];
  const positions: number[] = [];
  records.forEach((raw, index) => {
    const check = validator.check(raw);
    if (check.ok) {
      valid.push(check.record);
      positions.push(index);
    } else {
      outcomes[index] = { status: 'rejected', reason: check.reason };
    }
  });
  const applied = await session.upsert(type, valid);
  applied.forEach((outcome, index) => (outcomes[positions[index]!] = outcome));
  return outcomes;
}
