import type { Dictionary } from '@mikro-orm/core';

/** Name of the default MikroORM filter that scopes rows to the viewer's client. */
export const TENANT_FILTER = 'tenant';

export interface TenantFilterParams {
  clientId: number;
}

/**
 * Builds the filter condition for an entity whose owning client is reached through `path`
 * (`client` on tenant tables, `id` on clients itself, `project.client` on the project join tables).
 * Throws when the params are malformed: a missing client id must never turn into "no filter".
 */
export function tenantCondition(path: string) {
  return (args: Dictionary): Dictionary => {
    const clientId = (args as Partial<TenantFilterParams> | undefined)?.clientId;
    if (!Number.isInteger(clientId)) {
      throw new Error(`tenant filter needs an integer clientId, got ${String(clientId)}`);
    }
    return path
      .split('.')
      .reduceRight<Dictionary | number>((inner, key) => ({ [key]: inner }), clientId!) as Dictionary;
  };
}
