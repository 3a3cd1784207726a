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
