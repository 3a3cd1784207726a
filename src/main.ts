import 'reflect-metadata';

import { TokenService, devSecretFile } from './auth/tokens.js';
import { demoUsers } from './cli/seed/demo-data.js';
import { mintTokenForEmail } from './cli/demo-tokens.js';
import { seedIfEmpty } from './cli/seed-command.js';
import { loadConfig } from './config/config.js';
import { openDatabase } from './db/database.js';
import { tenantTables } from './db/discovery-hooks.js';
import { migrateUp, migrationStatus } from './db/migration-runner.js';
import { assertRuntimeRolesHeldByRls } from './db/runtime-role-check.js';
import { buildGatewaySchema } from './graphql/build-schema.js';
import { createServer } from './server/create-server.js';

/** Startup only: config, database, schema, server, listen, shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const embedded = database.kind === 'embedded';
  const tokens = await TokenService.fromConfig(
    config.jwt,
    embedded ? devSecretFile(config.embeddedDataDir) : null,
  );

  if (embedded) {
    // The embedded database is self-contained: bring its schema and demo data up to date at start.
    await migrateUp(database.orm);
    if (config.seedEmbedded) await seedIfEmpty(database.fork());
    // PGlite is one in-process session of the owner: there is no second role to hold to the policies.
    console.warn(
      "embedded database (development): the gateway runs as the tables' owner, so row level security " +
        'does not apply and tenant isolation rests on the application scope alone',
    );
  } else {
    const { pending } = await migrationStatus(database.orm);
    if (pending.length > 0) {
      console.warn(
        `pending migrations: ${pending.join(', ')}; run \`pulse migrate up\` before serving traffic`,
      );
    }
    // Refuses to serve when the runtime role would not be held to the tenant policies.
    await assertRuntimeRolesHeldByRls({
      primaryUrl: config.databaseUrl!,
      replicaUrls: config.replicaUrls,
      tenantTables: tenantTables(database.orm.getMetadata()),
      allowBypass: config.allowRlsBypass,
      warn: (message) => console.warn(message),
    });
  }

  const { app } = await createServer({ config, database, tokens, schema: await buildGatewaySchema() });
  await app.listen({ host: config.host, port: config.port });

  if (embedded && !config.jwt.secret) await printDemoTokens(config.port, database, tokens);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** So that the quick start ends with something to paste into curl. */
async function printDemoTokens(
  port: number,
  database: Awaited<ReturnType<typeof openDatabase>>,
  tokens: TokenService,
) {
  const lines = [
    `\nPulse gateway on http://localhost:${port}/graphql (embedded database)`,
    'Demo bearer tokens (8 h):',
  ];
  for (const { email, role } of demoUsers(1)) {
    const token = await mintTokenForEmail(database.fork(), tokens, email).catch(() => null);
    if (token) lines.push(`  ${role.padEnd(6)} ${email}\n    ${token}`);
  }
  lines.push(
    'More: npm run pulse -- token --email <email>   (while the server is stopped, for the embedded database)',
  );
  lines.push(
    `Try: curl -s localhost:${port}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"{ viewer { role user { email } client { name } } }"}'\n`,
  );
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error('pulse-gateway failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
