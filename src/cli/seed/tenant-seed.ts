import { createHash } from 'node:crypto';

import { demoClientUserAccounts, hashDemoPassword } from './demo-accounts.js';
import type { DemoClientIdentity, DemoRole } from './demo-accounts.js';
import { DAY, HOUR, LAST_SYNC_AT, MINUTE, REFERENCE_NOW, iso } from './demo-clock.js';
import { FIRST_NAMES, LAST_NAMES, USER_AGENTS } from './demo-vocabulary.js';
import { requireId, returnedId } from './seed-context.js';
import type { SeedContext } from './seed-context.js';
import type { SqlRow } from './seed-writer.js';

export interface SeededUser {
  id: number;
  email: string;
  role: DemoRole;
  firstName: string;
  lastName: string;
  /** "First Last", as Jira and git show people. */
  displayName: string;
  /** GitHub login. */
  login: string;
}

/** A client with its integrations and people, as the Jira and GitHub seeders need them. */
export interface SeededClient {
  id: number;
  identity: DemoClientIdentity;
  jiraIntegrationId: number;
  githubIntegrationId: number;
  users: SeededUser[];
  admin: SeededUser;
  /** Everyone who works on issues and pull requests: all but the viewer. */
  contributors: SeededUser[];
}

/** The client row, its Jira and GitHub integrations, users, permissions, sessions and settings. */
export async function seedTenant(ctx: SeedContext, identity: DemoClientIdentity): Promise<SeededClient> {
  const { writer, embeddings, random } = ctx;
  const clientCreatedAt = REFERENCE_NOW - random.int(400, 1200) * DAY;
  const customColors = random.chance(0.4);
  const [clientRow] = await writer.insert(
    'clients',
    [
      {
        name: identity.name,
        website: `https://www.${identity.slug}.example`,
        assets_folder: identity.slug,
        logo_filename: customColors ? `${identity.slug}-logo.svg` : 'default-logo.png',
        color_schema_mode: customColors ? 'custom' : 'default',
        created_at: iso(clientCreatedAt),
        last_updated_at: iso(LAST_SYNC_AT),
        embedding: embeddings.forRow('clients', `client:${identity.slug}`),
      },
    ],
    { returning: ['id'] },
  );
  const clientId = returnedId(clientRow);

  const integrations = await writer.insert(
    'integrations',
    [
      {
        client_id: clientId,
        name: 'Jira',
        url: `https://${identity.slug}.atlassian.net`,
        username: `jira-sync@${identity.slug}.example`,
        password: `demo-jira-token-${random.hex(24)}`,
        base_search: 'project is not EMPTY order by updated desc',
        last_sync_at: iso(LAST_SYNC_AT),
        created_at: iso(clientCreatedAt + DAY),
        last_updated_at: iso(LAST_SYNC_AT),
      },
      {
        client_id: clientId,
        name: 'GitHub',
        url: 'https://api.github.com',
        username: `${identity.slug}-pulse-bot`,
        password: `demo-github-token-${random.hex(32)}`,
        base_search: `org:${identity.slug}`,
        last_sync_at: iso(LAST_SYNC_AT),
        created_at: iso(clientCreatedAt + DAY),
        last_updated_at: iso(LAST_SYNC_AT),
      },
    ],
    { returning: ['id', 'name'] },
  );
  const integrationId = (name: string) => returnedId(integrations.find((row) => row.name === name) ?? {});

  const users = await seedUsers(ctx, identity, clientId, clientCreatedAt);
  await seedPermissions(ctx, clientId, users);
  await seedSessions(ctx, identity, clientId, users);
  await seedSettings(ctx, identity, clientId);

  const admin = users.find((user) => user.role === 'admin');
  if (!admin) throw new Error('Demo client without an admin');
  return {
    id: clientId,
    identity,
    jiraIntegrationId: integrationId('Jira'),
    githubIntegrationId: integrationId('GitHub'),
    users,
    admin,
    contributors: users.filter((user) => user.role !== 'viewer'),
  };
}

async function seedUsers(
  ctx: SeedContext,
  identity: DemoClientIdentity,
  clientId: number,
  clientCreatedAt: number,
): Promise<SeededUser[]> {
  const { writer, embeddings, random } = ctx;
  const accounts = demoClientUserAccounts(identity);
  // Distinct first and last names within a client, so display names and logins are unique.
  const firstNames = random.sample(FIRST_NAMES, accounts.length);
  const lastNames = random.sample(LAST_NAMES, accounts.length);
  // scrypt is deliberately slow; hashing on libuv's thread pool in parallel keeps the seed fast.
  const passwordHashes = await Promise.all(accounts.map((account) => hashDemoPassword(account.email)));
  const people = accounts.map((account, i) => ({
    ...account,
    firstName: firstNames[i],
    lastName: lastNames[i],
    displayName: `${firstNames[i]} ${lastNames[i]}`,
    login: `${firstNames[i]}-${lastNames[i]}`.toLowerCase(),
  }));
  const rows: SqlRow[] = people.map((person, i) => ({
    client_id: clientId,
    email: person.email,
    first_name: person.firstName,
    last_name: person.lastName,
    role: person.role,
    is_admin: person.role === 'admin',
    auth_provider: 'local',
    password_hash: passwordHashes[i],
    theme_mode: random.chance(0.35) ? 'dark' : 'light',
    high_contrast_mode: random.chance(0.05),
    reduce_motion: random.chance(0.1),
    colorblind_safe_palette: random.chance(0.08),
    accessibility_level: random.weighted([
      ['regular', 8],
      ['AA', 2],
      ['AAA', 1],
    ]),
    profile_image_filename: random.chance(0.6) ? `${person.login}.png` : null,
    last_login_at: random.chance(0.9) ? iso(REFERENCE_NOW - random.between(0.1, 14) * DAY) : null,
    created_at: iso(clientCreatedAt + random.int(1, 300) * DAY),
    last_updated_at: iso(LAST_SYNC_AT),
    embedding: embeddings.forRow('users', `client:${identity.slug}:role:${person.role}`),
  }));
  const returned = await writer.insert('users', rows, { returning: ['id', 'email'] });
  const idByEmail = new Map(returned.map((row) => [String(row.email), returnedId(row)]));
  return people.map((person) => ({ ...person, id: requireId(idByEmail, person.email) }));
}

