import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

import { createTestDatabase, requireSeparateRuntimeRole } from '../testing/test-database.js';
import type { TestDatabase } from '../testing/test-database.js';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { tenantTables } from './discovery-hooks.js';
import { migrateUp } from './migration-runner.js';
import { databaseUrlFor, withPgClient } from './pg-client.js';
import { RlsBypassError, assertRuntimeRolesHeldByRls, checkRuntimeRole } from './runtime-role-check.js';
import { GATEWAY_ENTITIES } from '../modules/index.js';

/** A URL for `role` on the test database (the clusters trust local connections, as db:up sets them up). */
function urlAs(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = '';
  return parsed.toString();
}

describe('runtime role check (the gateway refuses a role that could bypass RLS)', () => {
  let testDb: TestDatabase;
  let database: Database;
  let tables: string[];
  const suffix = randomBytes(3).toString('hex');
  // Roles are cluster-wide: unique names, dropped afterwards.
  const tableOwnerGroup = `rls_test_owner_${suffix}`;
  const ownerMember = `rls_test_owner_member_${suffix}`;
  const bypasser = `rls_test_bypass_${suffix}`;
  const presetRole = `rls_test_preset_${suffix}`;
  const bypasserMember = `rls_test_bypass_member_${suffix}`;

  beforeAll(async () => {
    testDb = await createTestDatabase('role_check');
    requireSeparateRuntimeRole(testDb);
    database = await openDatabase(
      {
        databaseUrl: testDb.databaseUrl,
        replicaUrls: [],
        embeddedDataDir: 'memory',
        logSql: false,
      },
      { entities: GATEWAY_ENTITIES },
    );
    await migrateUp(database.orm);
    tables = tenantTables(database.orm.getMetadata());
    await testDb.query(`create role ${tableOwnerGroup} nologin`);
    await testDb.query(`create role ${ownerMember} login in role ${tableOwnerGroup}, pulse_runtime`);
    await testDb.query(`alter table user_sessions owner to ${tableOwnerGroup}`);
    await testDb.query(`create role ${bypasser} login bypassrls in role pulse_runtime`);
    await testDb.query(`create role ${bypasserMember} login noinherit in role ${bypasser}`);
    await testDb.query(`create role ${presetRole} login in role pulse_runtime`);
    await testDb.query(`alter role ${presetRole} in database "${testDb.name}" set pulse.client_id = '1'`);
    await testDb.waitForReplica();
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
    // With the database gone nothing of theirs is left, so the roles drop cleanly.
    if (testDb) {
      await withPgClient(databaseUrlFor(testDb.databaseUrl, 'postgres'), async (client) => {
        for (const role of [ownerMember, bypasserMember, bypasser, presetRole, tableOwnerGroup])
          await client.query(`drop role if exists ${role}`);
      });
    }
  });

  it('finds the tenant tables in the metadata: all but the two DORA reference tables', () => {
    expect(tables).toHaveLength(26);
    expect(tables).not.toContain('dora_market_benchmarks');
    expect(tables).toContain('projects_statuses');
  });

  it('passes the runtime role (pulse_app) on the primary and on the replica', async () => {
    expect(await checkRuntimeRole(testDb.runtime.databaseUrl, tables)).toEqual({
      role: testDb.runtime.role,
      bypasses: [],
    });
    expect(await checkRuntimeRole(testDb.runtime.replicaUrls[0]!, tables)).toEqual({
      role: testDb.runtime.role,
      bypasses: [],
    });
  });

  it('names a superuser (postgres, which also has BYPASSRLS)', async () => {
    expect(await checkRuntimeRole(urlAs(testDb.databaseUrl, 'postgres'), tables)).toEqual({
      role: 'postgres',
      bypasses: ['it is a superuser', 'it has BYPASSRLS'],
    });
  });

  it('names a member of the owner of one table, a BYPASSRLS role, a member of it, and a preset tenant', async () => {
    expect((await checkRuntimeRole(urlAs(testDb.databaseUrl, ownerMember), tables)).bypasses).toEqual([
      'it owns, or is a member of the owner of, user_sessions',
    ]);
    expect((await checkRuntimeRole(urlAs(testDb.databaseUrl, bypasser), tables)).bypasses).toEqual([
      'it has BYPASSRLS',
    ]);
    expect((await checkRuntimeRole(urlAs(testDb.databaseUrl, bypasserMember), tables)).bypasses).toEqual([
      `it is a member of ${bypasser} (superuser or BYPASSRLS)`,
    ]);
    expect((await checkRuntimeRole(urlAs(testDb.databaseUrl, presetRole), tables)).bypasses).toEqual([
      'pulse.client_id is preset to 1 for every session',
    ]);
  });

  it('names a tenant table whose row level security is off, or that is missing', async () => {
    await testDb.query('alter table issues disable row level security');
    try {
      expect(
        (await checkRuntimeRole(testDb.runtime.databaseUrl, [...tables, 'not_migrated_yet'])).bypasses,
      ).toEqual([
        'tenant tables are missing: not_migrated_yet (run `pulse migrate up`)',
        'row level security is off on issues (run `pulse migrate up`)',
      ]);
    } finally {
      await testDb.query('alter table issues enable row level security');
    }
  });

  describe('at start-up', () => {
    it('refuses a superuser owner with a message naming the role, the reason and the switch', async () => {
      const warn = jest.fn();
      const start = assertRuntimeRolesHeldByRls({
        primaryUrl: urlAs(testDb.databaseUrl, 'postgres'),
        replicaUrls: [],
        tenantTables: tables,
        allowBypass: false,
        warn,
      });
      await expect(start).rejects.toThrow(RlsBypassError);
      await expect(start).rejects.toThrow(
        /^the database role "postgres" \(127\.0\.0\.1:\d+\/pulse_test_role_check_\w+\) could bypass row level security: it is a superuser; it has BYPASSRLS\. Connect the gateway .*DATABASE_ALLOW_RLS_BYPASS=true for development\.$/,
      );
      expect(warn).not.toHaveBeenCalled();
    });

    it('refuses a replica URL of another, bypassing role even when the primary is fine', async () => {
      await expect(
        assertRuntimeRolesHeldByRls({
          primaryUrl: testDb.runtime.databaseUrl,
          replicaUrls: [urlAs(testDb.runtime.replicaUrls[0]!, bypasser)],
          tenantTables: tables,
          allowBypass: false,
          warn: () => undefined,
        }),
      ).rejects.toThrow(new RegExp(`^the database role "${bypasser}" .*it has BYPASSRLS`));
    });

    it('serves with a warning when DATABASE_ALLOW_RLS_BYPASS=true', async () => {
      const warn = jest.fn();
      const reports = await assertRuntimeRolesHeldByRls({
        primaryUrl: urlAs(testDb.databaseUrl, 'postgres'),
        replicaUrls: [],
        tenantTables: tables,
        allowBypass: true,
        warn,
      });
      expect(reports[0]!.bypasses).toContain('it is a superuser');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatch(
        /^the database role "postgres" .* Serving anyway because DATABASE_ALLOW_RLS_BYPASS=true \(development only\)\.$/,
      );
    });

    it('serves pulse_app on primary and replica without a word', async () => {
      const warn = jest.fn();
      await expect(
        assertRuntimeRolesHeldByRls({
          primaryUrl: testDb.runtime.databaseUrl,
          replicaUrls: testDb.runtime.replicaUrls,
          tenantTables: tables,
          allowBypass: false,
          warn,
        }),
      ).resolves.toEqual([{ role: testDb.runtime.role, bypasses: [] }]);
      expect(warn).not.toHaveBeenCalled();
    });
  });
});
