import { AsyncLocalStorage } from 'node:async_hooks';

import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/sql';

import { isRetryableOnPrimary } from './connection-errors.js';
import type { ReadRoutingPolicy } from './read-routing-policy.js';
import type { ExecuteFn, ReplicaHealth, ReplicaSlot } from './replica-health.js';

interface OrmReadScope {
  viewerKey: string | null;
  primaryOnly?: boolean;
}

/**
 * Routes the ORM's own reads (em.find, query builders, the migrator's bookkeeping) by the policy.
 *
 * MikroORM's `getConnection('read')` picks a random replica, up or not. This wiring replaces that pick
 * with the policy's (a healthy replica, or the primary when there is none) and wraps each replica
 * connection so a statement that fails there with a connection error marks the replica down and runs
 * once more on the primary. Everything still goes through MikroORM's connections, so its logger sees
 * every statement with the connection type that served it. The request's own reads do not come through
 * here (they run in a read session); the scope below only carries who reads, for the few ORM reads.
 */
export class OrmReadWiring {
  private readonly scope = new AsyncLocalStorage<OrmReadScope>();

  constructor(
    orm: MikroORM,
    private readonly primary: AbstractSqlConnection,
    health: ReplicaHealth,
    private readonly policy: ReadRoutingPolicy,
  ) {
    if (health.slots.length === 0) return;
    for (const slot of health.slots) this.retryOnPrimary(slot);
    const driver = orm.em.getDriver();
    // The ORM's reads follow the router; 'write' (and everything in a transaction) stays on the primary.
    driver.getConnection = ((type: 'read' | 'write' = 'write') => {
      const store = this.scope.getStore();
      if (type === 'write' || store?.primaryOnly) return this.primary;
      return this.policy.route(store?.viewerKey ?? null).slot?.connection ?? this.primary;
    }) as typeof driver.getConnection;
    // A transaction committed inside a request scope is that viewer's write (flushes commit one too).
    orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: () => {
        const viewerKey = this.scope.getStore()?.viewerKey;
        if (viewerKey) this.policy.noteWrite(viewerKey);
      },
    });
  }

  /** The viewer bound to the current scope; null outside one. */
  currentViewerKey(): string | null {
    return this.scope.getStore()?.viewerKey ?? null;
  }

  runInScope<T>(fn: () => T): T {
    return this.scope.run({ viewerKey: null }, fn);
  }

  runOnPrimary<T>(fn: () => T): T {
    return this.scope.run({ viewerKey: null, primaryOnly: true }, fn);
  }

  bindViewer(viewerKey: string | null): void {
    const store = this.scope.getStore();
    if (store) store.viewerKey = viewerKey;
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
