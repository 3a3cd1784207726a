import { describe, expect, it } from '@jest/globals';

import { CursorSigner } from './cursors.js';
import type { OrderTerm } from './table-sql.js';

const ORDER: OrderTerm[] = [
  { key: 'created', direction: 'desc' },
  { key: 'id', direction: 'asc' },
];
const VALUES = '["2026-12-01T10:00:00.123456+00:00", 42]';
const SECRET = 'a-cursor-secret-of-at-least-32-characters';
const ALICE = { clientId: 1, userId: 7 };

const refusedWith = (decode: () => unknown) => {
  try {
    decode();
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  return null;
};

describe('cursors', () => {
  it('round-trip for the same viewer, connection, parent and order, and carry no binding in clear', () => {
    const cursors = CursorSigner.fromSecrets({ cursorSecret: SECRET }).forViewer(ALICE);
    const cursor = cursors.forConnection('Project.issues', 3).encode(ORDER, VALUES);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(cursor.slice(22), 'base64url').toString()).toBe(VALUES);
    expect(cursors.forConnection('Project.issues', 3).decode(ORDER, cursor)).toEqual([
      '2026-12-01T10:00:00.123456+00:00',
      42,
    ]);
  });

  it.each<[string, (signer: CursorSigner) => () => unknown]>([
    [
      'another viewer',
      (s) => () => s.forViewer({ clientId: 1, userId: 8 }).forConnection('Project.issues', 3),
    ],
    [
      'another client',
      (s) => () => s.forViewer({ clientId: 2, userId: 7 }).forConnection('Project.issues', 3),
    ],
    ['an anonymous caller', (s) => () => s.forViewer(null).forConnection('Project.issues', 3)],
    ['another parent', (s) => () => s.forViewer(ALICE).forConnection('Project.issues', 4)],
    ['another connection', (s) => () => s.forViewer(ALICE).forConnection('Query.issues')],
  ])('are refused for %s', (_case, elsewhere) => {
    const signer = CursorSigner.fromSecrets({ cursorSecret: SECRET });
    const cursor = signer.forViewer(ALICE).forConnection('Project.issues', 3).encode(ORDER, VALUES);
    const there = elsewhere(signer)() as ReturnType<ReturnType<CursorSigner['forViewer']>['forConnection']>;
    expect(refusedWith(() => there.decode(ORDER, cursor))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('are refused for another order, a changed byte, and text that is not a cursor', () => {
    const connection = CursorSigner.fromSecrets({ cursorSecret: SECRET })
      .forViewer(ALICE)
      .forConnection('Query.issues');
    const cursor = connection.encode(ORDER, VALUES);
    const flipped = cursor.slice(0, 30) + (cursor[30] === 'A' ? 'B' : 'A') + cursor.slice(31);
    for (const [order, text] of [
      [[{ key: 'created', direction: 'asc' }, ORDER[1]!], cursor],
      [ORDER, flipped],
      [ORDER, ''],
      [ORDER, 'short'],
      [ORDER, `${cursor}!`],
    ] as [OrderTerm[], string][]) {
      expect(refusedWith(() => connection.decode(order, text))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  it('verify across instances that share CURSOR_SECRET (or JWT_SECRET), never with a per-process key', () => {
    const issue = (signer: CursorSigner) => signer.forViewer(ALICE).forConnection('Query.issues');
    const cursor = issue(CursorSigner.fromSecrets({ cursorSecret: SECRET })).encode(ORDER, VALUES);
    expect(issue(CursorSigner.fromSecrets({ cursorSecret: SECRET })).decode(ORDER, cursor)).toHaveLength(2);
    const fromJwt = CursorSigner.fromSecrets({ jwtSecret: SECRET });
    expect(fromJwt.source).toBe('JWT_SECRET');
    const jwtCursor = issue(fromJwt).encode(ORDER, VALUES);
    expect(issue(CursorSigner.fromSecrets({ jwtSecret: SECRET })).decode(ORDER, jwtCursor)).toHaveLength(2);
    const perProcess = CursorSigner.fromSecrets({});
    expect(perProcess.source).toBe('per-process');
    expect(refusedWith(() => issue(perProcess).decode(ORDER, cursor))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(
      refusedWith(() =>
        issue(CursorSigner.fromSecrets({})).decode(ORDER, issue(perProcess).encode(ORDER, VALUES)),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
