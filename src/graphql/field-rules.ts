import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';

import type { AccessRule } from '../auth/rules.js';

type FieldRule = AccessRule | typeof allow;

/**
 * Every field the API serves registers the rule that guards it, next to the code that declares it (the
 * table API factory, module resolvers). The shield is built from this registry with `fallbackRule:
 * deny`, so a field nobody registered is refused rather than served by accident.
 */
const registry = new Map<string, Map<string, FieldRule>>();
/**
 * Column fields of an entity type (`Issue.summary`) carry the same rule as the type's read rule, and
 * an object of that type is only ever reached through a field guarded by that rule (checked by
 * `unguardedColumnFieldsAreCovered` in the permissions test). Re-running the rule on each of them would
 * make every scalar asynchronous for nothing, so they are served by the plain property resolver.
 */
const columnFields = new Set<string>();
/** The read rule of each entity type, as its column fields carry it. */
const objectRules = new Map<string, FieldRule>();

export function guardColumnFields(
  typeName: string,
  fieldNames: Iterable<string>,
  fieldRule: FieldRule,
): void {
  objectRules.set(typeName, fieldRule);
  for (const name of fieldNames) {
    guardField(typeName, name, fieldRule);
    columnFields.add(`${typeName}.${name}`);
  }
}

export function isColumnField(typeName: string, fieldName: string): boolean {
  return columnFields.has(`${typeName}.${fieldName}`);
}

/**
 * Whether running the field's rule again could not change the answer, so the field may skip the
 * shield's middleware (one promise and a cache lookup per field and row on every page): its rule is
 * `allow` (connections, edges, page info), or it is a column field, or a relation whose rule is the very
 * rule of the object it hangs on. The access rules depend on the request alone (`contextual`), and an
 * object of a type is only ever reached through a field guarded by the type's rule or a stricter one
 * (the permissions test walks every path), so that rule already passed for this request.
 */
export function isCoveredByObjectRule(typeName: string, fieldName: string): boolean {
  const fieldRule = registeredRule(typeName, fieldName);
  if (fieldRule === undefined) return false;
  return fieldRule === allow || isColumnField(typeName, fieldName) || objectRules.get(typeName) === fieldRule;
}

export function registeredRule(typeName: string, fieldName: string): FieldRule | undefined {
  return registry.get(typeName)?.get(fieldName);
}

export function guardField(typeName: string, fieldName: string, fieldRule: FieldRule): void {
  let fields = registry.get(typeName);
  if (!fields) registry.set(typeName, (fields = new Map()));
  const existing = fields.get(fieldName);
  if (existing && existing !== fieldRule) {
    throw new Error(`${typeName}.${fieldName} is guarded by two different rules`);
  }
  fields.set(fieldName, fieldRule);
}

export function guardFields(typeName: string, fieldNames: Iterable<string>, fieldRule: FieldRule): void {
  for (const name of fieldNames) guardField(typeName, name, fieldRule);
}

/** Structural types (connections, edges, page info) carry no data of their own. */
export const openStructure = allow;

export function ruleTree(): IRules {
  return Object.fromEntries(
    [...registry].map(([typeName, fields]) => [typeName, Object.fromEntries(fields)]),
  ) as IRules;
}
