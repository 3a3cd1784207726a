import { AsyncLocalStorage } from 'node:async_hooks';

import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/sql';

import { isRetryableOnPrimary } from './connection-errors.js';
import type { ReadRoutingPolicy } from './read-routing-policy.js';
import type { ExecuteFn, ReplicaHealth, ReplicaSlot } from './replica-health.js';

/**
 * Routes the ORM's own reads (em.find, query builders, the migrator's bookkeeping) by the policy.
 *
 * MikroORM's `getConnection('read')` picks a random replica, up or not. This wiring replaces that pick
 * with the policy's (a healthy replica, or the primary when there is none) and wraps each replica
 * connection so a statement that fails there with a connection error marks the replica down and runs
 * once more on the primary. Everything still goes through MikroORM's connections, so its logger sees
 * every statement with the connection type that served it. A request's reads do not come through here:
 * they run in its read session, with the viewer passed explicitly. The one ambient piece left is
 * runOnPrimary, for the migrator, whose reads cannot be handed a connection.
 */
export class OrmReadWiring {
  private readonly primaryOnly = new AsyncLocalStorage<true>();

  constructor(
    orm: MikroORM,
    private readonly primary: AbstractSqlConnection,
    health: ReplicaHealth,
    private readonly policy: ReadRoutingPolicy,
  ) {
    if (health.slots.length === 0) return;
    for (const slot of health.slots) this.retryOnPrimary(slot);
    this.reportPrimaryFailures();
    const driver = orm.em.getDriver();
    // The ORM's reads follow the router; 'write' (and everything in a transaction) stays on the primary.
    driver.getConnection = ((type: 'read' | 'write' = 'write') => {
      if (type === 'write' || this.primaryOnly.getStore()) return this.primary;
      return this.policy.route(null).slot?.connection ?? this.primary;
    }) as typeof driver.getConnection;
  }

  runOnPrimary<T>(fn: () => T): T {
    return this.primaryOnly.run(true, fn);
  }

  /**
   * Writes, credential checks and probes reach the primary through its execute and begin: a connection
   * error there tells the policy at once that the primary is not answering, before the next probe would.
   */
  private reportPrimaryFailures(): void {
    const primary = this.primary;
    const execute = primary.execute.bind(primary) as ExecuteFn;
    const begin = primary.begin.bind(primary);
    const report = (error: unknown): never => {
      this.policy.primaryFailed(error);
      throw error;
    };
    primary.execute = ((...args: Parameters<ExecuteFn>) => execute(...args).catch(report)) as ExecuteFn;
    primary.begin = ((...args: Parameters<typeof begin>) => begin(...args).catch(report)) as typeof begin;
  }

  /**
   * A statement outside a transaction that fails on the replica because the replica is gone (or
   * cancelled it for a recovery conflict) runs once more on the primary, so the request does not fail.
   * Inside a transaction there is nothing to retry: the transaction is lost with its connection.
   */
  private retryOnPrimary(slot: ReplicaSlot): void {
    const execute = (async (query, params, method, ctx, loggerContext) => {
      try {
        return await slot.rawExecute(query, params, method, ctx, loggerContext);
      } catch (error) {
        if (ctx || !isRetryableOnPrimary(error)) throw error;
        this.policy.fellBackToPrimary(slot, error);
        return this.primary.execute(query, params, method, undefined, loggerContext);
      }
    }) as ExecuteFn;
    slot.connection.execute = execute;
  }
}
