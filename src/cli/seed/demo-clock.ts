/**
 * The demo data's fixed "now": every timestamp is placed relative to it, never to the wall clock, so two
 * runs with the same options write the same bytes.
 */
export const REFERENCE_NOW = Date.UTC(2026, 5, 30);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The moment the fake ETL last synced: the created/last-updated stamp of every synced row. */
export const LAST_SYNC_AT = REFERENCE_NOW - 2 * HOUR;

/**
 * A timestamptz literal for an epoch-milliseconds instant (ISO 8601, UTC), rounded to the second like
 * source-system timestamps; {@link secondsBetween} rounds the same way so stored durations match.
 */
export function iso(epochMs: number): string {
  return new Date(Math.round(epochMs / 1000) * 1000).toISOString();
}

/** Whole seconds between two instants as {@link iso} stores them. */
export function secondsBetween(from: number, to: number): number {
  return Math.round(to / 1000) - Math.round(from / 1000);
}
