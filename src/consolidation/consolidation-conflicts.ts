import type { ConsolidationOptions } from './consolidation-options.js';
import type { ConsolidationSource, SourceClient } from './consolidation-source.js';
import type { ConsolidationTarget } from './consolidation-target.js';
import type { TableCopyPlan } from './copy-plan.js';
import { renamer } from './row-translation.js';

/**
 * Something that would break a key unique across the whole database. Every other unique key of the
 * schema includes the client (or a row of it), and a copied client is always a new client, so these are
 * the only ones a copy can break: the client's name and its users' logins.
 */
export interface Conflict {
  kind: 'client_name' | 'user_email' | 'user_okta_id';
  /** The source client the row belongs to. */
  client: string;
  value: string;
  /** How the operator can resolve it. */
  resolution: string;
}

/**
 * Finds every conflict before anything is written. Rows this source already copied (an earlier,
 * interrupted run) are the target's own now and conflict with nothing.
 */
export async function findConflicts(
  source: ConsolidationSource,
  target: ConsolidationTarget,
  plans: TableCopyPlan[],
  clients: SourceClient[],
  options: Pick<ConsolidationOptions, 'renameClients' | 'renameEmails' | 'renameEmailDomains' | 'batchSize'>,
): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  const rename = renamer(options);
  const mappedClients = await target.mapped(
    source.label,
    'clients',
    clients.map((client) => client.legacyId),
  );
  const newClients = clients.filter((client) => !mappedClients.has(client.legacyId));
  const names = newClients.map((client) => ({
    client,
    name: String(rename('clients', { name: client.name }).name),
  }));
  const taken = new Set(
    (
      await target.query<{ name: string }>(
        'select lower(name) as name from clients where lower(name) = any($1)',
        [names.map((entry) => entry.name.toLowerCase())],
      )
    ).map((row) => row.name),
  );
  const seen = new Set<string>();
  for (const { client, name } of names) {
    const lower = name.toLowerCase();
    if (taken.has(lower) || seen.has(lower)) {
      conflicts.push({
        kind: 'client_name',
        client: client.name,
        value: name,
        resolution: `--rename-client "${client.name}=NEW NAME" or --skip-client "${client.name}"`,
      });
    }
    seen.add(lower);
  }

  const usersPlan = plans.find((plan) => plan.table === 'users')!;
  const nameOf = new Map(clients.map((client) => [client.legacyId, client.name]));
  const emailsSeen = new Set<string>();
  let after: (number | string)[] | null = null;
  for (;;) {
    const rows = await source.batch(
      usersPlan,
      clients.map((client) => client.legacyId),
      after,
      options.batchSize,
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.key;
    const mapped = await target.mapped(
      source.label,
      'users',
      rows.map((row) => row.key[0] as number),
    );
    const fresh = rows
      .filter((row) => !mapped.has(row.key[0] as number))
      .map((row) => ({ row, values: rename('users', row.values) }));
    const emails = fresh.map(({ values }) => String(values.email).toLowerCase());
    const takenEmails = new Set(
      (
        await target.query<{ email: string }>(
          'select lower(email) as email from users where lower(email) = any($1)',
          [emails],
        )
      ).map((row) => row.email),
    );
    const oktaIds = fresh
      .map(({ values }) => values.okta_user_id)
      .filter((value): value is string => typeof value === 'string');
    const takenOkta = new Set(
      (
        await target.query<{ id: string }>(
          'select okta_user_id as id from users where okta_user_id = any($1)',
          [oktaIds],
        )
      ).map((row) => row.id),
    );
    for (const { row, values } of fresh) {
      const email = String(values.email);
      const client = nameOf.get(row.values.client_id as number) ?? String(row.values.client_id);
      if (takenEmails.has(email.toLowerCase()) || emailsSeen.has(email.toLowerCase())) {
        conflicts.push({
          kind: 'user_email',
          client,
          value: email,
          resolution: `--rename-email "${email}=NEW EMAIL", --rename-email-domain "${email.slice(email.lastIndexOf('@') + 1)}=NEW DOMAIN" or --skip-client "${client}"`,
        });
      }
      emailsSeen.add(email.toLowerCase());
      if (typeof values.okta_user_id === 'string' && takenOkta.has(values.okta_user_id)) {
        conflicts.push({
          kind: 'user_okta_id',
          client,
          value: values.okta_user_id,
          resolution: `--skip-client "${client}" (the Okta account is already linked to a user of the target)`,
        });
      }
    }
  }
  return conflicts;
}
