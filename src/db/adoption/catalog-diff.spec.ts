import { describe, expect, it } from '@jest/globals';

import type { Catalog, CatalogTable } from './catalog.js';
import { diffCatalogs } from './catalog-diff.js';

const table = (overrides: Partial<CatalogTable>): CatalogTable => ({
  columns: {},
  constraints: {},
  indexes: {},
  rowSecurity: false,
  policies: {},
  ...overrides,
});
const column = (position: number, type: string, notNull = false, defaultValue: string | null = null) => ({
  position,
  type,
  notNull,
  default: defaultValue,
});

const live: Catalog = {
  extensions: [],
  tables: {
    issues: table({
      columns: {
        id: column(1, 'integer', true, "nextval('issues_id_seq'::regclass)"),
        key: column(2, 'character varying'),
        created: column(3, 'timestamp without time zone'),
        legacy: column(4, 'text'),
      },
      constraints: { pk_issues: { type: 'p', definition: 'PRIMARY KEY (id)' } },
      indexes: { idx_old_key: 'CREATE INDEX ON issues USING btree (key)' },
    }),
  },
};
const target: Catalog = {
  extensions: ['vector'],
  tables: {
    issues: table({
      columns: {
        id: column(1, 'integer', true, "nextval('issues_id_seq'::regclass)"),
        key: column(2, 'character varying(50)', true),
        created: column(3, 'timestamp with time zone'),
        embedding: column(4, 'vector(1536)'),
      },
      constraints: {
        issues_pkey: { type: 'p', definition: 'PRIMARY KEY (id)' },
        uk_issues_key: { type: 'u', definition: 'UNIQUE (key)' },
      },
      indexes: {
        idx_issues_key: 'CREATE INDEX ON issues USING btree (key)',
        idx_issues_embedding_hnsw: 'CREATE INDEX ON issues USING hnsw (embedding vector_cosine_ops)',
      },
    }),
  },
};

describe('diffCatalogs', () => {
  const up = diffCatalogs(live, target, { direction: 'up', dropTables: [], sourceStatements: [] });
  const sql = up.map((step) => step.sql);

  it('creates missing extensions first and HNSW indexes last', () => {
    expect(sql[0]).toBe('create extension if not exists "vector"');
    expect(sql.at(-1)).toBe(
      'CREATE INDEX "idx_issues_embedding_hnsw" ON issues USING hnsw (embedding vector_cosine_ops)',
    );
  });

  it('renames a constraint or index whose rule is the same, instead of rebuilding it', () => {
    expect(sql).toContain('alter table "issues" rename constraint "pk_issues" to "issues_pkey"');
    expect(sql).toContain('alter index "idx_old_key" rename to "idx_issues_key"');
    expect(sql.some((statement) => /drop constraint "pk_issues"/.test(statement))).toBe(false);
  });

  it('changes all columns of a table in one statement (one rewrite), timestamps read as UTC, after checks', () => {
    const columns = up.find((step) => step.sql.includes('"created" type'))!;
    expect(columns.sql).toBe(
      'alter table "issues" alter column "key" type character varying(50) using "key"::character varying(50), ' +
        'alter column "key" set not null, ' +
        `alter column "created" type timestamp with time zone using "created" at time zone 'UTC', ` +
        'add column "embedding" vector(1536)',
    );
    expect(columns.touches).toBe('issues');
    const kinds = up.flatMap((step) => step.checks.map((check) => `${check.kind} ${check.subject}`));
    expect(kinds).toEqual(
      expect.arrayContaining([
        'value-too-long key',
        'null-in-not-null-column key',
        'duplicate-key uk_issues_key',
      ]),
    );
  });

  it('never drops a column going up (it is a violation), and drops it going down', () => {
    expect(sql.some((statement) => statement.includes('drop column'))).toBe(false);
    expect(up.flatMap((step) => step.checks).find((check) => check.kind === 'unknown-column')?.subject).toBe(
      'legacy',
    );
    const down = diffCatalogs(target, live, { direction: 'down', dropTables: [], sourceStatements: [] });
    expect(down.map((step) => step.sql).join('\n')).toMatch(
      /^alter table "issues" .*, drop column "embedding"$/m,
    );
    expect(down.map((step) => step.sql).at(-1)).toBe('drop extension if exists "vector"');
  });

  it('adds a rule with its original statement when the target was built from one', () => {
    const original = 'alter table "issues" add constraint "uk_issues_key" unique ("key")';
    const withSource = diffCatalogs(live, target, {
      direction: 'up',
      dropTables: [],
      sourceStatements: [original],
    });
    expect(withSource.map((step) => step.sql)).toContain(original);
  });
});
