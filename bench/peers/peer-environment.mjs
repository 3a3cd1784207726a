/**
 * What both PostGraphile peers read from their environment (set by src/bench/peer-process.ts):
 * the connection string of the role the gateway uses, the tenant they serve and where to listen.
 */
export function peerEnvironment() {
  const connectionString = process.env.PEER_DATABASE_URL;
  const clientId = process.env.PEER_CLIENT_ID;
  const port = Number(process.env.PEER_PORT);
  const poolSize = Number(process.env.PEER_POOL_SIZE ?? '20');
  if (!connectionString) throw new Error('PEER_DATABASE_URL is not set');
  if (!clientId || !/^\d+$/.test(clientId)) throw new Error('PEER_CLIENT_ID must be a client id');
  if (!Number.isInteger(port) || port <= 0) throw new Error('PEER_PORT must be a port number');
  return {
    connectionString,
    // Transaction-local, like the gateway: PostGraphile opens a transaction per request when
    // pgSettings are given and sets them with set_config(name, value, true).
    pgSettings: { 'pulse.client_id': clientId },
    port,
    poolSize,
  };
}

/** `GET /health` answers 200 once the schema is built, everything else goes to PostGraphile. */
export function withHealth(ready, handler) {
  return (req, res) => {
    if (req.url === '/health') {
      ready.then(
        () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
        (error) => res.writeHead(503, { 'content-type': 'text/plain' }).end(String(error)),
      );
      return;
    }
    handler(req, res);
  };
}
