import { Ctx, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';

import { ROLES } from '../../auth/roles.js';
import type { Role } from '../../auth/roles.js';
import { unauthenticated } from '../../common/errors.js';
import { tableModel } from '../../common/table-api/table-model.js';
import type { Row } from '../../common/table-api/table-sql.js';
import type { Context } from '../../context/context.js';
import { Client } from '../clients/client.entity.js';
import { User } from '../users/user.entity.js';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role.toUpperCase(), role])) as Record<
  Uppercase<Role>,
  Role
>;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What the token allows: admin > user > viewer; etl: only the bulk upserts.',
});

@ObjectType({ description: 'Who the bearer token belongs to.' })
export class Viewer {
  @Field(() => User)
  user!: Row;

  @Field(() => Client)
  client!: Row;

  @Field(() => RoleEnum)
  role!: Role;
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The caller, as identified by the bearer token.' })
  async viewer(@Ctx() { viewer, loaders, em }: Context): Promise<Viewer> {
    if (!viewer) throw unauthenticated();
    // Both reads are scoped to the token's client: a token whose user is not in its client finds nothing.
    const users = tableModel(em.getMetadata().get(User));
    const clients = tableModel(em.getMetadata().get(Client));
    const [user, client] = await Promise.all([
      loaders.byColumn(users, users.columnsByKey.get('id')!, false).load(viewer.userId),
      loaders.byColumn(clients, clients.columnsByKey.get('id')!, false).load(viewer.clientId),
    ]);
    if (!user?.active || !client?.active) {
      throw unauthenticated('The token does not match an active user of its client');
    }
    return Object.assign(new Viewer(), { user, client, role: viewer.role });
  }
}
