import { describe, expect, it } from '@jest/globals';

import { describeDatabaseError, isConnectionError, TimeoutError } from './connection-errors.js';
import { assessReplica, parseLsn, readYourWritesTarget } from './replica-health.js';

const limits = { maxLagBytes: 1024, maxLagSeconds: 5 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe('parseLsn', () => {
  it('turns PostgreSQL WAL positions into comparable byte offsets', () => {
    expect(parseLsn('0/3000148')).toBe(0x3000148n);
    expect(parseLsn('16/B374D848')! - parseLsn('16/B374D000')!).toBe(0x848n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn(null)).toBeNull();
    expect(parseLsn('not an lsn')).toBeNull();
  });
});

describe('readYourWritesTarget', () => {
  it('waits for the insert position, which covers a commit not flushed yet (synchronous_commit = off)', () => {
    expect(readYourWritesTarget(0x3000200n, 0x3000100n, 8192)).toBe(0x3000200n);
    expect(readYourWritesTarget(0x3000200n, null, 8192)).toBe(0x3000200n);
  });

  it('accepts the flushed page boundary when only a page header lies between it and the insert position', () => {
    expect(readYourWritesTarget(0x3002018n, 0x3002000n, 8192)).toBe(0x3002000n);
    expect(readYourWritesTarget(0x4000028n, 0x4000000n, 8192)).toBe(0x4000000n);
    // Not a boundary, or more than a header apart: records may lie in between.
    expect(readYourWritesTarget(0x3002018n, 0x3002008n, 8192)).toBe(0x3002018n);
    expect(readYourWritesTarget(0x3002030n, 0x3002000n, 8192)).toBe(0x3002030n);
  });
});

describe('assessReplica', () => {
  it('calls a caught-up replica of an idle primary healthy, however long ago the last write was', () => {
    // The primary has written nothing for an hour: replay timestamps are an hour old, lag is zero.
    const samples = [{ lsn: 5000n, at: at(0).getTime() }];
    const state = assessReplica(
      'replica-1',
      { inRecovery: true, replayLsn: 5000n },
      5000n,
      samples,
      at(3600),
      limits,
    );
    expect(state).toMatchObject({ reachable: true, healthy: true, lagBytes: 0, lagSeconds: 0 });
    expect(state.error).toBeUndefined();
  });

  it('measures seconds from the newest sample the replica has replayed: what came after may be missing', () => {
    const samples = [
      { lsn: 1000n, at: at(0).getTime() },
      { lsn: 1500n, at: at(2).getTime() },
      { lsn: 1600n, at: at(4).getTime() },
    ];
    const state = assessReplica(
      'replica-1',
      { inRecovery: true, replayLsn: 1200n },
      1600n,
      samples,
      at(9),
      limits,
    );
    // Replayed past the sample at 0 s, not the one at 2 s: commits of 0-2 s may be missing at 9 s.
    expect(state.lagBytes).toBe(400);
    expect(state.lagSeconds).toBe(9);
    expect(state.healthy).toBe(false);
    expect(state.error).toBe('9.0 s behind (limit 5 s)');
  });

  it('keeps a replica that is too many bytes behind out of the rotation', () => {
    const samples = [{ lsn: 10_000n, at: at(0).getTime() }];
    const state = assessReplica(
      'replica-1',
      { inRecovery: true, replayLsn: 1000n },
      10_000n,
      samples,
      at(0),
      limits,
    );
    expect(state).toMatchObject({ healthy: false, lagBytes: 9000, lagSeconds: 0 });
    expect(state.error).toMatch(/9000 bytes behind/);
  });

  it('refuses a server that is not in recovery (promoted, or a primary listed as replica)', () => {
    const state = assessReplica('replica-1', { inRecovery: false, replayLsn: null }, 10n, [], at(0), limits);
    expect(state).toMatchObject({
      reachable: true,
      healthy: false,
      error: expect.stringMatching(/not a standby/),
    });
  });

  it('keeps a reachable standby in use with unknown lag when the primary cannot be asked', () => {
    const state = assessReplica('replica-1', { inRecovery: true, replayLsn: 10n }, null, [], at(0), limits);
    expect(state).toMatchObject({ healthy: true, lagBytes: null, lagSeconds: null });
  });
});

describe('isConnectionError', () => {
  it('recognises network errors, shutdown SQLSTATEs, pool timeouts and our own timeouts', () => {
    expect(
      isConnectionError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isConnectionError(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isConnectionError(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isConnectionError(new TimeoutError('timed out after 10 ms'))).toBe(true);
    expect(isConnectionError(new AggregateError([Object.assign(new Error(), { code: 'ETIMEDOUT' })]))).toBe(
      true,
    );
  });

  it('leaves errors of the statement itself alone', () => {
    expect(
      isConnectionError(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' })),
    ).toBe(false);
    expect(isConnectionError(Object.assign(new Error('read-only transaction'), { code: '25006' }))).toBe(
      false,
    );
    // A NUL byte in a string: PostgreSQL rejects the message, the connection stays fine.
    expect(isConnectionError(Object.assign(new Error('invalid message format'), { code: '08P01' }))).toBe(
      false,
    );
  });
});

describe('describeDatabaseError', () => {
  it('does not repeat socket addresses', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' });
    expect(describeDatabaseError(error)).toBe('network error ECONNREFUSED');
    expect(describeDatabaseError(new Error('no route to 10.1.2.3:5432'))).toBe('no route to <address>');
  });

  it('keeps the SQLSTATE and PostgreSQL message', () => {
    const error = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    expect(describeDatabaseError(error)).toBe('SQLSTATE 57P03: the database system is starting up');
  });
});
