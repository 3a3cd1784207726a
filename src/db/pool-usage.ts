import type { MikroORM } from '@mikro-orm/core';

/** How full one connection pool is, for the metrics scrape. */
export interface PoolUsage {
  /** `primary`, or the replica's configured name (`replica-1`, ...). */
  pool: string;
  /** Connections open (idle or lent out). */
  total: number;
  idle: number;
  /** Callers queued for a connection: above zero means the pool is the bottleneck. */
  waiting: number;
  /** The pool's size limit. */
  max: number;
}

interface PgPoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

interface ConnectionLike {
  getNativeClient(): Promise<unknown>;
}

/**
 * The `pg` pools behind the primary and each replica connection. The embedded database has no pool
 * (one in-process session), so it reports none. A pool that was never opened reports nothing rather
 * than opening one for the scrape.
 */
export async function poolUsage(orm: MikroORM, kind: 'postgresql' | 'embedded'): Promise<PoolUsage[]> {
  if (kind !== 'postgresql') return [];
  const driver = orm.em.getDriver() as unknown as {
    getConnection(type: 'write'): ConnectionLike;
    replicas?: ConnectionLike[];
  };
  const configured = (orm.config.get('replicas') ?? []) as { name?: string }[];
  const connections: [string, ConnectionLike][] = [
    ['primary', driver.getConnection('write')],
    ...(driver.replicas ?? []).map((connection, index): [string, ConnectionLike] => [
      configured[index]?.name ?? `replica-${index + 1}`,
      connection,
    ]),
  ];
  const usage: PoolUsage[] = [];
  for (const [pool, connection] of connections) {
    const native = await connection.getNativeClient().catch(() => null);
    if (!isPgPool(native)) continue;
    usage.push({
      pool,
      total: native.totalCount,
      idle: native.idleCount,
      waiting: native.waitingCount,
      max: native.options?.max ?? 10,
    });
  }
  return usage;
}

function isPgPool(value: unknown): value is PgPoolLike {
  return typeof value === 'object' && value !== null && 'totalCount' in value && 'waitingCount' in value;
}
