import type { LogContext, Options } from '@mikro-orm/core';

import { TRANSACTION_CONTROL_LABEL } from '../db/read-session.js';

export interface CapturedQuery {
  sql: string;
  /** `write` for the primary, `read` for a replica. */
  connectionType: string | undefined;
  /** The begin (with the tenant setting) and commit/rollback framing a request's read transaction. */
  transactionControl: boolean;
}

/** ORM options that record every SQL statement the ORM sends, for assertions on generated SQL. */
export function captureSql(): { options: Partial<Options>; queries: CapturedQuery[]; clear(): void } {
  const queries: CapturedQuery[] = [];
  const ignore = () => undefined;
  return {
    queries,
    clear: () => void queries.splice(0, queries.length),
    options: {
      debug: ['query'],
      loggerFactory: () => ({
        log: ignore,
        error: ignore,
        warn: ignore,
        setDebugMode: ignore,
        isEnabled: () => true,
        logQuery: (context: LogContext) => {
          // `enabled: false` is MikroORM's per-query opt-out of logging; the read router's replica probes
          // use it, so a background probe never lands between a test's clear() and its assertions.
          if (context.enabled === false) return;
          if (context.query) {
            queries.push({
              sql: context.query,
              connectionType: context.connection?.type,
              transactionControl: context.label === TRANSACTION_CONTROL_LABEL,
            });
          }
        },
      }),
    },
  };
}