const PERMISSIONS_BY_ROLE: Record<DemoRole, readonly (readonly [string, string, boolean])[]> = {
  admin: [
    ['issues', 'write', true],
    ['projects', 'write', true],
    ['pull_requests', 'write', true],
    ['users', 'admin', true],
    ['settings', 'admin', true],
    ['ml_monitoring', 'admin', true],
  ],
  user: [
    ['issues', 'read', true],
    ['issues', 'write', true],
    ['projects', 'read', true],
    ['pull_requests', 'read', true],
    ['dora_metrics', 'read', true],
  ],
  viewer: [
    ['issues', 'read', true],
    ['projects', 'read', true],
    ['dora_metrics', 'read', true],
    ['ml_monitoring', 'read', false],
  ],
};

async function seedPermissions(
  ctx: SeedContext,
  clientId: number,
  users: readonly SeededUser[],
): Promise<void> {
  const rows: SqlRow[] = [];
  for (const user of users) {
    // Developers (role 'user' beyond the documented login) hold a random subset of the user grants.
    const isDeveloper = user.email.startsWith('dev');
    const grants = PERMISSIONS_BY_ROLE[user.role].filter(
      (_, i) => !isDeveloper || i < 2 || ctx.random.chance(0.6),
    );
    for (const [resource, action, granted] of grants) {
      rows.push({
        client_id: clientId,
        user_id: user.id,
        resource,
        action,
        granted,
        created_at: iso(LAST_SYNC_AT - 30 * DAY),
        last_updated_at: iso(LAST_SYNC_AT - 30 * DAY),
        embedding: ctx.embeddings.forRow('user_permissions', `permission:${resource}:${action}`),
      });
    }
  }
  await ctx.writer.insert('user_permissions', rows);
}

async function seedSessions(
  ctx: SeedContext,
  identity: DemoClientIdentity,
  clientId: number,
  users: readonly SeededUser[],
): Promise<void> {
  const { random } = ctx;
  const rows: SqlRow[] = [];
  users.forEach((user, userIndex) => {
    const sessions = random.int(1, 2);
    for (let n = 0; n < sessions; n++) {
      const createdAt = REFERENCE_NOW - random.between(1 * HOUR, 72 * HOUR);
      rows.push({
        client_id: clientId,
        user_id: user.id,
        // Sessions store only a hash of their token; the demo "tokens" hashed here are never handed out.
        token_hash: createHash('sha256')
          .update(`pulse-demo-session:${identity.slug}:${user.email}:${n}`)
          .digest('hex'),
        expires_at: iso(createdAt + 14 * DAY),
        ip_address: `10.${identity.index % 256}.${userIndex}.${random.int(2, 254)}`,
        user_agent: random.pick(USER_AGENTS),
        created_at: iso(createdAt),
        last_updated_at: iso(createdAt + random.between(0, 30) * MINUTE),
        embedding: ctx.embeddings.forRow('user_sessions', `client:${identity.slug}:sessions`),
      });
    }
  });
  await ctx.writer.insert('user_sessions', rows);
}

async function seedSettings(ctx: SeedContext, identity: DemoClientIdentity, clientId: number): Promise<void> {
  const { random } = ctx;
  const settings: [key: string, value: string, type: string, description: string][] = [
    ['sync.jira.interval_minutes', String(random.pick([15, 30, 60])), 'number', 'How often Jira is synced'],
    ['sync.github.enabled', 'true', 'boolean', 'Whether GitHub data is synced'],
    ['ui.default_theme', random.pick(['light', 'dark']), 'string', 'Theme for users who never chose one'],
    ['dora.benchmark_year', '2024', 'number', 'DORA report year to compare against'],
    [
      'ml.anomaly_threshold',
      String(random.pick([0.7, 0.75, 0.8])),
      'number',
      'Anomaly score that raises an alert',
    ],
    [
      'notifications.channels',
      JSON.stringify({ email: true, slack: random.chance(0.7), webhook: null }),
      'json',
      'Where alerts are sent',
    ],
    ['workflow.commitment_point', 'In Progress', 'string', 'Workflow step where cycle time starts'],
    ['ai.assistant_enabled', String(random.chance(0.8)), 'boolean', 'Whether the AI query assistant is on'],
    ['data.retention_days', String(random.pick([365, 730, 1095])), 'number', 'How long raw events are kept'],
    ['reports.week_start', random.pick(['monday', 'sunday']), 'string', 'First day of the week in reports'],
  ];
  const count = random.int(6, settings.length);
  await ctx.writer.insert(
    'system_settings',
    settings.slice(0, count).map(([key, value, type, description]) => ({
      client_id: clientId,
      setting_key: key,
      setting_value: value,
      setting_type: type,
      description,
      created_at: iso(LAST_SYNC_AT - 60 * DAY),
      last_updated_at: iso(LAST_SYNC_AT - random.int(0, 59) * DAY),
      embedding: ctx.embeddings.forRow('system_settings', `setting:${key.split('.')[0]}:${identity.slug}`),
    })),
  );
}
