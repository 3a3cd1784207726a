import type { Catalog, CatalogColumn, CatalogConstraint, CatalogTable } from './catalog.js';
import { indexStatement, quoteIdent as q } from './catalog.js';

/** A rule of the target schema that existing rows break; adoption refuses while any exists. */
export type ViolationKind =
  | 'null-in-not-null-column'
  | 'value-too-long'
  | 'duplicate-key'
  | 'check-failed'
  | 'dangling-reference'
  | 'required-column-without-default'
  | 'unknown-column';

export interface ViolationCheck {
  kind: ViolationKind;
  table: string;
  /** The column or constraint the rule belongs to. */
  subject: string;
  /** What the target schema demands, for the operator. */
  rule: string;
  /** Returns one row: `rows` (int) and `first_ids` (text[], at most 5). */
  sql: string;
}

export interface Violation {
  kind: ViolationKind;
  table: string;
  subject: string;
  rule: string;
  rows: number;
  firstIds: string[];
}

export interface SchemaStep {
  sql: string;
  /** The table whose every row this statement rewrites or fills, for the plan's row counts. */
  touches?: string;
  checks: ViolationCheck[];
}

export interface DiffOptions {
  /** `up` never drops a column (an unknown one is a violation); `down` drops what the target lacks. */
  direction: 'up' | 'down';
  /** Tables of the live catalog that are dropped because the target does not have them. */
  dropTables: readonly string[];
  /**
   * The statements the target was built from. A constraint or index is added with its own statement
   * when one is found there: PostgreSQL prints some rules (CHECK ... IN) in a form that parses back into
   * a different tree, so only the original text reproduces the target exactly.
   */
  sourceStatements: readonly string[];
}

const FIRST_IDS = 5;

/**
 * The statements that turn the live schema into the target schema, each with the checks that must find
 * no row before it may run. Tables absent from the target and not listed in `dropTables` are left alone.
 * Order: extensions, new tables, dropped constraints and indexes, columns, renames, new constraints
 * (keys, checks, then foreign keys), indexes (HNSW last), dropped tables, dropped extensions.
 */
export function diffCatalogs(live: Catalog, target: Catalog, options: DiffOptions): SchemaStep[] {
  const phases: SchemaStep[][] = Array.from({ length: 12 }, () => []);
  const add = (phase: number, sql: string, extra: Partial<SchemaStep> = {}) =>
    phases[phase]!.push({ sql, checks: [], ...extra });
  const source = originalStatements(options.sourceStatements);

  for (const extension of target.extensions.filter((name) => !live.extensions.includes(name)))
    add(0, `create extension if not exists ${q(extension)}`);
  for (const table of options.dropTables.filter((name) => live.tables[name] && !target.tables[name]))
    add(1, `drop table ${q(table)}`);

  for (const [tableName, wanted] of Object.entries(target.tables)) {
    const existing = live.tables[tableName];
    if (!existing) {
      add(1, createTableStatement(tableName, wanted));
      for (const [name, constraint] of Object.entries(wanted.constraints))
        add(constraint.type === 'f' ? 7 : 6, source.get(name) ?? addConstraint(tableName, name, constraint));
      for (const [name, shape] of Object.entries(wanted.indexes))
        add(/using hnsw/i.test(shape) ? 9 : 8, source.get(name) ?? indexStatement(name, shape));
      continue;
    }
    diffColumns(tableName, existing, wanted, options, add);
    diffConstraints(tableName, existing, wanted, add, source);
    diffIndexes(tableName, existing, wanted, add, source);
  }

  for (const extension of live.extensions.filter((name) => !target.extensions.includes(name)))
    if (options.direction === 'down') add(11, `drop extension if exists ${q(extension)}`);
  return phases.flat();
}

type AddStep = (phase: number, sql: string, extra?: Partial<SchemaStep>) => void;

function createTableStatement(table: string, wanted: CatalogTable): string {
  const columns = Object.entries(wanted.columns)
    .sort(([, a], [, b]) => a.position - b.position)
    .map(([name, column]) => {
      const serial = column.default?.startsWith('nextval(');
      const type = serial ? (column.type === 'bigint' ? 'bigserial' : 'serial') : column.type;
      const parts = [q(name), type];
      if (column.notNull && !serial) parts.push('not null');
      if (column.default !== null && !serial) parts.push(`default ${column.default}`);
      return parts.join(' ');
    });
  return `create table ${q(table)} (${columns.join(', ')})`;
}

/**
 * All column changes of one table go into one ALTER TABLE: PostgreSQL then rewrites the table once,
 * not once per changed column (issues has a dozen timestamp columns).
 */
