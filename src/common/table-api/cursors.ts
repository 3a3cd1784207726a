import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

import { badUserInput } from '../errors.js';
import type { OrderTerm } from './table-sql.js';

/**
 * Cursors are opaque to callers and bound to where they came from. A cursor is the row's order values
 * (JSON, base64url) behind a MAC over those values and everything they are only valid for: the
 * connection (root field, or relation and parent row), the order, and the viewer (client and user).
 * The binding is not carried in the cursor, only in the MAC, so cursors stay short and a cursor replayed
 * anywhere else (another field, another parent, another order, another user or client, a changed byte)
 * fails the check and is refused before any SQL is written from it.
 *
 * Node's HMAC and HKDF are used directly: a signed, context-bound token this small needs no library,
 * and a JWT (the nearest maintained format) would triple the length of every cursor on every edge.
 */

/** Bytes of HMAC-SHA256 kept: 128 bits, far beyond guessing, 22 characters of base64url. */
const MAC_BYTES = 16;
const MAC_CHARS = Math.ceil((MAC_BYTES * 4) / 3);
/** Cursors of another format or key derivation must never verify under this one. */
const FORMAT = 'pulse-cursor-v1';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** A cursor longer than this is not one of ours (a page's order has a handful of short values). */
const MAX_CURSOR_CHARS = 4096;

/** Where the key comes from, for the start-up log: a configured secret, or one made for this process. */
export type CursorKeySource = 'CURSOR_SECRET' | 'JWT_SECRET' | 'per-process';

/** The server's cursor key. Made once at start; `forViewer` gives each request its own binding. */
export class CursorSigner {
  private constructor(
    private readonly key: Buffer,
    readonly source: CursorKeySource,
  ) {}

  /**
   * The key is derived with HKDF from `CURSOR_SECRET`, else from `JWT_SECRET` (under its own label, so
   * a cursor MAC is never a token signature), else it is random for this process: then cursors do not
   * survive a restart and one gateway instance refuses another's, so several instances behind a
   * balancer need a shared `CURSOR_SECRET` (or `JWT_SECRET`).
   */
  static fromSecrets(secrets: { cursorSecret?: string | null; jwtSecret?: string | null }): CursorSigner {
    const configured = secrets.cursorSecret
      ? { secret: secrets.cursorSecret, source: 'CURSOR_SECRET' as const }
      : secrets.jwtSecret
        ? { secret: secrets.jwtSecret, source: 'JWT_SECRET' as const }
        : null;
    const material = configured ? Buffer.from(configured.secret, 'utf8') : randomBytes(32);
    const key = Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), FORMAT, 32));
    return new CursorSigner(key, configured?.source ?? 'per-process');
  }

  /** The cursors of one request's viewer; anonymous callers get their own binding (and read nothing). */
  forViewer(viewer: { clientId: number; userId: number } | null): ViewerCursors {
    return new ViewerCursors(this.key, viewer ? `${viewer.clientId}:${viewer.userId}` : 'anonymous');
  }
}

/** One request's cursors: bound to its viewer; `forConnection` binds them to one connection. */
export class ViewerCursors {
  constructor(
    private readonly key: Buffer,
    private readonly viewer: string,
  ) {}

  /**
   * `connection` names the field (`Query.issues`, or a relation such as `Project.issues`); `parent` is
   * the parent row of a relation's connection, so a cursor of one project's issues is refused on another.
   */
  forConnection(connection: string, parent: unknown = null): ConnectionCursors {
    return new ConnectionCursors(this.key, `${this.viewer}\u0000${connection}\u0000${String(parent)}`);
  }
}

export class ConnectionCursors {
  constructor(
    private readonly key: Buffer,
    private readonly binding: string,
  ) {}

  /** The cursor of a row: `values` is the row's order values as PostgreSQL sent them (JSON text). */
  encode(orderBy: OrderTerm[], values: string): string {
    const payload = Buffer.from(values, 'utf8');
    return this.mac(orderBy, payload) + payload.toString('base64url');
  }

  /** The order values of a cursor this connection issued for this order and viewer; BAD_USER_INPUT otherwise. */
  decode(orderBy: OrderTerm[], cursor: string): unknown[] {
    if (cursor.length <= MAC_CHARS || cursor.length > MAX_CURSOR_CHARS || !BASE64URL.test(cursor)) {
      throw badUserInput(
        'after: not a cursor this API issued; pass back an edge cursor or pageInfo.endCursor unchanged',
        'after',
      );
    }
    const payload = Buffer.from(cursor.slice(MAC_CHARS), 'base64url');
    const expected = Buffer.from(this.mac(orderBy, payload), 'utf8');
    const given = Buffer.from(cursor.slice(0, MAC_CHARS), 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw badUserInput(
        'after: this cursor was issued for another field, parent row, orderBy or user, or was altered; ' +
          'use a cursor this same connection returned with the same orderBy',
        'after',
      );
    }
    // Only this server writes what verifies, so this holds unless the key is shared with other code.
    let values: unknown;
    try {
      values = JSON.parse(payload.toString('utf8'));
    } catch {
      values = null;
    }
    if (!Array.isArray(values) || values.length !== orderBy.length) {
      throw badUserInput('after: this cursor does not fit this orderBy', 'after');
    }
    return values;
  }

  private mac(orderBy: OrderTerm[], payload: Buffer): string {
    const order = orderBy.map((term) => `${term.key}:${term.direction}`).join(',');
    return createHmac('sha256', this.key)
      .update(`${FORMAT}\u0000${this.binding}\u0000${order}\u0000`)
      .update(payload)
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url');
  }
}
