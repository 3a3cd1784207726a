import 'reflect-metadata';

import { TokenService, devSecretFile } from './auth/tokens.js';
import { mintTokenForEmail } from './cli/demo-tokens.js';
import { demoUsers } from './cli/seed/demo-data.js';
import { seedIfEmpty } from './cli/seed-command.js';
import { loadConfig } from './config/config.js';
import type { Config } from './config/config.js';
import { assertDatabaseReachable, openDatabase } from './db/database.js';
import type { Database } from './db/database.js';
import { tenantTables } from './db/discovery-hooks.js';
import { migrateUp, migrationStatus } from './db/migration-runner.js';
import { assertRuntimeRolesHeldByRls } from './db/runtime-role-check.js';
import { buildGatewaySchema } from './graphql/build-schema.js';
import { startBanner } from './server/start-banner.js';
import type { DemoToken } from './server/start-banner.js';
import { createServer } from './server/create-server.js';
import { GATEWAY_ENTITIES, GATEWAY_MODULES } from './modules/index.js';

/** Startup only: config, database, schema, server, listen, shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, { entities: GATEWAY_ENTITIES });
  await assertDatabaseReachable(database, config);
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
    // Refuses to serve when the runtime role would not be held to the tenant policies.
    await assertRuntimeRolesHeldByRls({
      primaryUrl: config.databaseUrl!,
      replicaUrls: config.replicaUrls,
      tenantTables: tenantTables(database.orm.getMetadata()),
      allowBypass: config.allowRlsBypass,
      warn: (message) => console.warn(message),
    });
  }
  const pending = embedded ? [] : (await migrationStatus(database.orm)).pending;

  // Demo tokens only where the demo lives: the embedded database signed with its own development secret.
  const demoTokens = embedded && !config.jwt.secret ? await mintDemoTokens(database, tokens) : [];
  const { app, metricsApp, cursorKeySource } = await createServer({
    config,
    database,
    tokens,
    schema: (await buildGatewaySchema(GATEWAY_MODULES)).schema,
    playgroundToken: demoTokens.find((token) => token.role === 'admin')?.token ?? null,
  });
  if (pending.length > 0) {
    app.log.warn(
      { pending },
      `pending migrations: ${pending.join(', ')}; run \`npx pulse migrate up\` before serving traffic`,
    );
  }
  if (cursorKeySource === 'per-process' && !embedded) {
    app.log.warn(
      'neither CURSOR_SECRET nor JWT_SECRET is set: pagination cursors are signed with a key of this ' +
        'process, so they stop working at a restart and another gateway instance refuses them; set ' +
        'CURSOR_SECRET (the same on every instance)',
    );
  }
  await app.listen({ host: config.host, port: config.port });
  if (metricsApp) await metricsApp.listen({ host: config.metrics.host, port: config.metrics.port! });
  announce(config, app.log, {
    port: config.port,
    embedded,
    dataDir: config.embeddedDataDir,
    demoTokens,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await app.close();
    await metricsApp?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function mintDemoTokens(database: Database, tokens: TokenService): Promise<DemoToken[]> {
  const minted: DemoToken[] = [];
  for (const { email, role } of demoUsers(1)) {
    const token = await mintTokenForEmail(database.fork(), tokens, email).catch(() => null);
    if (token) minted.push({ email, role, token });
  }
  return minted;
}

/**
 * A person at a terminal gets the banner as text; a log collector gets it as one JSON entry, so the
 * stream stays one JSON object a line.
 */
function announce(
  config: Config,
  log: { info(object: object, message: string): void },
  details: Parameters<typeof startBanner>[0],
) {
  const banner = startBanner({ ...details, playground: config.playground });
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY);
  if (pretty || config.logLevel === 'silent') console.log(banner.text);
  else log.info(banner.fields, 'pulse-gateway is ready');
}

main().catch((error) => {
  console.error('pulse-gateway failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
