import type pg from 'pg';

/** Tables that record migrations, not data: never compared, never adopted. */
export const BOOKKEEPING_TABLES = ['pulse_migrations', 'pulse_adoption'];

export interface CatalogColumn {
  position: number;
  type: string;
  notNull: boolean;
  default: string | null;
}

export interface CatalogConstraint {
  /** p primary key, u unique, f foreign key, c check. */
  type: string;
  definition: string;
}

export interface CatalogTable {
  columns: Record<string, CatalogColumn>;
  constraints: Record<string, CatalogConstraint>;
  /** Indexes that no constraint owns, by name; the definition without its name and schema. */
  indexes: Record<string, string>;
  rowSecurity: boolean;
  policies: Record<string, string>;
}

export interface Catalog {
  extensions: string[];
  tables: Record<string, CatalogTable>;
}

/**
 * The shape of every ordinary table in one schema, as PostgreSQL describes it: what a fresh install and
 * an adopted database must agree on. Column order is not part of it (ALTER TABLE appends new columns;
 * queries name their columns).
 *
 * Run it with the schema first on the search_path: PostgreSQL prints names (referenced tables,
 * sequences) qualified only when they are not visible, so two schemas read that way compare equal.
 */
export async function readCatalog(client: pg.ClientBase, schema = 'public'): Promise<Catalog> {
  const extensions = await client.query<{ extname: string }>(
    `select extname from pg_extension where extname <> 'plpgsql' order by 1`,
  );
  const tables = await client.query<{ table_name: string; row_security: boolean }>(
    `select c.relname as table_name, c.relrowsecurity as row_security
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and not (c.relname = any($2)) order by 1`,
    [schema, BOOKKEEPING_TABLES],
  );
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    position: number;
    type: string;
    not_null: boolean;
    default_value: string | null;
  }>(
    `select c.relname as table_name, a.attname as column_name, a.attnum as position,
            format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
            pg_get_expr(d.adbin, d.adrelid) as default_value
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
       left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by 1, 3`,
    [schema],
  );
  const constraints = await client.query<{
    table_name: string;
    name: string;
    type: string;
    definition: string;
  }>(
    `select c.relname as table_name, k.conname as name, k.contype as type,
            pg_get_constraintdef(k.oid) as definition
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and k.contype in ('p', 'u', 'f', 'c', 'x') order by 1, 2`,
    [schema],
  );
  const indexes = await client.query<{ table_name: string; name: string; definition: string }>(
    `select t.relname as table_name, i.relname as name, pg_get_indexdef(i.oid) as definition
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = $1 and t.relkind in ('r', 'p')
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid)
      order by 1, 2`,
    [schema],
  );
  const policies = await client.query<{ table_name: string; name: string; definition: string }>(
    `select tablename as table_name, policyname as name,
            concat_ws(' ', permissive, cmd, array_to_string(roles, ','), qual, with_check) as definition
       from pg_policies where schemaname = $1 order by 1, 2`,
    [schema],
  );

  const catalog: Catalog = { extensions: extensions.rows.map((row) => row.extname), tables: {} };
  for (const row of tables.rows) {
    catalog.tables[row.table_name] = {
      columns: {},
      constraints: {},
      indexes: {},
      rowSecurity: row.row_security,
      policies: {},
    };
  }
  for (const row of columns.rows) {
    const table = catalog.tables[row.table_name];
    if (!table) continue;
    table.columns[row.column_name] = {
      position: row.position,
      type: row.type,
      notNull: row.not_null,
      default: row.default_value,
    };
  }
  for (const row of constraints.rows) {
    const table = catalog.tables[row.table_name];
    if (table) table.constraints[row.name] = { type: row.type, definition: row.definition };
  }
  for (const row of indexes.rows) {
    const table = catalog.tables[row.table_name];
    if (table) table.indexes[row.name] = indexShape(row.definition);
  }
  for (const row of policies.rows) {
    const table = catalog.tables[row.table_name];
    if (table) table.policies[row.name] = row.definition;
  }
  return catalog;
}

/** `CREATE INDEX idx ON public.t USING btree (c)` → `CREATE INDEX ON t USING btree (c)`. */
function indexShape(definition: string): string {
  return definition.replace(/ INDEX \S+ ON (ONLY )?(\S+\.)?/, ' INDEX ON $1');
}

/** Puts the index name back into a shape read by readCatalog. */
export function indexStatement(name: string, shape: string): string {
  return shape.replace(/ INDEX ON /, ` INDEX ${quoteIdent(name)} ON `);
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every difference between two catalogs, one line each (`issues.key: type varchar(50) vs character
 * varying`); empty when they agree. Column positions are ignored.
 */
export function describeCatalogDifferences(actual: Catalog, expected: Catalog): string[] {
  const lines: string[] = [];
  const compareSets = (label: string, left: string[], right: string[]) => {
    for (const name of left.filter((item) => !right.includes(item)))
      lines.push(`${label}${name}: only in actual`);
    for (const name of right.filter((item) => !left.includes(item)))
      lines.push(`${label}${name}: only in expected`);
  };
  compareSets('extension ', actual.extensions, expected.extensions);
  const tableNames = Object.keys(actual.tables);
  compareSets('table ', tableNames, Object.keys(expected.tables));
  for (const name of tableNames) {
    const left = actual.tables[name]!;
    const right = expected.tables[name];
    if (!right) continue;
    if (left.rowSecurity !== right.rowSecurity) lines.push(`${name}: row security ${left.rowSecurity}`);
    compareRecords(`${name}.`, left.columns, right.columns, lines, (column) => ({ ...column, position: 0 }));
    compareRecords(`${name} constraint `, left.constraints, right.constraints, lines);
    compareRecords(`${name} index `, left.indexes, right.indexes, lines);
    compareRecords(`${name} policy `, left.policies, right.policies, lines);
  }
  return lines;
}

function compareRecords<T>(
  label: string,
  left: Record<string, T>,
  right: Record<string, T>,
  lines: string[],
  normalise: (value: T) => unknown = (value) => value,
): void {
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const a = left[key];
    const b = right[key];
    if (a === undefined) lines.push(`${label}${key}: only in expected`);
    else if (b === undefined) lines.push(`${label}${key}: only in actual`);
    else if (JSON.stringify(normalise(a)) !== JSON.stringify(normalise(b)))
      lines.push(`${label}${key}: ${JSON.stringify(normalise(a))} vs ${JSON.stringify(normalise(b))}`);
  }
}
