import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp } from '../../testing/test-app.js';
import { onlyError } from '../../testing/mutation-expectations.js';
import type { TestApp } from '../../testing/test-app.js';

const ACKNOWLEDGE = `mutation ($id: Int!) {
  acknowledgeAnomalyAlert(id: $id) { id acknowledged acknowledgedById acknowledgedAt acknowledgedBy { email } }
}`;

describe('acknowledgeAnomalyAlert', () => {
  let app: TestApp;
  const alertRow = (id: number) =>
    app.testDb
      .query('select acknowledged, acknowledged_by, acknowledged_at from ml_anomaly_alerts where id = $1', [
        id,
      ])
      .then((rows) => rows[0] as Record<string, unknown>);
  const openAlert = async (clientId: number, skip = 0) =>
    (
      await app.testDb.query<{ id: number }>(
        'select id from ml_anomaly_alerts where client_id = $1 and not acknowledged order by id offset $2 limit 1',
        [clientId, skip],
      )
    )[0]!.id;

  beforeAll(async () => {
    app = await createTestApp('ml_mutations');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('records the caller as the acknowledger and the server time as when, on the primary', async () => {
    const admin = await app.viewer('admin', 0);
    const id = await openAlert(admin.clientId);
    const before = Date.now();

    const { result, queries } = await app.statementsOf(ACKNOWLEDGE, { as: 'admin', variables: { id } });

    const after = Date.now();
    expect(result.errors).toBeUndefined();
    const alert = result.data.acknowledgeAnomalyAlert;
    expect(alert).toMatchObject({
      id,
      acknowledged: true,
      acknowledgedById: admin.userId,
      acknowledgedBy: { email: 'admin@acme.example' },
    });
    const at = new Date(alert.acknowledgedAt).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
    expect(await alertRow(id)).toMatchObject({ acknowledged: true, acknowledged_by: admin.userId });
    const sql = queries.map((q) => q.sql.toLowerCase());
    // The alert is read under a row lock, so two admins acknowledging at once cannot both win.
    const locked = sql.findIndex((s) => s.includes('from "ml_anomaly_alerts"') && s.endsWith('for update'));
    const updated = sql.findIndex((s) => s.startsWith('update "ml_anomaly_alerts"'));
    expect(locked).toBeGreaterThanOrEqual(0);
    expect(updated).toBeGreaterThan(locked);
    // The lock, the update and the read-back of the alert run on the primary. The acknowledger's row
    // (a relation of the answer) may come from a replica once it has replayed the write: that is
    // read-your-writes working, and how fast the replica gets there is not this test's business.
    expect(
      queries.filter((q) => q.connectionType !== 'write' && q.sql.includes('"ml_anomaly_alerts"')),
    ).toEqual([]);
  });

  it('keeps the first acknowledgement when acknowledged again', async () => {
    const admin = await app.viewer('admin', 0);
    const id = await openAlert(admin.clientId);
    await app.graphql(ACKNOWLEDGE, { as: 'admin', variables: { id } });
    const first = await alertRow(id);

    const again = await app.graphql(ACKNOWLEDGE, { as: 'admin', variables: { id } });

    expect(again.errors).toBeUndefined();
    expect(await alertRow(id)).toEqual(first);
  });

  it("answers NOT_FOUND for another client's alert, exactly as for a missing one, and leaves it alone", async () => {
    const globex = await app.viewer('admin', 1);
    const id = await openAlert(globex.clientId);
    const foreign = onlyError(await app.graphql(ACKNOWLEDGE, { as: 'admin', variables: { id } }));
    const missing = onlyError(await app.graphql(ACKNOWLEDGE, { as: 'admin', variables: { id: 2_000_000 } }));
    expect(foreign).toEqual({ code: 'NOT_FOUND', message: 'MlAnomalyAlert not found' });
    expect(missing).toEqual(foreign);
    expect(await alertRow(id)).toMatchObject({ acknowledged: false, acknowledged_by: null });
  });

  it('is admin-only', async () => {
    const admin = await app.viewer('admin', 0);
    const id = await openAlert(admin.clientId, 3);
    expect(onlyError(await app.graphql(ACKNOWLEDGE, { as: 'user', variables: { id } })).code).toBe(
      'FORBIDDEN',
    );
    expect(onlyError(await app.graphql(ACKNOWLEDGE, { as: 'viewer', variables: { id } })).code).toBe(
      'FORBIDDEN',
    );
    expect(onlyError(await app.graphql(ACKNOWLEDGE, { variables: { id } })).code).toBe('UNAUTHENTICATED');
    expect(await alertRow(id)).toMatchObject({ acknowledged: false, acknowledged_by: null });
  });
});
