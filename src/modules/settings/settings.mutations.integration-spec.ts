import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp } from '../../testing/test-app.js';
import { onlyError } from '../../testing/mutation-expectations.js';
import type { TestApp } from '../../testing/test-app.js';

const FIELDS = 'id settingKey settingValue settingType description active clientId';
const CREATE = `mutation ($input: SystemSettingCreateInput!) { createSystemSetting(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: Int!, $input: SystemSettingUpdateInput!) { updateSystemSetting(id: $id, input: $input) { ${FIELDS} } }`;

describe('SystemSetting mutations', () => {
  let app: TestApp;
  let acme = 0;
  const settingRow = (id: number) =>
    app.testDb
      .query('select * from system_settings where id = $1', [id])
      .then((rows) => rows[0] as Record<string, unknown>);

  beforeAll(async () => {
    app = await createTestApp('setting_mutations');
    acme = (await app.viewer('user', 0)).clientId;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates a setting (type defaults to string) and changes it as a typed value', async () => {
    const created = await app.graphql(CREATE, {
      as: 'user',
      variables: { input: { settingKey: 'test.limit', settingValue: 'ten' } },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createSystemSetting.id as number;
    expect(created.data.createSystemSetting).toMatchObject({
      settingKey: 'test.limit',
      settingValue: 'ten',
      settingType: 'string',
      clientId: acme,
    });

    const typed = await app.graphql(UPDATE, {
      as: 'user',
      variables: { id, input: { settingType: 'number', settingValue: '10' } },
    });
    expect(typed.errors).toBeUndefined();
    expect(typed.data.updateSystemSetting).toMatchObject({ settingValue: '10', settingType: 'number' });

    // The stored type still applies when only the value changes.
    const wrong = await app.graphql(UPDATE, {
      as: 'user',
      variables: { id, input: { settingValue: 'eleven' } },
    });
    expect(onlyError(wrong)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'settingValue',
      message: 'settingValue is not a valid number',
    });
    expect(await settingRow(id)).toMatchObject({ setting_value: '10', setting_type: 'number' });
  });

  it('refuses an unknown type and a duplicate key', async () => {
    const unknown = await app.graphql(CREATE, {
      as: 'user',
      variables: { input: { settingKey: 'test.kind', settingValue: 'x', settingType: 'yaml' } },
    });
    expect(onlyError(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'settingType' });

    const existing = (
      await app.testDb.query<{ setting_key: string }>(
        'select setting_key from system_settings where client_id = $1 limit 1',
        [acme],
      )
    )[0]!.setting_key;
    const duplicate = await app.graphql(CREATE, {
      as: 'user',
      variables: { input: { settingKey: existing, settingValue: 'x' } },
    });
    expect(onlyError(duplicate)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'settingKey',
      message: 'settingKey is already in use',
    });
    const rows = await app.testDb.query<{ n: number }>(
      'select count(*)::int as n from system_settings where client_id = $1 and setting_key = $2',
      [acme, existing],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
