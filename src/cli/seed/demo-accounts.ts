import { createHash, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** The password of every demo login. */
export const DEMO_PASSWORD = 'pulse-demo';

const NAMED_CLIENTS = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Wonka Industries',
  'Cyberdyne',
  'Tyrell',
] as const;

export interface DemoClientIdentity {
  /** 0-based position among the seeded clients. */
  index: number;
  name: string;
  /** Lower-case, used in e-mail domains, repository owners and assets folders. */
  slug: string;
}

/**
 * The name and slug of the `index`-th demo client: a famous fictional company, then "Client 11",
 * "Client 12"... The slug is the first word of the name, lower-cased ("Acme Corp" -> "acme"), or
 * "client11" for the numbered ones, whose first words would all collide.
 */
export function demoClientIdentity(index: number): DemoClientIdentity {
  const named = NAMED_CLIENTS[index];
  if (named) return { index, name: named, slug: named.split(' ')[0].toLowerCase() };
  return { index, name: `Client ${index + 1}`, slug: `client${index + 1}` };
}

export type DemoRole = 'admin' | 'user' | 'viewer';

export interface DemoUser {
  email: string;
  role: DemoRole;
  clientName: string;
}

/** The three documented logins of each client, in role order. */
const LOGIN_ROLES: readonly DemoRole[] = ['admin', 'user', 'viewer'];

/** Developers seeded per client besides the three logins (`dev01@<slug>.example`...). */
export const DEVELOPERS_PER_CLIENT = 10;

/**
 * The documented demo logins: for each client `admin@<slug>.example`, `user@<slug>.example` and
 * `viewer@<slug>.example`, all with the password {@link DEMO_PASSWORD}.
 */
export function demoUsers(clients: number): DemoUser[] {
  return Array.from({ length: clients }, (_, index) => demoClientIdentity(index)).flatMap((client) =>
    LOGIN_ROLES.map((role) => ({ email: `${role}@${client.slug}.example`, role, clientName: client.name })),
  );
}

/** Every user of one client: the three logins, then the developers (role 'user'). */
export function demoClientUserAccounts(client: DemoClientIdentity): { email: string; role: DemoRole }[] {
  const developers = Array.from({ length: DEVELOPERS_PER_CLIENT }, (_, i) => ({
    email: `dev${String(i + 1).padStart(2, '0')}@${client.slug}.example`,
    role: 'user' as const,
  }));
  return [...LOGIN_ROLES.map((role) => ({ email: `${role}@${client.slug}.example`, role })), ...developers];
}

/**
 * `scrypt$<salt hex>$<hash hex>` for {@link DEMO_PASSWORD}: Node's scrypt with its defaults (N=16384,
 * r=8, p=1), a 64-byte key, and a 16-byte salt derived from the e-mail (the first half of
 * sha256("pulse-demo-salt:" + email)) so the hash is reproducible. To verify, hex-decode the salt:
 * `scryptSync(password, Buffer.from(saltHex, 'hex'), 64)`.
 */
export async function hashDemoPassword(email: string): Promise<string> {
  const salt = createHash('sha256').update(`pulse-demo-salt:${email}`).digest().subarray(0, 16);
  const hash = await scryptAsync(DEMO_PASSWORD, salt, 64);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}
