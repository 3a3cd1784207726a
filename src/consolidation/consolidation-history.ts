import { withPgClient } from '../db/pg-client.js';

export interface ConsolidationHistoryEntry {
  id: number;
  source: string;
  sourceKind: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  rowsWritten: number | null;
  seconds: number | null;
  verified: boolean | null;
  validated: boolean | null;
  error: string | null;
  statistics: unknown;
  verification: unknown;
}

/** Every recorded run of `pulse migrate from`, newest first. */
export function consolidationHistory(url: string): Promise<ConsolidationHistoryEntry[]> {
  return withPgClient(url, async (client) => {
    const { rows } = await client.query<Record<string, unknown>>(
      `select id, source, source_kind, status, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as started_at,
              to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as finished_at,
              (select sum((t->>'written')::int) from jsonb_array_elements(statistics->'tables') t) as rows_written,
              (statistics->>'seconds')::float8 as seconds, (verification->>'ok')::boolean as verified,
              (validation->>'ok')::boolean as validated, error, statistics, verification
         from consolidation_runs order by id desc`,
    );
    return rows.map((row) => ({
      id: row.id as number,
      source: row.source as string,
      sourceKind: row.source_kind as string,
      status: row.status as string,
      startedAt: row.started_at as string,
      finishedAt: (row.finished_at as string | null) ?? null,
      rowsWritten: row.rows_written === null ? null : Number(row.rows_written),
      seconds: (row.seconds as number | null) ?? null,
      verified: (row.verified as boolean | null) ?? null,
      validated: (row.validated as boolean | null) ?? null,
      error: (row.error as string | null) ?? null,
      statistics: row.statistics,
      verification: row.verification,
    }));
  });
}