function diffColumns(
  table: string,
  existing: CatalogTable,
  wanted: CatalogTable,
  options: DiffOptions,
  add: AddStep,
): void {
  const actions: string[] = [];
  const checks: ViolationCheck[] = [];
  let rewrites = false;
  for (const [name, column] of Object.entries(wanted.columns).sort(
    ([, a], [, b]) => a.position - b.position,
  )) {
    const current = existing.columns[name];
    if (!current) {
      const parts = [`add column ${q(name)} ${column.type}`];
      if (column.default !== null) parts.push(`default ${column.default}`);
      if (column.notNull) parts.push('not null');
      actions.push(parts.join(' '));
      if (column.default !== null) rewrites = true;
      if (column.notNull && column.default === null) {
        checks.push({
          kind: 'required-column-without-default',
          table,
          subject: name,
          rule: `${name} is a new NOT NULL column without a default, so the table must be empty`,
          sql: violationQuery(table, existing, 'true'),
        });
      }
      continue;
    }
    if (current.type !== column.type) {
      actions.push(`alter column ${q(name)} type ${column.type} using ${conversion(name, current, column)}`);
      checks.push(...lengthCheck(table, existing, name, column));
      rewrites = true;
    }
    if (current.default !== column.default) {
      actions.push(
        column.default === null
          ? `alter column ${q(name)} drop default`
          : `alter column ${q(name)} set default ${column.default}`,
      );
    }
    if (current.notNull !== column.notNull) {
      actions.push(`alter column ${q(name)} ${column.notNull ? 'set' : 'drop'} not null`);
      if (column.notNull) {
        checks.push({
          kind: 'null-in-not-null-column',
          table,
          subject: name,
          rule: `${name} is NOT NULL`,
          sql: violationQuery(table, existing, `${q(name)} is null`),
        });
      }
    }
  }
  for (const name of Object.keys(existing.columns).filter((column) => !wanted.columns[column])) {
    if (options.direction === 'down') {
      actions.push(`drop column ${q(name)}`);
      rewrites = true;
    } else {
      // Dropping a column the unified schema does not know would lose its values: the operator decides.
      checks.push({
        kind: 'unknown-column',
        table,
        subject: name,
        rule: `${table} has no column ${name} in the unified schema`,
        sql: violationQuery(table, existing, 'true'),
      });
    }
  }
  if (actions.length > 0) {
    add(4, `alter table ${q(table)} ${actions.join(', ')}`, {
      touches: rewrites ? table : undefined,
      checks,
    });
  } else if (checks.length > 0) {
    add(4, `-- ${table}: columns outside the unified schema`, { checks });
  }
}

function conversion(name: string, from: CatalogColumn, to: CatalogColumn): string {
  const zoned = (type: string) => type === 'timestamp with time zone';
  const naive = (type: string) => type === 'timestamp without time zone';
  // A predecessor timestamp without time zone holds UTC wall-clock time; the same instant either way.
  if ((naive(from.type) && zoned(to.type)) || (zoned(from.type) && naive(to.type)))
    return `${q(name)} at time zone 'UTC'`;
  return `${q(name)}::${to.type}`;
}

function lengthCheck(
  table: string,
  existing: CatalogTable,
  name: string,
  to: CatalogColumn,
): ViolationCheck[] {
  const limit = /^character varying\((\d+)\)$/.exec(to.type)?.[1];
  if (!limit) return [];
  return [
    {
      kind: 'value-too-long',
      table,
      subject: name,
      rule: `${name} holds at most ${limit} characters`,
      sql: violationQuery(table, existing, `char_length(${q(name)}::text) > ${limit}`),
    },
  ];
}

function diffConstraints(
  table: string,
  existing: CatalogTable,
  wanted: CatalogTable,
  add: AddStep,
  source: ReadonlyMap<string, string>,
): void {
  const newColumns = new Set(Object.keys(wanted.columns).filter((column) => !existing.columns[column]));
  const unmatchedWanted = new Map(
    Object.entries(wanted.constraints).filter(([name]) => !existing.constraints[name]),
  );
  for (const [name, constraint] of Object.entries(existing.constraints)) {
    const target = wanted.constraints[name];
    if (target && sameConstraint(target, constraint)) continue;
    if (target) {
      // Same name, other rule (the join tables' foreign keys gain ON DELETE CASCADE): replace it.
      add(constraint.type === 'f' ? 2 : 3, `alter table ${q(table)} drop constraint ${q(name)}`);
      unmatchedWanted.set(name, target);
      continue;
    }
    const twin = [...unmatchedWanted].find(([, candidate]) => sameConstraint(candidate, constraint));
    if (twin) {
      add(5, `alter table ${q(table)} rename constraint ${q(name)} to ${q(twin[0])}`);
      unmatchedWanted.delete(twin[0]);
    } else {
      add(constraint.type === 'f' ? 2 : 3, `alter table ${q(table)} drop constraint ${q(name)}`);
    }
  }
  for (const [name, constraint] of unmatchedWanted) {
    add(constraint.type === 'f' ? 7 : 6, source.get(name) ?? addConstraint(table, name, constraint), {
      checks: constraintChecks(table, existing, name, constraint, newColumns),
    });
  }
}

function sameConstraint(a: CatalogConstraint, b: CatalogConstraint): boolean {
  return a.type === b.type && a.definition === b.definition;
}

function addConstraint(table: string, name: string, constraint: CatalogConstraint): string {
  return `alter table ${q(table)} add constraint ${q(name)} ${constraint.definition}`;
}

