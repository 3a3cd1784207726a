// PostGraphile 4.14.1 with the simplify inflector, as its documentation sets it up for production:
// no GraphiQL, no query log, no mutations (the benchmark only reads), pool as large as the gateway's.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

import PgSimplifyInflectorPlugin from '@graphile-contrib/pg-simplify-inflector';
import { postgraphile } from 'postgraphile-v4';

import { peerEnvironment, withHealth } from './peer-environment.mjs';

const env = peerEnvironment();
// graphile-utils comes with PostGraphile 4 (nested under its alias, next to its graphql 15).
const { makeJSONPgSmartTagsPlugin } = createRequire(import.meta.resolve('postgraphile-v4'))('graphile-utils');
// Columns and foreign keys that would otherwise get the same field name (issues.assignee, the
// assignee_id relation): renamed as a PostGraphile user would, with smart tags.
const smartTags = JSON.parse(readFileSync(new URL('./smart-tags.json', import.meta.url), 'utf8'));
const middleware = postgraphile({ connectionString: env.connectionString, max: env.poolSize }, 'public', {
  appendPlugins: [PgSimplifyInflectorPlugin, makeJSONPgSmartTagsPlugin(smartTags)],
  pgSettings: env.pgSettings,
  graphqlRoute: '/graphql',
  graphiql: false,
  disableQueryLog: true,
  disableDefaultMutations: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  legacyRelations: 'omit',
  retryOnInitFail: false,
  watchPg: false,
});
const ready = middleware.getGraphQLSchema();
const server = createServer(withHealth(ready, middleware));
server.keepAliveTimeout = 60_000;
server.listen(env.port, '127.0.0.1');
ready.catch((error) => {
  console.error(`PostGraphile v4 could not build its schema: ${error.message}`);
  process.exit(1);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
