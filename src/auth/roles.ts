/** `etl`: a service account of one client that may only call the bulk upserts (see modules/ingest). */
export const ROLES = ['admin', 'user', 'viewer', 'etl'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
