import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Handler, type LocalEndpoint, localEndpoint } from '../../../../test/helpers/http-endpoint.js';
import { createAddressPolicy } from './address-policy.js';
import { createOutbound, type Outbound, OutboundFailed, OutboundRefused } from './client.js';

let servers: LocalEndpoint[] = [];
const clients: Outbound[] = [];
const serve = async (handle: Handler) => {
  const s = await localEndpoint(handle);
  servers.push(s);
  return s;
};
const outbound = (allowedNetworks: string[] = [], timeoutMs = 5000) => {
  const client = createOutbound({ policy: createAddressPolicy(allowedNetworks), timeoutMs });
  clients.push(client);
  return client;
};
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

let ok: LocalEndpoint;
beforeAll(async () => {
  ok = await localEndpoint((_req, res) => res.end('{"ok":true}'));
});
afterAll(() => ok.close());

describe('outbound HTTP', () => {
  it('does not connect to a loopback address, given literally or by a name', async () => {
    const client = outbound();
    await expect(client.request(`http://127.0.0.1:${ok.port}/`)).rejects.toThrow(
      new OutboundRefused('refused: 127.0.0.1 is a loopback address'),
    );
    await expect(client.request(`http://[::ffff:127.0.0.1]:${ok.port}/`)).rejects.toThrow(/^refused: ::ffff:7f00:1 is a loopback address$/);
    await expect(client.request(`http://localhost:${ok.port}/`)).rejects.toThrow(
      /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
    );
    await expect(client.request('http://169.254.169.254/latest/meta-data/')).rejects.toThrow(/is a link-local address/);
    expect(ok.state.connections).toBe(0);
  });

  it('reaches the networks OUTBOUND_ALLOWED_NETWORKS lists', async () => {
    const client = outbound(['127.0.0.1/32']);
    const literal = await client.request(`http://127.0.0.1:${ok.port}/`);
    expect(literal.status).toBe(200);
    expect(literal.json()).toEqual({ ok: true });
    // localhost may also resolve to ::1, which is not listed: the allowed address is used.
    expect((await client.request(`http://localhost:${ok.port}/`)).status).toBe(200);
    expect(client.refusedUrl(`http://127.0.0.1:${ok.port}/`)).toBeUndefined();
    expect(client.refusedUrl('http://10.1.2.3/')).toBe('10.1.2.3 is a private address');
    expect(client.refusedUrl('http://[fd00::1]/')).toBe('fd00::1 is a unique local (private) IPv6 address');
    expect(client.refusedUrl('http://0x7f.2/')).toBe('127.0.0.2 is a loopback address');
    expect(client.refusedUrl('https://hooks.example.com/x')).toBeUndefined();
  });

  it('does not follow a redirect', async () => {
    const target = await serve((_req, res) => res.end('secret'));
    const redirecting = await serve((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end());
    const client = outbound(['127.0.0.1/32']);
    const attempt = client.request(`http://127.0.0.1:${redirecting.port}/`, { method: 'POST', body: '{}' });
    await expect(attempt).rejects.toThrow(OutboundFailed);
    await expect(attempt).rejects.toThrow(/answered 302, a redirect to http:\/\/127\.0\.0\.1:\d+\/; redirects are not followed/);
    expect(target.requests).toEqual([]);
  });

  it('reads at most 64 KB of an answer and hangs up on the rest', async () => {
    let sent = 0;
    let hungUp: () => void = () => undefined;
    const receiverSawTheEnd = new Promise<void>((resolve) => {
      hungUp = resolve;
    });
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const huge = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const write = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('close', () => {
        res.removeAllListeners('drain');
        hungUp();
      });
      write();
    });
    const started = Date.now();
    const answer = await outbound(['127.0.0.1/32']).request(`http://127.0.0.1:${huge.port}/`);
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(64 * 1024);
    expect(answer.truncated).toBe(true);
    expect(answer.json()).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    await receiverSawTheEnd;
    // The receiver could not push its 50 MB through: the connection was closed after 64 KB (plus socket buffers).
    expect(sent).toBeLessThan(total);
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    const silent = await serve(() => undefined);
    const attempt = outbound(['127.0.0.1/32'], 300).request(`http://127.0.0.1:${silent.port}/`);
    await expect(attempt).rejects.toThrow(new OutboundFailed(`127.0.0.1:${silent.port} did not answer within 300 ms.`));
  });

  it("stops when the caller's signal aborts (the outbox worker's deadline), before its own timeout, and says why", async () => {
    // The deadline passes while the request waits for its answer (as soon as the endpoint has it).
    const deadline = new AbortController();
    const silent = await serve(() => deadline.abort(new Error('The delivery did not finish within 200 ms.')));
    const started = Date.now();
    const attempt = outbound(['127.0.0.1/32'], 5000).request(`http://127.0.0.1:${silent.port}/`, { signal: deadline.signal });
    await expect(attempt).rejects.toThrow(new OutboundFailed(`127.0.0.1:${silent.port}: The delivery did not finish within 200 ms.`));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('says why a connection failed', async () => {
    const closed = await serve(() => undefined);
    await closed.close();
    servers = [];
    await expect(outbound(['127.0.0.1/32']).request(`http://127.0.0.1:${closed.port}/`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
