import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Entity, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Migration } from '@mikro-orm/migrations';
import { Field, ObjectType } from 'type-graphql';

import { MIGRATIONS } from '../../migrations/index.js';
import { isAuthenticated } from '../auth/rules.js';
import { ConnectionField, TenantRecord } from '../common/base.entities.js';
import type { GatewayModule } from '../common/gateway-module.js';
import { dataOf, errorsOf } from '../testing/graphql-expectations.js';
import { createTestApp } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';
import { Client } from './clients/client.entity.js';
import { GATEWAY_MODULES } from './index.js';

/*
 * What a new table costs: the three pieces below, and nothing else in the code base. The entity is
 * the table and its GraphQL type; the migration creates it with the same row level security as every
 * tenant table; the module line exposes it. The gateway is then built from the module list plus this
 * module, and the table answers like the others: a connection, a by-id field, its foreign key, the
 * relation to its client, and only the viewer's client's rows. A connection to the new rows from
 * another type is a field of that type, so it is declared in that type's entity file (piece 4).
 */

// 1. The entity.
@ObjectType({ description: 'A note a team keeps (a table that exists only in this test).' })
@Entity({ tableName: 'team_notes' })
class TeamNote extends TenantRecord {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;
}

// 2. The migration.
const CURRENT_CLIENT = `nullif(current_setting('pulse.client_id', true), '')::integer`;
class CreateTeamNotes extends Migration {
  override up(): void {
    this.addSql(`create table "team_notes" (
      "id" serial primary key,
      "active" boolean not null default true,
      "created_at" timestamptz not null default now(),
      "last_updated_at" timestamptz not null default now(),
      "client_id" integer not null references "clients" ("id"),
      "title" varchar(200) not null)`);
    this.addSql(`create index "team_notes_client_id_index" on "team_notes" ("client_id")`);
    this.addSql(`alter table "team_notes" enable row level security`);
    this.addSql(
      `create policy tenant_isolation on "team_notes" using ("client_id" = ${CURRENT_CLIENT}) with check ("client_id" = ${CURRENT_CLIENT})`,
    );
    this.addSql(`grant select, insert, update, delete on "team_notes" to pulse_runtime`);
    this.addSql(`grant usage on sequence "team_notes_id_seq" to pulse_runtime`);
  }

  override down(): void {
    this.addSql(`drop table "team_notes"`);
  }
}

// 3. The module line.
const teamNotesModule: GatewayModule = {
  name: 'team-notes',
  tables: [{ entity: TeamNote, read: isAuthenticated }],
};

// 4. Only if another type should reach the rows: the connection on it, in its entity file. For
// `Client.teamNotes` that is these two decorators on a collection in client.entity.ts,
//   @ConnectionField(() => TeamNote, { description: "This client's team notes." })
//   @OneToMany({ entity: () => TeamNote, mappedBy: 'client' })
//   teamNotes = new Collection<TeamNote>(this);
// applied here to Client because the table exists only in this test.
OneToMany({ entity: () => TeamNote, mappedBy: 'client' })(Client.prototype, 'teamNotes');
ConnectionField(() => TeamNote, { description: "This client's team notes." })(Client.prototype, 'teamNotes');

describe('a new table', () => {
  let app: TestApp;
  const ids: Record<'acme' | 'globex', number[]> = { acme: [], globex: [] };

  beforeAll(async () => {
    app = await createTestApp(
      'new_table',
      { clients: 2, issuesPerClient: 2, embeddingShare: 0, randomSeed: 3 },
      undefined,
      {
        modules: [...GATEWAY_MODULES, teamNotesModule],
        migrations: [...MIGRATIONS, { name: '29990101000000-team-notes', class: CreateTeamNotes }],
      },
    );
    const clients = await app.testDb.query<{ id: number }>('select id from clients order by id');
    const [acme, globex] = clients.map((row) => row.id) as [number, number];
    for (const [name, clientId, titles] of [
      ['acme', acme, ['Retro actions', 'On-call handover']],
      ['globex', globex, ['Globex secret plan']],
    ] as const) {
      for (const title of titles) {
        const [row] = await app.testDb.query<{ id: number }>(
          'insert into team_notes (client_id, title) values ($1, $2) returning id',
          [clientId, title],
        );
        ids[name].push(row!.id);
      }
    }
    await app.testDb.waitForReplica();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it("lists only the viewer's client's rows, with the foreign key and the client relation", async () => {
    const result = await app.graphql(
      `{ teamNotes(orderBy: [{ field: ID }]) { totalCount nodes { id title clientId client { id } } } }`,
      { as: 'viewer', client: 0 },
    );
    const data = dataOf(result);
    const [acmeId] = (
      await app.testDb.query<{ id: number }>('select id from clients order by id limit 1')
    ).map((row) => row.id);
    expect(data.teamNotes).toEqual({
      totalCount: 2,
      nodes: [
        { id: ids.acme[0], title: 'Retro actions', clientId: acmeId, client: { id: acmeId } },
        { id: ids.acme[1], title: 'On-call handover', clientId: acmeId, client: { id: acmeId } },
      ],
    });
  });

  it("answers another client's row by id like a missing one", async () => {
    const result = await app.graphql(
      `{ own: teamNote(id: ${ids.acme[0]}) { title } other: teamNote(id: ${ids.globex[0]}) { title } }`,
      {
        as: 'viewer',
        client: 0,
      },
    );
    expect(dataOf(result)).toEqual({ own: { title: 'Retro actions' }, other: null });
  });

  it('reaches the rows from their client too (the inverse connection)', async () => {
    const result = await app.graphql(`{ clients { nodes { teamNotes { totalCount nodes { title } } } } }`, {
      as: 'viewer',
      client: 1,
    });
    expect(dataOf(result).clients.nodes).toEqual([
      { teamNotes: { totalCount: 1, nodes: [{ title: 'Globex secret plan' }] } },
    ]);
  });

  it('is refused to anonymous callers like every table', async () => {
    const result = await app.graphql(`{ teamNotes { totalCount } }`);
    expect(errorsOf(result)).toEqual([['teamNotes', 'UNAUTHENTICATED']]);
  });
});