function constraintChecks(
  table: string,
  existing: CatalogTable,
  name: string,
  constraint: CatalogConstraint,
  newColumns: ReadonlySet<string>,
): ViolationCheck[] {
  const { definition } = constraint;
  const base = { table, subject: name, rule: definition };
  // A column the diff adds holds only its default, which the rule already allows: nothing to check.
  const words =
    definition
      .split('REFERENCES')[0]!
      .replace(/'[^']*'/g, '')
      .match(/[a-z_][a-z0-9_]*/g) ?? [];
  if (words.some((word) => newColumns.has(word))) return [];
  if (constraint.type === 'p' || constraint.type === 'u') {
    const columns = /\(([^)]*)\)/.exec(definition)?.[1] ?? '';
    const list = columns.split(',').map((column) => column.trim());
    const present = list.map((column) => `${column} is not null`).join(' and ');
    const checks: ViolationCheck[] = [
      {
        ...base,
        kind: 'duplicate-key',
        sql: violationQuery(
          table,
          existing,
          `(${columns}) in (select ${columns} from ${q(table)} where ${present} group by ${columns} having count(*) > 1)`,
        ),
      },
    ];
    if (constraint.type === 'p') {
      checks.push({
        ...base,
        kind: 'null-in-not-null-column',
        sql: violationQuery(table, existing, `not (${present})`),
      });
    }
    return checks;
  }
  if (constraint.type === 'c') {
    const expression = definition.replace(/^CHECK /, '');
    return [
      { ...base, kind: 'check-failed', sql: violationQuery(table, existing, `(${expression}) is false`) },
    ];
  }
  if (constraint.type === 'f') {
    const match = /^FOREIGN KEY \(([^),]+)\) REFERENCES ([^(]+)\(([^),]+)\)/.exec(definition);
    if (!match) throw new Error(`cannot check foreign key ${name}: ${definition}`);
    const [, column, referenced, referencedColumn] = match;
    return [
      {
        ...base,
        kind: 'dangling-reference',
        sql: violationQuery(
          table,
          existing,
          `${column} is not null and not exists (select 1 from ${referenced} r where r.${referencedColumn} = ${q(table)}.${column})`,
        ),
      },
    ];
  }
  return [];
}

function diffIndexes(
  table: string,
  existing: CatalogTable,
  wanted: CatalogTable,
  add: AddStep,
  source: ReadonlyMap<string, string>,
): void {
  const unmatchedWanted = new Map(Object.entries(wanted.indexes).filter(([name]) => !existing.indexes[name]));
  for (const [name, shape] of Object.entries(existing.indexes)) {
    const target = wanted.indexes[name];
    if (target === shape) continue;
    const twin =
      target === undefined ? [...unmatchedWanted].find(([, candidate]) => candidate === shape) : undefined;
    if (twin) {
      add(5, `alter index ${q(name)} rename to ${q(twin[0])}`);
      unmatchedWanted.delete(twin[0]);
      continue;
    }
    add(3, `drop index ${q(name)}`);
    if (target !== undefined) unmatchedWanted.set(name, target);
  }
  for (const [name, shape] of unmatchedWanted) {
    const unique = /^CREATE UNIQUE/.test(shape);
    const checks: ViolationCheck[] = [];
    if (unique) {
      const match = /\(([^)]*)\)(?: WHERE (.*))?$/.exec(shape.replace(/ USING \w+ /, ' '));
      const columns = match?.[1] ?? '';
      const where = match?.[2] ? ` and ${match[2]}` : '';
      const present = columns
        .split(',')
        .map((column) => `${column.trim()} is not null`)
        .join(' and ');
      checks.push({
        kind: 'duplicate-key',
        table,
        subject: name,
        rule: shape,
        sql: violationQuery(
          table,
          existing,
          `(${columns}) in (select ${columns} from ${q(table)} where ${present}${where} group by ${columns} having count(*) > 1)${where}`,
        ),
      });
    }
    add(/using hnsw/i.test(shape) ? 9 : 8, source.get(name) ?? indexStatement(name, shape), { checks });
  }
}

/** Statements that add exactly one named constraint or index, by that name. */
function originalStatements(statements: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const sql of statements) {
    const match =
      /^alter table "?\w+"? add constraint "?(\w+)"? /i.exec(sql) ??
      /^create (?:unique )?index "?(\w+)"? on /i.exec(sql);
    if (match) found.set(match[1]!, sql);
  }
  return found;
}

/** Counts the rows matching `condition` and names the first few by id (or by their key columns). */
function violationQuery(table: string, existing: CatalogTable, condition: string): string {
  const columns = Object.keys(existing.columns);
  const id = columns.includes('id')
    ? { text: `${q('id')}::text`, order: q('id') }
    : {
        text: columns.map((column) => `${q(column)}::text`).join(` || '/' || `),
        order: columns.map(q).join(', '),
      };
  return (
    `select count(*)::int as rows, (array_agg(${id.text} order by ${id.order}))[1:${FIRST_IDS}] as first_ids ` +
    `from ${q(table)} where ${condition}`
  );
}
