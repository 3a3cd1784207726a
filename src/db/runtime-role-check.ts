import { withPgClient } from './pg-client.js';

/** What one database connection's role could do around row level security. */
export interface RuntimeRoleReport {
  /** The role the connection logged in as. */
  role: string;
  /** Why its queries would not be held to the tenant policies; empty when they would be. */
  bypasses: string[];
}

interface RoleFacts {
  role: string;
  superuser: boolean;
  bypassrls: boolean;
  /** Other superuser or BYPASSRLS roles this one is a member of (it could SET ROLE to them). */
  powerful_roles: string[];
  /** Tenant tables whose owner this role is or belongs to, where RLS is not forced on the owner. */
  owned_tables: string[];
  missing_tables: string[];
  tables_without_rls: string[];
  tables_without_policy: string[];
  /** A tenant preset for every session (ALTER ROLE/DATABASE ... SET pulse.client_id). */
  preset_client: string | null;
}

// One statement, so the check costs one round trip per connection at start-up. Owner and membership go
// through pg_has_role(..., 'MEMBER'): PostgreSQL exempts anyone with the owner's privileges from RLS,
// and a member without INHERIT could still SET ROLE to the owner.
const ROLE_FACTS_SQL = `
with me as (select * from pg_roles where rolname = current_user),
tenant as (
  select t.name, c.oid, c.relowner, c.relrowsecurity, c.relforcerowsecurity
    from unnest($1::text[]) as t(name)
    left join pg_class c on c.relname = t.name and c.relkind in ('r', 'p')
     and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
)
select me.rolname as role, me.rolsuper as superuser, me.rolbypassrls as bypassrls,
       array(select r.rolname::text from pg_roles r
              where (r.rolsuper or r.rolbypassrls) and r.oid <> me.oid and pg_has_role(me.oid, r.oid, 'MEMBER')
              order by 1) as powerful_roles,
       array(select name from tenant where oid is not null and not relforcerowsecurity
                and pg_has_role(me.oid, relowner, 'MEMBER') order by 1) as owned_tables,
       array(select name from tenant where oid is null order by 1) as missing_tables,
       array(select name from tenant where oid is not null and not relrowsecurity order by 1) as tables_without_rls,
       array(select name from tenant where oid is not null
                and not exists (select 1 from pg_policy p where p.polrelid = tenant.oid) order by 1) as tables_without_policy,
       nullif(current_setting('pulse.client_id', true), '') as preset_client
  from me`;

/**
 * Tells whether the role behind `url` could read or write past the tenant policies of `tenantTables`:
 * a superuser, BYPASSRLS, a member of a role that is either, the owner (or a member of the owner) of a
 * tenant table whose RLS is not forced, a tenant table without RLS or without a policy, or a client id
 * preset for every session.
 */
export async function checkRuntimeRole(url: string, tenantTables: string[]): Promise<RuntimeRoleReport> {
  const facts = await withPgClient(url, (client) =>
    client.query<RoleFacts>(ROLE_FACTS_SQL, [tenantTables]).then((result) => result.rows[0]!),
  );
  const bypasses: string[] = [];
  if (facts.superuser) bypasses.push('it is a superuser');
  if (facts.bypassrls) bypasses.push('it has BYPASSRLS');
  // A superuser is a member of every role and may do anything: naming each role and table adds nothing.
  if (!facts.superuser) {
    if (facts.powerful_roles.length > 0)
      bypasses.push(`it is a member of ${listOf(facts.powerful_roles)} (superuser or BYPASSRLS)`);
    if (facts.owned_tables.length > 0)
      bypasses.push(`it owns, or is a member of the owner of, ${listOf(facts.owned_tables)}`);
  }
  if (facts.missing_tables.length > 0)
    bypasses.push(`tenant tables are missing: ${listOf(facts.missing_tables)} (run \`pulse migrate up\`)`);
  if (facts.tables_without_rls.length > 0)
    bypasses.push(
      `row level security is off on ${listOf(facts.tables_without_rls)} (run \`pulse migrate up\`)`,
    );
  if (facts.tables_without_policy.length > 0)
    bypasses.push(`no policy on ${listOf(facts.tables_without_policy)}`);
  if (facts.preset_client !== null)
    bypasses.push(`pulse.client_id is preset to ${facts.preset_client} for every session`);
  return { role: facts.role, bypasses };
}

export class RlsBypassError extends Error {}

/**
 * The gateway's start-up gate: every runtime connection (primary and replicas) must be held to row
 * level security, unless `allowBypass` (DATABASE_ALLOW_RLS_BYPASS=true) says this is development; then
 * each bypass is only warned about.
 */
export async function assertRuntimeRolesHeldByRls(options: {
  primaryUrl: string;
  replicaUrls: string[];
  tenantTables: string[];
  allowBypass: boolean;
  warn: (message: string) => void;
}): Promise<RuntimeRoleReport[]> {
  // A streaming replica is a copy of the primary's catalogue, roles included: a replica reached as the
  // primary's user needs no check of its own (and one that is down at start must not stop the gateway).
  const primaryUser = new URL(options.primaryUrl).username;
  const urls = [
    options.primaryUrl,
    ...options.replicaUrls.filter((url) => new URL(url).username !== primaryUser),
  ];
  const reports: RuntimeRoleReport[] = [];
  for (const url of urls) {
    const report = await checkRuntimeRole(url, options.tenantTables);
    reports.push(report);
    if (report.bypasses.length === 0) continue;
    const where = describeServer(url);
    const problem = `the database role "${report.role}" (${where}) could bypass row level security: ${report.bypasses.join('; ')}`;
    if (options.allowBypass) {
      options.warn(`${problem}. Serving anyway because DATABASE_ALLOW_RLS_BYPASS=true (development only).`);
      continue;
    }
    throw new RlsBypassError(
      `${problem}. Connect the gateway (DATABASE_URL, DATABASE_REPLICA_URLS) as a login role in pulse_runtime ` +
        'that owns no table (README, "Tenancy in the database"), and keep the owner in DATABASE_OWNER_URL; ' +
        'or set DATABASE_ALLOW_RLS_BYPASS=true for development.',
    );
  }
  return reports;
}

function listOf(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/** Host, port and database of a URL, never its password. */
function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}
