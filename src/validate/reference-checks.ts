import { offendingRowsSql, quoteIdent, tableAsT } from './integrity-check.js';
import type { IntegrityCheck } from './integrity-check.js';
import type { CheckedTable } from './table-catalog.js';
import { VALUE_REFERENCES, valueMatch, valuePresent } from './value-references.js';
import type { ValueReference } from './value-references.js';

/**
 * foreign_key: a stored id whose row does not exist. The database's constraints normally forbid it,
 * but constraints can be missing (an adopted database), NOT VALID, or bypassed by a restore with
 * triggers disabled; so every relation of the metadata is checked, plus the by-value references.
 */
export function foreignKeyChecks(tables: CheckedTable[]): IntegrityCheck[] {
  const checks: IntegrityCheck[] = [];
  for (const table of tables) {
    for (const fk of table.foreignKeys) {
      const column = `t.${quoteIdent(fk.column)}`;
      checks.push({
        name: 'foreign_key',
        table: table.table,
        rule: fk.column,
        severity: 'error',
        description: `${fk.column} references a missing ${fk.target} row`,
        sql: offendingRowsSql(
          tableAsT(table.table),
          table.keyExpression,
          `${column} is not null and not exists (select 1 from ${quoteIdent(fk.target)} p where p.${quoteIdent(fk.targetColumn)} = ${column})`,
        ),
      });
    }
  }
  for (const reference of VALUE_REFERENCES) {
    const table = tables.find((candidate) => candidate.table === reference.table);
    if (!table) continue;
    checks.push({
      name: 'foreign_key',
      table: reference.table,
      rule: reference.columns.join(','),
      severity: reference.danglingSeverity,
      description: reference.description,
      // Dangling means found nowhere; a match in another client only is a cross_client finding.
      sql: offendingRowsSql(
        tableAsT(reference.table),
        table.keyExpression,
        `${valuePresent(reference)} and not exists (select 1 from ${reference.targetFrom} where ${valueMatch(reference)})`,
      ),
    });
  }
  return checks;
}

/**
 * cross_client: a row that points at a row of another client. Generated from every relation of the
 * metadata between two client-owned tables: the row's own client against its target's, or, for the join
 * tables that have no client of their own, the first target's client against each other target's.
 */
export function crossClientChecks(tables: CheckedTable[]): IntegrityCheck[] {
  const checks: IntegrityCheck[] = [];
  for (const table of tables) {
    const tenantKeys = table.foreignKeys.filter(
      (fk) => fk.targetHasClient && fk.column !== table.clientColumn,
    );
    if (table.clientColumn) {
      const own = `t.${quoteIdent(table.clientColumn)}`;
      for (const fk of tenantKeys) {
        checks.push({
          name: 'cross_client',
          table: table.table,
          rule: fk.column,
          severity: 'error',
          description: `${fk.column} points at a ${fk.target} row of another client`,
          sql: offendingRowsSql(
            tableAsT(table.table),
            table.keyExpression,
            `exists (select 1 from ${quoteIdent(fk.target)} p where p.${quoteIdent(fk.targetColumn)} = t.${quoteIdent(fk.column)} and p."client_id" <> ${own})`,
          ),
        });
      }
    } else if (tenantKeys.length > 1) {
      const [anchor, ...others] = tenantKeys;
      for (const fk of others) {
        checks.push({
          name: 'cross_client',
          table: table.table,
          rule: `${anchor!.column},${fk.column}`,
          severity: 'error',
          description: `${anchor!.column} and ${fk.column} point at rows of two different clients`,
          sql: offendingRowsSql(
            tableAsT(table.table),
            table.keyExpression,
            `exists (select 1 from ${quoteIdent(anchor!.target)} a, ${quoteIdent(fk.target)} b
              where a.${quoteIdent(anchor!.targetColumn)} = t.${quoteIdent(anchor!.column)}
                and b.${quoteIdent(fk.targetColumn)} = t.${quoteIdent(fk.column)} and a."client_id" <> b."client_id")`,
          ),
        });
      }
    }
  }
  for (const reference of VALUE_REFERENCES) {
    const table = tables.find((candidate) => candidate.table === reference.table);
    if (table?.clientColumn) checks.push(valueCrossClientCheck(table, reference));
  }
  return checks;
}

function valueCrossClientCheck(table: CheckedTable, reference: ValueReference): IntegrityCheck {
  const own = `t.${quoteIdent(table.clientColumn!)}`;
  const match = valueMatch(reference);
  return {
    name: 'cross_client',
    table: reference.table,
    rule: reference.columns.join(','),
    severity: 'error',
    description: `${reference.columns.join(', ')} resolves only in another client`,
    sql: offendingRowsSql(
      tableAsT(reference.table),
      table.keyExpression,
      `${valuePresent(reference)}
        and not exists (select 1 from ${reference.targetFrom} where ${match} and ${reference.targetClient} = ${own})
        and exists (select 1 from ${reference.targetFrom} where ${match} and ${reference.targetClient} <> ${own})`,
    ),
  };
}
