import type { Database } from '../db/database.js';
import { describeDatabaseError, withTimeout } from '../db/connection-errors.js';
import { ML_SESSION_SETTINGS } from '../db/read-only-session.js';
import type { ReplicaState } from '../db/replica-health.js';
import type { SqlExecutor } from '../db/sql-executor.js';
import { TABLE_CATALOGUE } from '../modules/table-catalogue.js';

/**
 * - healthy: everything this endpoint checks works.
 * - degraded: the gateway serves every request, with less margin: a replica is down or too far behind
 *   (its reads fall back to the primary), an ML table is missing (only the admin ML queries fail), an
 *   installed PostgresML does not answer. HTTP 200: load balancers keep sending traffic.
 * - unhealthy: requests fail: the primary does not answer or the core tables are missing
 *   (/health/database), or no database answers the ML session or pgvector is missing (/health/ml).
 *   HTTP 503.
 * Embedding counts are details and never change the status (anonymous callers do not compute them).
 */
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface HealthReport {
  status: HealthStatus;
  /** For admins only: what was checked, and why the status is not healthy. */
  details: Record<string, unknown>;
}

/** The three ML monitoring tables of seed 001. */
export const ML_TABLES = TABLE_CATALOGUE.filter((table) => table.group === 'ml-monitoring').map(
  (table) => table.tableName,
);
/** Tables every API request family needs; missing ones mean the schema is not there. */
export const CORE_TABLES = [
  'clients',
  'users',
  'projects',
  'issues',
  'repositories',
  'pull_requests',
] as const;

type TableState = 'available' | 'not_available';

const ALL_CLIENTS = 'all clients (row counts only)';

/** `'[1,2,3]'::vector <=> '[1,2,4]'::vector`: 1 - 17 / sqrt(14 * 21). */
const EXPECTED_COSINE_DISTANCE = 1 - 17 / Math.sqrt(14 * 21);

export interface HealthServiceOptions {
  /** A check that takes longer than this fails (a blackholed server must not hang the endpoint). */
  deadlineMs: number;
  /** The embedding counts scan every table; admins refreshing the page reuse them this long. */
  countsTtlMs: number;
  /** Health requests re-probe the replicas at most this often (anonymous callers cannot flood them). */
  replicaRecheckMs: number;
}

const DEFAULTS: HealthServiceOptions = { deadlineMs: 5_000, countsTtlMs: 30_000, replicaRecheckMs: 1_000 };

interface EmbeddingCounts {
  /** Always every client: these are aggregates across tenants, which is why only admins see them. */
  scope: 'all clients (row counts only)';
  countedAt: string;
  target: string;
  tables: Record<string, number>;
}

/** Seed 002's database and ML health checks, on the read router and the primary. */
export class HealthService {
  private readonly options: HealthServiceOptions;
  private counts: { at: number; value: Promise<EmbeddingCounts> } | null = null;
  private lastReplicaCheck = 0;

