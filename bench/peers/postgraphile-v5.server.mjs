// PostGraphile 5 with the amber preset and the simplify-inflection preset (field names like v4's
// simplified ones), served by grafserv on node:http: no GraphiQL, mutations as the preset has them, pool as large as the gateway's.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makeJSONPgSmartTagsPlugin } from 'postgraphile/utils';

import { peerEnvironment, withHealth } from './peer-environment.mjs';

const env = peerEnvironment();
// The same smart tags as v4's: the assignee_id / reporter_id relations clash with the assignee and
// reporter text columns, and get the gateway's names instead.
const smartTags = JSON.parse(readFileSync(new URL('./smart-tags.json', import.meta.url), 'utf8'));
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  plugins: [makeJSONPgSmartTagsPlugin(smartTags)],
  pgServices: [
    makePgService({
      connectionString: env.connectionString,
      poolConfig: { max: env.poolSize },
      schemas: ['public'],
      pgSettings: () => env.pgSettings,
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const ready = pgl.getSchema();
const server = createServer(withHealth(ready, serv.createHandler()));
server.keepAliveTimeout = 60_000;
server.listen(env.port, '127.0.0.1');
ready.catch((error) => {
  console.error(`PostGraphile v5 could not build its schema: ${error.message}`);
  process.exit(1);
});
process.once('SIGTERM', () => server.close(() => pgl.release().finally(() => process.exit(0))));
