import { Ctx, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';

import { ROLES } from '../../auth/roles.js';
import type { Role } from '../../auth/roles.js';
import { unauthenticated } from '../../common/errors.js';
import type { Context } from '../../context/context.js';
import { Client } from '../clients/client.entity.js';
import { User } from '../users/user.entity.js';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role.toUpperCase(), role])) as Record<
  Uppercase<Role>,
  Role
>;
registerEnumType(RoleEnum, { name: 'Role', description: 'What the token allows: admin > user > viewer.' });

@ObjectType({ description: 'Who the bearer token belongs to.' })
export class Viewer {
  @Field(() => User)
  user!: User;

  @Field(() => Client)
  client!: Client;

  @Field(() => RoleEnum)
  role!: Role;
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The caller, as identified by the bearer token.' })
  async viewer(@Ctx() { viewer, em }: Context): Promise<Viewer> {
    if (!viewer) throw unauthenticated();
    // Both reads run under the tenant filter: a token whose user is not in its client finds nothing.
    const [user, client] = await Promise.all([
      em.findOne(User, { id: viewer.userId, active: true }),
      em.findOne(Client, { id: viewer.clientId, active: true }),
    ]);
    if (!user || !client) throw unauthenticated('The token does not match an active user of its client');
    return Object.assign(new Viewer(), { user, client, role: viewer.role });
  }
}
