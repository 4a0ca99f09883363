import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A local HTTP endpoint on 127.0.0.1 that counts the connections it was offered and records the
 * requests that reached it; `handle` answers once a request's body has been read.
 */
export async function localEndpoint(handle: Handler = (_req, res) => res.end()) {
  const requests: { method?: string; url?: string }[] = [];
  const state = { connections: 0 };
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url });
    req.resume();
    req.on('end', () => handle(req, res));
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    requests,
    state,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type LocalEndpoint = Awaited<ReturnType<typeof localEndpoint>>;
