import 'reflect-metadata';

import { beforeAll, describe, expect, it } from '@jest/globals';
import { execute, getNamedType, isInputObjectType, isObjectType, parse } from 'graphql';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { allow } from 'graphql-shield';
import { Field } from 'type-graphql';

import { canEdit, isAdmin, isAuthenticated } from '../auth/rules.js';
import type { AccessRule } from '../auth/rules.js';
import { TableLoaders } from '../common/table-api/table-loaders.js';
import type { Context } from '../context/context.js';
import type { SqlExecutor } from '../db/sql-executor.js';
import type { FieldRuleSet } from '../common/field-rules.js';
import { entityMetadata } from '../db/entity-metadata.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from '../modules/index.js';
import { Viewer } from '../modules/viewer/viewer.resolver.js';
import { buildGatewaySchema } from './build-schema.js';

type FieldRule = AccessRule | typeof allow;
type Caller = 'anonymous' | 'viewer' | 'user' | 'admin';
const CALLERS: readonly Caller[] = ['anonymous', 'viewer', 'user', 'admin'];

/** Who a rule lets through, found by running it for each kind of caller (as the shield would). */
async function admitted(fieldRule: FieldRule): Promise<Set<Caller>> {
  const callers = new Set<Caller>();
  for (const caller of CALLERS) {
    const ctx = {
      viewer: caller === 'anonymous' ? null : { userId: 1, clientId: 1, role: caller },
      _shield: { cache: {} },
    };
    const outcome = await fieldRule.resolve({}, {}, ctx, {} as never, { debug: false } as never);
    if (outcome === true) callers.add(caller);
  }
  return callers;
}

/** The planted field no module registered. */
const PROBE = 'unregisteredProbe';

const isSubset = <T>(inner: Set<T>, outer: Set<T>) => [...inner].every((x) => outer.has(x));

function objectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'),
  );
}