  constructor(
    private readonly database: Pick<Database, 'kind' | 'orm' | 'router'>,
    options: Partial<HealthServiceOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Primary connection, the core and ML tables, replica health; for admins also the number of rows with an
   * embedding per table. Those counts are aggregates over every client (numbers only, never rows),
   * which is why they are admin details and are not computed at all for other callers.
   */
  async databaseHealth(withDetails: boolean): Promise<HealthReport> {
    const checkedAt = new Date().toISOString();
    const writer = this.database.router.writer();
    const [primary, replicas] = await Promise.all([this.checkPrimary(writer), this.checkReplicas()]);
    const reasons: string[] = [];
    const details: Record<string, unknown> = { checkedAt, database: this.database.kind, primary };
    if (!primary.reachable) {
      reasons.push('the primary does not answer');
      return { status: 'unhealthy', details: { ...details, replicas: replicas.map(publicReplica), reasons } };
    }

    let tables: Record<string, TableState>;
    try {
      tables = await this.deadline(this.tableStates(writer, [...CORE_TABLES, ...ML_TABLES]));
    } catch (error) {
      reasons.push(`the tables could not be checked: ${describeDatabaseError(error)}`);
      return { status: 'unhealthy', details: { ...details, replicas: replicas.map(publicReplica), reasons } };
    }
    const missingCore = CORE_TABLES.filter((table) => tables[table] !== 'available');
    if (missingCore.length > 0) {
      // Without them no request works: the schema is not migrated (or not readable by this role).
      reasons.push(`core tables not available: ${missingCore.join(', ')} (run \`npx pulse migrate up\`)`);
      return {
        status: 'unhealthy',
        details: {
          ...details,
          coreTables: pick(tables, CORE_TABLES),
          replicas: replicas.map(publicReplica),
          reasons,
        },
      };
    }
    const mlTables = pick(tables, ML_TABLES);
    for (const [table, state] of Object.entries(mlTables))
      if (state !== 'available') reasons.push(`ML table ${table} is not available`);
    reasons.push(...replicaReasons(replicas));
    details.coreTables = pick(tables, CORE_TABLES);
    details.mlTables = mlTables;
    details.replicas = replicas.map(publicReplica);
    if (withDetails) {
      details.embeddings = await this.embeddingCounts().catch((error: unknown) => ({
        error: describeDatabaseError(error),
      }));
    }
    details.reasons = reasons;
    return { status: reasons.length > 0 ? 'degraded' : 'healthy', details };
  }

  /**
   * pgvector (installed version and a real vector round trip) and PostgresML, both through the ML
   * session, so the check also proves that session (read only, SET LOCAL) works where it runs; and
   * the replicas. PostgresML is optional: not installed is reported, not degraded; installed and not
   * answering is degraded.
   */
  async mlHealth(): Promise<HealthReport> {
    const checkedAt = new Date().toISOString();
    const replicas = await this.checkReplicas();
    const reasons: string[] = [];
    let session: MlSessionFindings;
    try {
      session = await this.deadline(
        this.database.router.withMlSession((executor) => inspectMlSession(executor)),
      );
    } catch (error) {
      reasons.push(`no database answers the ML session: ${describeDatabaseError(error)}`);
      return {
        status: 'unhealthy',
        details: { checkedAt, database: this.database.kind, replicas: replicas.map(publicReplica), reasons },
      };
    }
    let status: HealthStatus = 'healthy';
    if (!session.pgvector.available) {
      status = 'unhealthy';
      reasons.push(`pgvector is not usable: ${session.pgvector.reason}`);
    }
    if (session.postgresml.installed && !session.postgresml.available) {
      reasons.push(`PostgresML is installed but does not answer: ${session.postgresml.reason}`);
    }
    reasons.push(...replicaReasons(replicas));
    if (status === 'healthy' && reasons.length > 0) status = 'degraded';
    return {
      status,
      details: {
        checkedAt,
        database: this.database.kind,
        mlSession: { target: session.target, readOnly: session.readOnly, settings: session.settings },
        pgvector: session.pgvector,
        postgresml: session.postgresml,
        vectorColumns: session.vectorColumns,
        replicas: replicas.map(publicReplica),
        reasons,
      },
    };
  }

  private async checkPrimary(writer: SqlExecutor) {
    const started = performance.now();
    try {
      await this.deadline(writer.all('select 1 as ok'));
      return { reachable: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      return { reachable: false, error: describeDatabaseError(error) };
    }
  }

  private async checkReplicas(): Promise<ReplicaState[]> {
    const router = this.database.router;
    if (Date.now() - this.lastReplicaCheck < this.options.replicaRecheckMs) return router.replicas();
    this.lastReplicaCheck = Date.now();
    return router.refresh();
  }

  /** Whether each table exists and this role may read it: catalog lookups, no table is scanned. */
  private async tableStates(
    writer: SqlExecutor,
    tables: readonly string[],
  ): Promise<Record<string, TableState>> {
    const rows = await writer.all<{ name: string; available: boolean }>(
      `select name, coalesce(has_table_privilege(to_regclass(name), 'select'), false) as available
         from (values ${tables.map(() => '(?)').join(', ')}) as t(name)`,
      [...tables],
    );
    return Object.fromEntries(
      tables.map((table) => [
        table,
        rows.find((row) => row.name === table)?.available ? 'available' : 'not_available',
      ]),
    );
  }

  private embeddingCounts(): Promise<EmbeddingCounts> {
    if (this.counts && Date.now() - this.counts.at < this.options.countsTtlMs) return this.counts.value;
    const value = this.countEmbeddings();
    this.counts = { at: Date.now(), value };
    value.catch(() => {
      if (this.counts?.value === value) this.counts = null;
    });
    return value;
  }

  /** One statement on the reader, bounded by a server-side statement_timeout as well as the deadline. */
  private async countEmbeddings(): Promise<EmbeddingCounts> {
    const tables = embeddingTables(this.database);
    if (tables.length === 0)
      return { scope: ALL_CLIENTS, countedAt: new Date().toISOString(), target: 'none', tables: {} };
    const timeout = `${Math.max(1, Math.floor(this.options.deadlineMs / 1000))}s`;
    return this.deadline(
      this.database.router.withReadOnlySession({ statement_timeout: timeout }, async (executor) => {
        const rows = await executor.all<{ table_name: string; with_embedding: string | number }>(
          tables
            .map(
              () => `select ? as table_name, count(*) as with_embedding from ?? where embedding is not null`,
            )
            .join(' union all '),
          tables.flatMap((table) => [table, table]),
        );
        return {
          scope: ALL_CLIENTS,
          countedAt: new Date().toISOString(),
          target: executor.target,
          tables: Object.fromEntries(rows.map((row) => [row.table_name, Number(row.with_embedding)])),
        };
      }),
    );
  }

  private deadline<T>(promise: Promise<T>): Promise<T> {
    return withTimeout(promise, this.options.deadlineMs);
  }
}

interface MlSessionFindings {
  target: string;
  readOnly: boolean;
  settings: Record<string, string>;
  pgvector: { available: boolean; version: string | null; cosineDistance?: number; reason?: string };
  postgresml: { installed: boolean; available: boolean; version: string | null; reason?: string };
  vectorColumns: Record<string, string | null>;
}

/** Reads only the catalogs and two literals: nothing of any client. */
async function inspectMlSession(executor: SqlExecutor): Promise<MlSessionFindings> {
  const settingNames = Object.keys(ML_SESSION_SETTINGS);
  const [session] = await executor.all<Record<string, string>>(
    `select current_setting('transaction_read_only') as read_only, ${settingNames
      .map((name) => `current_setting('${name}') as "${name}"`)
      .join(', ')}`,
  );
  const extensions = await executor.all<{ name: string; installed: string | null; on_server: boolean }>(
    `select n.name, e.extversion as installed, exists (select 1 from pg_available_extensions a where a.name = n.name) as on_server
       from (values ('vector'), ('pgml')) as n(name) left join pg_extension e on e.extname = n.name`,
  );
  const vector = extensions.find((row) => row.name === 'vector');
  const pgml = extensions.find((row) => row.name === 'pgml');
  const columns = await executor.all<{ table_name: string; type: string }>(
    `select c.relname as table_name, format_type(a.atttypid, a.atttypmod) as type
       from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relname in (?) and c.relnamespace = current_schema()::regnamespace
        and a.attname = 'embedding' and not a.attisdropped`,
    [['issues', 'pull_requests', 'projects', 'users']],
  );
  const vectorColumns = Object.fromEntries(
    ['issues', 'pull_requests', 'projects', 'users'].map((table) => [
      table,
      columns.find((row) => row.table_name === table)?.type ?? null,
    ]),
  );

  const findings: MlSessionFindings = {
    target: executor.target,
    readOnly: session?.read_only === 'on',
    settings: Object.fromEntries(settingNames.map((name) => [name, session?.[name] ?? ''])),
    pgvector: { available: false, version: vector?.installed ?? null },
    postgresml: { installed: Boolean(pgml?.installed), available: false, version: null },
    vectorColumns,
  };

  if (!pgml?.installed) {
    findings.postgresml.reason = pgml?.on_server
      ? 'the pgml extension is not installed in this database (optional)'
      : 'PostgresML is not available on this server (optional)';
  }

  // Statements that can fail come last: after a failed statement the transaction answers nothing more.
  if (!vector?.installed) {
    findings.pgvector.reason = vector?.on_server
      ? 'the vector extension is not installed in this database'
      : 'the vector extension is not available on this server';
  } else {
    try {
      const [roundTrip] = await executor.all<{ distance: number; echoed: string }>(
        `select ('[1,2,3]'::vector <=> '[1,2,4]'::vector)::float8 as distance, '[1,2,3]'::vector::text as echoed`,
      );
      const distance = Number(roundTrip?.distance);
      findings.pgvector.cosineDistance = distance;
      if (roundTrip?.echoed === '[1,2,3]' && Math.abs(distance - EXPECTED_COSINE_DISTANCE) < 1e-6) {
        findings.pgvector.available = true;
      } else {
        findings.pgvector.reason = `vector round trip returned ${roundTrip?.echoed} at distance ${distance}`;
      }
    } catch (error) {
      findings.pgvector.reason = `vector round trip failed: ${describeDatabaseError(error)}`;
      if (pgml?.installed) findings.postgresml.reason = 'not checked: the vector check failed first';
      return findings;
    }
  }

  if (pgml?.installed) {
    try {
      const [row] = await executor.all<{ version: string }>('select pgml.version() as version');
      findings.postgresml.available = true;
      findings.postgresml.version = row?.version ?? pgml.installed;
    } catch (error) {
      findings.postgresml.reason = describeDatabaseError(error);
    }
  }
  return findings;
}

/** Every table with an embedding column, from the ORM metadata (the 24 business tables at least). */
function embeddingTables(database: Pick<Database, 'orm'>): string[] {
  const tables = new Set<string>();
  for (const meta of database.orm.getMetadata().getAll().values()) {
    if (!meta.abstract && meta.properties.embedding && meta.tableName) tables.add(meta.tableName);
  }
  return [...tables].sort();
}

function pick<K extends string>(
  states: Record<string, TableState>,
  keys: readonly K[],
): Record<K, TableState> {
  return Object.fromEntries(keys.map((key) => [key, states[key] ?? 'not_available'])) as Record<
    K,
    TableState
  >;
}

function replicaReasons(replicas: ReplicaState[]): string[] {
  return replicas
    .filter((replica) => !replica.healthy)
    .map((replica) => `replica ${replica.name} gets no reads: ${replica.error ?? 'not healthy'}`);
}

function publicReplica(replica: ReplicaState) {
  return {
    name: replica.name,
    reachable: replica.reachable,
    healthy: replica.healthy,
    lagBytes: replica.lagBytes,
    lagSeconds: replica.lagSeconds === null ? null : Math.round(replica.lagSeconds * 1000) / 1000,
    checkedAt: replica.checkedAt?.toISOString() ?? null,
    ...(replica.error ? { error: replica.error } : {}),
  };
}
