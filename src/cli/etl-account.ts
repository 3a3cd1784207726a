import type { SqlEntityManager } from '@mikro-orm/sql';

import type { Viewer } from '../auth/tokens.js';

/**
 * The ETL service account of a client: a user row with role `etl`, no password and auth provider
 * `service`, so it cannot log in, shows up (and can be deactivated) like any account, and its tokens
 * carry a real user id. Created the first time a token is minted for it.
 */
export async function etlViewerForClient(em: SqlEntityManager, idOrName: string): Promise<Viewer | null> {
  const connection = em.getConnection('write');
  const byId = /^\d+$/.test(idOrName);
  const [client] = await connection.execute<{ id: number }[]>(
    byId
      ? 'select id from clients where id = ? and active'
      : 'select id from clients where name = ? and active',
    [byId ? Number(idOrName) : idOrName],
  );
  if (!client) return null;
  const email = `etl@client-${client.id}.service.invalid`;
  const [user] = await connection.execute<{ id: number }[]>(
    `insert into users (client_id, email, first_name, role, auth_provider, is_admin)
     values (?, ?, 'ETL service', 'etl', 'service', false)
     on conflict (email) do update set role = 'etl'
     returning id`,
    [client.id, email],
  );
  return { userId: user!.id, clientId: client.id, role: 'etl' };
}
