import type { MetadataStorage } from '@mikro-orm/core';

import type { IntegrityCheck } from './integrity-check.js';
import { crossClientChecks, foreignKeyChecks } from './reference-checks.js';
import { checkedTables } from './table-catalog.js';
import {
  duplicateChecks,
  embeddingChecks,
  enumChecks,
  mlRuleChecks,
  sequenceChecks,
} from './value-checks.js';

/** Every check `pulse validate` runs, generated from the ORM metadata, in the order they are reported. */
export function buildIntegrityChecks(metadata: MetadataStorage): IntegrityCheck[] {
  const tables = checkedTables(metadata);
  return [
    ...foreignKeyChecks(tables),
    ...crossClientChecks(tables),
    ...duplicateChecks(tables),
    ...embeddingChecks(tables),
    ...enumChecks(tables),
    ...sequenceChecks(tables),
    ...mlRuleChecks(tables),
  ];
}

/** The tables the checks read; all must exist before any check runs. */
export function checkedTableNames(checks: IntegrityCheck[]): string[] {
  return [...new Set(checks.map((check) => check.table))].sort();
}
