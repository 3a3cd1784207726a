import { UnderscoreNamingStrategy } from '@mikro-orm/core';

/**
 * Constraint and index names in the predecessor's style (`idx_issues_project_id`, `fk_issues_project_id`,
 * `uk_users_email`), so operators who know the old schema find what they expect in `\d issues`.
 * Primary keys and sequences keep PostgreSQL's own names (`issues_pkey`, `issues_id_seq`) because
 * `serial` creates those.
 */
export class PulseNamingStrategy extends UnderscoreNamingStrategy {
  override indexName(
    tableName: string,
    columns: string[],
    type: 'primary' | 'foreign' | 'unique' | 'index' | 'sequence' | 'check' | 'default',
  ): string {
    const table = tableName.includes('.') ? tableName.slice(tableName.indexOf('.') + 1) : tableName;
    const cols = columns.map((c) => c.replace(/\./g, '_')).join('_');
    const prefix = { foreign: 'fk', unique: 'uk', index: 'idx', check: 'ck' }[type as string];
    if (!prefix) return super.indexName(tableName, columns, type);
    return truncateIdentifier(cols ? `${prefix}_${table}_${cols}` : `${prefix}_${table}`);
  }
}

/** PostgreSQL silently truncates identifiers past 63 bytes; doing it here keeps the ORM's names equal. */
function truncateIdentifier(name: string): string {
  return name.length <= 63 ? name : name.slice(0, 63);
}
