import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';

import type { AccessRule } from '../auth/rules.js';

export type FieldRule = AccessRule | typeof allow;

/** Rules by type and field, as a module hands them to the schema builder: `{ Query: { viewer: isAuthenticated } }`. */
export type FieldRules = Readonly<Record<string, Readonly<Record<string, FieldRule>>>>;

/** Structural types (connections, edges, page info) carry no data of their own. */
export const openStructure = allow;

/** The same rule for several fields of one type. */
export function sameRule(fieldNames: readonly string[], fieldRule: FieldRule): Record<string, FieldRule> {
  return Object.fromEntries(fieldNames.map((name) => [name, fieldRule]));
}

/**
 * The rules of one schema build: every field the API serves gets the rule that guards it from the code
 * that declares it (the table API factory, module contributions). The shield is built from this set
 * with `fallbackRule: deny`, so a field nobody guarded is refused rather than served by accident.
 */
export class FieldRuleSet {
  private readonly rules = new Map<string, Map<string, FieldRule>>();
  /**
   * Column fields of an entity type (`Issue.summary`) carry the same rule as the type's read rule, and
   * an object of that type is only ever reached through a field guarded by that rule (checked by
   * `unguardedColumnFieldsAreCovered` in the permissions test). Re-running the rule on each of them
   * would make every scalar asynchronous for nothing, so they are served by the plain property resolver.
   */
  private readonly columnFields = new Set<string>();
  /** The read rule of each entity type, as its column fields carry it. */
  private readonly objectRules = new Map<string, FieldRule>();

  guard(typeName: string, fieldName: string, fieldRule: FieldRule): void {
    let fields = this.rules.get(typeName);
    if (!fields) this.rules.set(typeName, (fields = new Map()));
    const existing = fields.get(fieldName);
    if (existing && existing !== fieldRule) {
      throw new Error(`${typeName}.${fieldName} is guarded by two different rules`);
    }
    fields.set(fieldName, fieldRule);
  }

  guardFields(typeName: string, fieldNames: Iterable<string>, fieldRule: FieldRule): void {
    for (const name of fieldNames) this.guard(typeName, name, fieldRule);
  }

  guardColumnFields(typeName: string, fieldNames: Iterable<string>, fieldRule: FieldRule): void {
    this.objectRules.set(typeName, fieldRule);
    for (const name of fieldNames) {
      this.guard(typeName, name, fieldRule);
      this.columnFields.add(`${typeName}.${name}`);
    }
  }

  /** Adds a module's rules. */
  add(rules: FieldRules): void {
    for (const [typeName, fields] of Object.entries(rules)) {
      for (const [fieldName, fieldRule] of Object.entries(fields)) this.guard(typeName, fieldName, fieldRule);
    }
  }

  isColumnField(typeName: string, fieldName: string): boolean {
    return this.columnFields.has(`${typeName}.${fieldName}`);
  }

  /**
   * Whether running the field's rule again could not change the answer, so the field may skip the
   * shield's middleware (one promise and a cache lookup per field and row on every page): its rule is
   * `allow` (connections, edges, page info), or it is a column field, or a relation whose rule is the
   * very rule of the object it hangs on. The access rules depend on the request alone (`contextual`), and
   * an object of a type is only ever reached through a field guarded by the type's rule or a stricter one
   * (the permissions test walks every path), so that rule already passed for this request.
   */
  isCoveredByObjectRule(typeName: string, fieldName: string): boolean {
    const fieldRule = this.ruleOf(typeName, fieldName);
    if (fieldRule === undefined) return false;
    return (
      fieldRule === allow ||
      this.isColumnField(typeName, fieldName) ||
      this.objectRules.get(typeName) === fieldRule
    );
  }

  ruleOf(typeName: string, fieldName: string): FieldRule | undefined {
    return this.rules.get(typeName)?.get(fieldName);
  }

  /** graphql-shield's rule tree. */
  tree(): IRules {
    return Object.fromEntries(
      [...this.rules].map(([typeName, fields]) => [typeName, Object.fromEntries(fields)]),
    ) as IRules;
  }
}
