import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A TCP relay in front of a real PostgreSQL server that a test can break like a network does: `cut()`
 * drops every connection and refuses new ones (the server is gone), `silence()` drops every connection
 * and accepts new ones without ever answering (a host that vanished behind a firewall).
 */
export interface TcpRelay {
  /** `url` with the relay's host and port. */
  url: string;
  cut(): Promise<void>;
  silence(): void;
  close(): Promise<void>;
}

export async function startTcpRelay(targetUrl: string): Promise<TcpRelay> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let silent = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };
  const server: Server = createServer((client) => {
    track(client);
    if (silent) return;
    const upstream = createConnection(Number(target.port), target.hostname);
    track(upstream);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(targetUrl);
  url.host = `127.0.0.1:${port}`;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const close = async () => {
    if (!server.listening) return dropAll();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    dropAll();
    await closed;
  };
  return {
    url: url.toString(),
    cut: close,
    silence: () => {
      silent = true;
      dropAll();
    },
    close,
  };
}
