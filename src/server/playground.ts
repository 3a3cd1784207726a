import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { GraphQLError, Kind } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { ruruHTML } from 'ruru/server';
import type { RuruServerConfig } from 'ruru/server';
import { getStaticFile } from 'ruru/static';

import type { PlaygroundMode } from '../config/config.js';
import type { Context } from '../context/context.js';

export const PLAYGROUND_PATH = '/playground';
const STATIC_PATH = `${PLAYGROUND_PATH}/static/`;

export interface PlaygroundOptions {
  mode: PlaygroundMode;
  /** A bearer token put in the headers editor (the embedded database's demo admin). */
  prefillToken: string | null;
}

const EXAMPLE_QUERY = `# Paste a bearer token in the Headers tab below (a demo token is already there on the
# embedded database), then run this with the play button or Ctrl+Enter. The docs are under the book icon.
query Overview {
  viewer { role user { email } client { name } }
  issues(first: 5, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
    totalCount
    nodes { key summary status { originalName category } }
  }
}
`;

/**
 * GraphiQL sends its first introspection when it mounts, before its (lazily loaded) headers editor
 * exists, so that request would go without the prefilled token: introspection being for admins, the
 * docs would stay empty and the result pane would show the refusal. Until both editor tools
 * (variables, headers) are on the page, a request to the API that carries no authorization gets the
 * prefilled headers; after that, the headers editor alone decides.
 */
function prefilledHeadersUntilEditorScript(headers: string): string {
  // JSON is valid JavaScript; `<` is escaped so the token cannot close the script element.
  const literal = JSON.stringify(JSON.parse(headers)).replace(/</g, '\\u003c');
  return `<script>
(function () {
  var prefilled = ${literal};
  var originalFetch = window.fetch.bind(window);
  function headersEditorReady() {
    return document.querySelectorAll('.graphiql-editor-tool .monaco-editor').length >= 2;
  }
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : input && input.url;
    if (!headersEditorReady() && url && new URL(url, location.href).pathname === '/graphql') {
      var headers = new Headers((init && init.headers) || {});
      if (!headers.has('authorization')) {
        Object.keys(prefilled).forEach(function (name) { headers.set(name, prefilled[name]); });
        init = Object.assign({}, init, { headers: headers });
      }
    }
    return originalFetch(input, init);
  };
})();
</script>`;
}

/**
 * The GraphQL IDE (Ruru, GraphiQL inside) served from the installed package: the page, its scripts,
 * styles, workers and fonts all come from this server, so it works without internet. `GET /` and a
 * browser's `GET /graphql` lead there.
 */
const PLAYGROUND_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function registerPlayground(app: FastifyInstance, options: PlaygroundOptions): void {
  if (options.mode === 'off') return;
  const initialHeaders = JSON.stringify(
    { authorization: `Bearer ${options.prefillToken ?? '<paste a token from `npx pulse token`>'}` },
    null,
    2,
  );
  const page = ruruHTML({
    endpoint: '/graphql',
    staticPath: STATIC_PATH,
    clientConfig: {
      initialQuery: EXAMPLE_QUERY,
      initialHeaders,
      isHeadersEditorEnabled: true,
      // Ruru's type asks for every GraphiQL prop; unset ones keep GraphiQL's defaults.
    } as RuruServerConfig['clientConfig'],
    htmlParts: {
      titleTag: '<title>pulse-gateway playground</title>',
      // Before Ruru's own start-up script, so its first requests already go through the wrapper.
      bodyInitScript: (original) =>
        options.prefillToken ? `${prefilledHeadersUntilEditorScript(initialHeaders)}\n${original}` : original,
    },
  });

  app.get('/', async (_request, reply) => reply.redirect(PLAYGROUND_PATH));
  // The API's own policy allows nothing; the IDE needs its inline boot script, its styles and its
  // editor workers, all from this server (nothing from elsewhere, so it still works offline).
  app.get(PLAYGROUND_PATH, async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      // The page may hold a demo token: never from a shared cache.
      .header('cache-control', 'no-store')
      .header('content-security-policy', PLAYGROUND_CONTENT_SECURITY_POLICY)
      .send(page),
  );
  app.get(`${STATIC_PATH}*`, async (request, reply) => {
    const file = await getStaticFile({
      staticPath: STATIC_PATH,
      urlPath: request.url.split('?', 1)[0]!,
      acceptEncoding: request.headers['accept-encoding'],
      disallowDevAssets: true,
    });
    if (!file) return reply.code(404).send({ error: 'not found' });
    return reply
      .headers(file.headers)
      .header('content-security-policy', PLAYGROUND_CONTENT_SECURITY_POLICY)
      .send(file.content);
  });
  // A person who opens the API URL in a browser wants the IDE, not a CSRF error.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.split('?', 1)[0] !== '/graphql') return;
    const wantsPage = (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && !request.url.includes('query=')) return reply.redirect(PLAYGROUND_PATH);
  });
}

/**
 * With `PLAYGROUND=admin`, the schema is explored only with an admin token: introspection by anyone
 * else is FORBIDDEN, so the docs pane of a non-admin stays empty and the schema is not handed out.
 */
export function adminOnlyIntrospectionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.viewer?.role === 'admin' || !introspects(operation)) return;
          throw new GraphQLError('introspection needs an admin token on this server (PLAYGROUND=admin)', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        },
      };
    },
  };
}

function introspects(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.selectionSet.selections.some(
      (selection) =>
        selection.kind === Kind.FIELD &&
        (selection.name.value === '__schema' || selection.name.value === '__type'),
    ) ?? false
  );
}
