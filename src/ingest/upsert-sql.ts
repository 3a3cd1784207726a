import type { RecordType, ValueKind } from './record-types.js';

const SQL_TYPE: Record<ValueKind, string> = {
  string: 'text',
  int: 'integer',
  float: 'double precision',
  boolean: 'boolean',
  timestamp: 'timestamptz',
};

/** Staging columns of a type, in COPY order: the row's position, the record's values, the embedding. */
export function stageColumns(type: RecordType): { name: string; sqlType: string }[] {
  return [
    { name: 'ord', sqlType: 'integer' },
    ...type.columns.map((column) => ({ name: column.column, sqlType: SQL_TYPE[column.kind] })),
    ...type.references.flatMap((reference) =>
      reference.parts.map((part) => ({
        name: part.stageColumn,
        sqlType: part.kind === 'int' ? 'integer' : 'text',
      })),
    ),
    { name: 'embedding', sqlType: 'vector' },
    { name: 'embedding_given', sqlType: 'boolean' },
  ];
}

export const stageTable = (type: RecordType) => `pg_temp.ingest_stage_${type.table}`;

/** The SQL of one type's batch, written once per type from its declaration. */
export interface UpsertStatements {
  stageName: string;
  createStage: string;
  truncateStage: string;
  copyStage: string;
  /** Statistics of the staging columns the joins use. */
  analyzeStage: string;
  /** Staged rows whose references name nothing in the client: `ord` and the reason. */
  unresolved: string;
  /** The set-based upsert of the staged rows `$lo <= ord < $hi`, returning each touched row's `ord`. */
  upsert: string;
}

const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function upsertStatements(type: RecordType, clientId: number): UpsertStatements {
  if (!Number.isInteger(clientId) || clientId <= 0) throw new Error('client id must be a positive integer');
  const client = String(clientId);
  const bind = (sql: string) => sql.replaceAll('$client', client);
  const columns = stageColumns(type);
  const stage = stageTable(type);
  const joins = type.references.map((reference, index) => bind(reference.join(`r${index}`))).join('\n  ');

  const missing = type.references.map((reference, index) => {
    const given = reference.parts.map((part) => `s.${part.stageColumn} is not null`).join(' and ');
    return { reference, condition: `(${given} and r${index}.id is null)` };
  });
  const anyMissing = missing.length > 0 ? missing.map((m) => m.condition).join(' or ') : 'false';
  const reasons = missing
    .map(
      ({ reference, condition }) =>
        `case when ${condition} then ${quoteLiteral(reference.describe + ' ')} || ${reference.parts
          .map((part) => `coalesce(s.${part.stageColumn}::text, '')`)
          .join(` || '#' || `)} end`,
    )
    .join(', ');

  // Each target column of the conflict key comes from the staged record or from a resolved reference.
  const sourceOf = (column: string) => {
    const index = type.references.findIndex((reference) => reference.column === column);
    return index >= 0 ? `r${index}.id` : `s.${column}`;
  };
  const currentJoin =
    `left join ${type.table} cur on ${type.tenant ? `cur.client_id = ${client} and ` : ''}` +
    type.conflictColumns.map((column) => `cur.${column} = ${sourceOf(column)}`).join(' and ');

  const targetColumns = [
    ...type.columns.map((column) => column.column),
    ...type.references.map((reference) => reference.column),
    'embedding',
  ];
  const selected = [
    ...type.columns.map((column) => `s.${column.column}`),
    ...type.references.map((_, index) => `r${index}.id`),
    // Absent embedding: the stored one is written back, so the row compares equal and stays unchanged.
    'case when s.embedding_given then s.embedding else cur.embedding end',
  ];
  const updated = targetColumns.filter((column) => !type.conflictColumns.includes(column));
  const selectedOf = (column: string) => selected[targetColumns.indexOf(column)]!;
  // Rows equal to the stored one are left out before the insert: `on conflict do update` would lock
  // (and WAL-log) every conflicting row even when its WHERE then skips the update.
  // The join tables have no id; a key column of a found row is never null either.
  const currentRow = type.tracked ? 'cur.id' : `cur.${type.conflictColumns[0]!}`;
  const changedOrNew = `(${currentRow} is null or (${updated.map((column) => `cur.${column}`).join(', ')}) is distinct from (${updated
    .map(selectedOf)
    .join(', ')}))`;
  const conflictTarget = [
    ...(type.conflictColumns.some((c) => type.references.some((r) => r.column === c)) ? [] : ['client_id']),
    ...type.conflictColumns,
  ];
  const insertColumns = [...(type.tenant ? ['client_id'] : []), ...targetColumns];
  const insertValues = [...(type.tenant ? [client] : []), ...targetColumns];
  const assignments = [
    ...updated.map((column) => `${column} = excluded.${column}`),
    ...(type.tracked ? ['last_updated_at = now()'] : []),
  ];

  return {
    stageName: stage,
    createStage: `create temp table if not exists ${stage.slice('pg_temp.'.length)} (${columns
      .map((column) => `"${column.name}" ${column.sqlType}`)
      .join(', ')})`,
    truncateStage: `truncate ${stage}`,
    analyzeStage: `analyze ${stage} (${[
      'ord',
      ...type.references.flatMap((reference) => reference.parts.map((part) => part.stageColumn)),
      ...type.conflictColumns.filter((column) => columns.some((c) => c.name === column)),
    ].join(', ')})`,
    copyStage: `copy ${stage} (${columns.map((column) => `"${column.name}"`).join(', ')}) from stdin`,
    unresolved: `select s.ord, concat_ws('; ', ${reasons || 'null'}) as reason
from ${stage} s
  ${joins}
where ${anyMissing}`,
    upsert: `with batch as (
  select s.ord, ${selected.map((expression, index) => `${expression} as ${targetColumns[index]}`).join(', ')}
  from ${stage} s
  ${joins}
  ${currentJoin}
  where s.ord >= $1 and s.ord < $2 and not (${anyMissing}) and ${changedOrNew}
), upserted as (
  insert into ${type.table} as t (${insertColumns.join(', ')})
  select ${insertValues.join(', ')} from batch
  on conflict (${conflictTarget.join(', ')}) do update set
    ${assignments.join(',\n    ')}
  where (${updated.map((column) => `t.${column}`).join(', ')}) is distinct from (${updated
    .map((column) => `excluded.${column}`)
    .join(', ')})
  returning (t.xmax = 0) as inserted, ${type.conflictColumns.map((column) => `t.${column}`).join(', ')}
)
select b.ord, u.inserted from upserted u join batch b on ${type.conflictColumns
      .map((column) => `b.${column} = u.${column}`)
      .join(' and ')}`,
  };
}