describe('permissions', () => {
  let schema: GraphQLSchema;
  let fieldRules: FieldRuleSet;
  const registeredRule = (typeName: string, fieldName: string) => fieldRules.ruleOf(typeName, fieldName);
  const isColumnField = (typeName: string, fieldName: string) =>
    fieldRules.isColumnField(typeName, fieldName);
  /** Entity type name -> its read rule. */
  const readRules = new Map<string, FieldRule>();
  const admits = new Map<FieldRule, Set<Caller>>();
  const callersOf = (fieldRule: FieldRule | undefined) =>
    fieldRule ? admits.get(fieldRule)! : new Set<Caller>();

  beforeAll(async () => {
    // A field added to a type without registering a rule, as a careless change would. TypeGraphQL
    // reads its metadata once, so the probe is planted before the (only) schema build of this file.
    Reflect.defineMetadata('design:type', String, Viewer.prototype, PROBE);
    Field(() => String, { nullable: true })(Viewer.prototype, PROBE);
    const built = await buildGatewaySchema(GATEWAY_MODULES);
    schema = built.schema;
    fieldRules = built.rules;
    for (const api of built.tables.values()) readRules.set(api.model.className, api.options.read);
    const rules = new Set<FieldRule>([...readRules.values(), isAdmin, canEdit, isAuthenticated, allow]);
    for (const type of objectTypes(schema)) {
      for (const field of Object.values(type.getFields())) {
        const fieldRule = registeredRule(type.name, field.name);
        if (fieldRule) rules.add(fieldRule);
      }
    }
    for (const fieldRule of rules) admits.set(fieldRule, await admitted(fieldRule));
  }, 60_000);

  describe('the rules', () => {
    it('admit the roles their names promise', () => {
      expect([...callersOf(isAuthenticated)].sort()).toEqual(['admin', 'user', 'viewer']);
      expect([...callersOf(canEdit)].sort()).toEqual(['admin', 'user']);
      expect([...callersOf(isAdmin)]).toEqual(['admin']);
      expect([...callersOf(allow)].sort()).toEqual(['admin', 'anonymous', 'user', 'viewer']);
    });
  });

  describe('the registry', () => {
    it('exposes all 28 tables, each with a read rule', () => {
      expect(readRules.size).toBe(28);
      for (const name of readRules.keys()) expect(isObjectType(schema.getType(name))).toBe(true);
    });

    it('has a rule for every field of every object type (but the planted probe)', () => {
      const missing = objectTypes(schema).flatMap((type) =>
        Object.keys(type.getFields())
          .filter((field) => registeredRule(type.name, field) === undefined)
          .map((field) => `${type.name}.${field}`),
      );
      expect(missing).toEqual([`Viewer.${PROBE}`]);
    });

    it('guards every column field with its type read rule, and embedding with isAdmin on every rule run', () => {
      for (const [typeName, readRule] of readRules) {
        const type = schema.getType(typeName) as GraphQLObjectType;
        const columns = Object.keys(type.getFields()).filter((field) => isColumnField(typeName, field));
        expect(columns.length).toBeGreaterThan(0);
        for (const field of columns)
          expect([`${typeName}.${field}`, registeredRule(typeName, field)]).toEqual([
            `${typeName}.${field}`,
            readRule,
          ]);
        if (type.getFields().embedding) {
          // embedding is stricter than the type, so it must keep its own (per-field) rule.
          expect(isColumnField(typeName, 'embedding')).toBe(false);
          expect(registeredRule(typeName, 'embedding')).toBe(isAdmin);
        }
      }
    });

    it("guards every field returning an entity or its connection by the entity's read rule or a stricter one", () => {
      const violations: string[] = [];
      const structuralOf = new Map<string, string>();
      for (const name of readRules.keys()) {
        structuralOf.set(`${name}Connection`, name);
        structuralOf.set(`${name}Edge`, name);
      }
      for (const type of objectTypes(schema)) {
        for (const field of Object.values(type.getFields())) {
          const returned = getNamedType(field.type).name;
          const where = `${type.name}.${field.name} -> ${returned}`;
          const owner = structuralOf.get(type.name);
          const fieldCallers = callersOf(registeredRule(type.name, field.name));
          if (owner !== undefined && (returned === owner || returned === `${owner}Edge`)) {
            // Inside a connection, the rows are reached through nodes / edges.node only.
            if (!['nodes', 'edges', 'node'].includes(field.name)) violations.push(where);
            continue;
          }
          const target = readRules.has(returned) ? returned : structuralOf.get(returned);
          if (target === undefined) continue;
          if (returned.endsWith('Edge') && returned !== target) {
            violations.push(`${where}: an edge outside its connection`);
          } else if (!isSubset(fieldCallers, callersOf(readRules.get(target)))) {
            violations.push(`${where}: admits ${[...fieldCallers].join(',')}`);
          }
        }
      }
      expect(violations).toEqual([]);
    });

    it("lets nobody reach an object of an entity type whom the type's read rule refuses, on any path", () => {
      // Fixed point over the type graph: who can obtain an object of each type, starting at the roots.
      const reach = new Map<string, Set<Caller>>([
        ['Query', new Set(CALLERS)],
        ['Mutation', new Set(CALLERS)],
      ]);
      let changed = true;
      while (changed) {
        changed = false;
        for (const type of objectTypes(schema)) {
          const parents = reach.get(type.name);
          if (!parents) continue;
          for (const field of Object.values(type.getFields())) {
            const returned = getNamedType(field.type).name;
            const into = reach.get(returned) ?? new Set<Caller>();
            for (const caller of callersOf(registeredRule(type.name, field.name))) {
              if (parents.has(caller) && !into.has(caller)) {
                into.add(caller);
                changed = true;
              }
            }
            reach.set(returned, into);
          }
        }
      }
      const overReached = [...readRules]
        .filter(([name, readRule]) => !isSubset(reach.get(name) ?? new Set(), callersOf(readRule)))
        .map(([name]) => `${name}: reached by ${[...reach.get(name)!].join(',')}`);
      expect(overReached).toEqual([]);
      // And the admin-only tables are really admin-only.
      for (const name of [
        'UserSession',
        'UserPermission',
        'AiLearningMemory',
        'MlPredictionLog',
        'MlAnomalyAlert',
      ]) {
        expect([name, [...(reach.get(name) ?? [])]]).toEqual([name, ['admin']]);
      }
    });

    it('takes no client id from the caller: no argument or input field names a client', () => {
      const offending: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith('__')) continue;
        if (isInputObjectType(type)) {
          for (const name of Object.keys(type.getFields())) {
            if (/^client(Id)?$/i.test(name)) offending.push(`${type.name}.${name}`);
          }
        } else if (isObjectType(type)) {
          for (const field of Object.values(type.getFields())) {
            for (const arg of field.args) {
              if (/^client(Id)?$/i.test(arg.name)) offending.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
      expect(offending).toEqual([]);
    });
  });

  describe('a field registered nowhere', () => {
    it('is denied with FORBIDDEN while its registered siblings are served', async () => {
      expect(registeredRule('Viewer', PROBE)).toBeUndefined();
      expect((schema.getType('Viewer') as GraphQLObjectType).getFields()[PROBE]).toBeDefined();

      // The viewer resolver reads its user and client through the loaders; an in-memory executor
      // answers for both so the request reaches the probe field without a database.
      const executor: SqlExecutor = {
        target: 'memory',
        all: async <Row>() =>
          [{ id: 1, active: true, email: 'admin@acme.example', name: 'Acme Corp' }] as Row[],
      };
      const contextValue = {
        viewer: { userId: 1, clientId: 1, role: 'admin' },
        scope: { clientId: 1 },
        loaders: new TableLoaders(executor, { clientId: 1 }),
        // The resolver finds the users and clients tables in the request's ORM metadata.
        em: { getMetadata: () => entityMetadata(GATEWAY_ENTITIES) },
      } as unknown as Context;
      const result = await execute({
        schema,
        document: parse(`{ viewer { role ${PROBE} user { email } } }`),
        contextValue,
      });
      expect(result.errors?.map((e) => [e.path, e.extensions.code])).toEqual([
        [['viewer', PROBE], 'FORBIDDEN'],
      ]);
      expect(result.data).toEqual({
        viewer: { role: 'ADMIN', [PROBE]: null, user: { email: 'admin@acme.example' } },
      });
    });
  });
});
