import type { ConsolidationOptions } from './consolidation-options.js';
import { lowerKeys } from './consolidation-options.js';
import type { SourceRow } from './consolidation-source.js';
import type { ConsolidationTarget } from './consolidation-target.js';
import type { TableCopyPlan } from './copy-plan.js';

/** The new ids of the referenced rows of one batch: column -> (legacy id -> new id). */
export type ReferenceLookups = Map<string, Map<number, number>>;

export class UnmappedReferenceError extends Error {}

/**
 * Looks up, in one statement per foreign-key column, the new ids of every row the batch references.
 * Self references (an issue's parent) may not be copied yet: those are allowed to miss and are set by
 * a later pass; any other miss means the source references a row that was not copied.
 */
export async function lookupReferences(
  target: ConsolidationTarget,
  source: string,
  plan: TableCopyPlan,
  rows: SourceRow[],
): Promise<ReferenceLookups> {
  const lookups: ReferenceLookups = new Map();
  for (const reference of plan.references) {
    const legacy = [
      ...new Set(
        rows.map((row) => row.values[reference.column]).filter((value): value is number => value !== null),
      ),
    ];
    const found = await target.mapped(source, reference.target, legacy);
    if (reference.target !== plan.table) {
      const missing = legacy.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new UnmappedReferenceError(
          `source ${plan.table} rows reference ${reference.target} ${missing.slice(0, 5).join(', ')} (${reference.column}), ` +
            'which were not copied: the source has dangling or cross-client references, or the row belongs to a skipped ' +
            'client (run `pulse validate` on the source)',
        );
      }
    }
    lookups.set(reference.column, found);
  }
  return lookups;
}

/** What the operator's renames do to a row: a client's name, a user's email. */
export function renamer(
  options: Pick<ConsolidationOptions, 'renameClients' | 'renameEmails' | 'renameEmailDomains'>,
) {
  const clients = new Map(Object.entries(options.renameClients));
  const emails = lowerKeys(options.renameEmails);
  const domains = lowerKeys(options.renameEmailDomains);
  return (table: string, values: Record<string, unknown>): Record<string, unknown> => {
    if (table === 'clients' && typeof values.name === 'string' && clients.has(values.name)) {
      return { ...values, name: clients.get(values.name) };
    }
    if (table === 'users' && typeof values.email === 'string' && emails.has(values.email.toLowerCase())) {
      return { ...values, email: emails.get(values.email.toLowerCase()) };
    }
    if (table === 'users' && typeof values.email === 'string') {
      const at = values.email.lastIndexOf('@');
      const domain = domains.get(values.email.slice(at + 1).toLowerCase());
      if (at > 0 && domain) return { ...values, email: `${values.email.slice(0, at)}@${domain}` };
    }
    return values;
  };
}

/**
 * The row as it must appear in the target: its new id, every reference through the id map (a self
 * reference not mapped yet stays null until its pass), the renames applied.
 */
export function translateRow(
  plan: TableCopyPlan,
  row: SourceRow,
  newId: number | null,
  lookups: ReferenceLookups,
  rename: ReturnType<typeof renamer>,
): Record<string, unknown> {
  const values: Record<string, unknown> = { ...row.values };
  if (plan.keyKind === 'serial' && newId !== null) values[plan.keyColumns[0]!] = newId;
  for (const reference of plan.references) {
    const legacy = values[reference.column];
    if (legacy === null || legacy === undefined) continue;
    values[reference.column] = lookups.get(reference.column)!.get(legacy as number) ?? null;
  }
  return rename(plan.table, values);
}
