import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';

import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import { tableModel } from '../../common/table-api/table-model.js';
import { SqlParams, scopeSql } from '../../common/table-api/table-sql.js';
import type { Row } from '../../common/table-api/table-sql.js';
import type { Context } from '../../context/context.js';
import { Integration } from './integration.entity.js';

/**
 * Whether a secret is stored, without ever reading the secret out of the database. The field itself
 * (type, description) is declared on the entity, so Integration's file shows it.
 */
@Resolver(() => Integration)
export class IntegrationSecretResolver {
  @FieldResolver(() => Boolean)
  hasPassword(
    @Root() integration: Row,
    @Ctx() { loaders, em }: Context,
    @Info() _info: GraphQLResolveInfo,
  ): Promise<boolean> {
    const model = tableModel(em.getMetadata().get(Integration));
    return loaders
      .loader<number, boolean>('Integration.hasPassword', async (ids) => {
        const params = new SqlParams();
        const scope = scopeSql(model, 't', loaders.scope, params);
        const list = params.addList(ids, 'int');
        const rows = await loaders.executor.all<{ id: number; stored: boolean }>(
          `select t."id" as "id", coalesce(t."password", '') <> '' as "stored" from "integrations" as t` +
            ` where ${scope ? `${scope} and ` : ''}t."id" = any(${list})`,
          params.values,
        );
        const stored = new Map(rows.map((row) => [row.id, row.stored]));
        return ids.map((id) => stored.get(id) ?? false);
      })
      .load(integration.id as number);
  }
}

export const integrationsModule: GatewayModule = {
  name: 'integrations',
  // The password column has no GraphQL field, so it is neither selectable, filterable nor orderable.
  tables: [{ entity: Integration, read: isAuthenticated, group: 'supporting' }],
  resolvers: [IntegrationSecretResolver],
  rules: { Integration: { hasPassword: isAuthenticated } },
};
