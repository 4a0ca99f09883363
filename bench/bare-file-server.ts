// The ceiling for bench/calendar: a bare Fastify route answering every GET with a fixed file (a
// real feed, read once) under an ETag, and 304 when If-None-Match names it, as Lyceum's feed does.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.argv[3] ?? '', 'utf8');
const type = process.argv[4] ?? 'text/plain; charset=utf-8';
const etag = 'W/"bare"';
const app = Fastify();
app.get('/*', async (request, reply) => {
  reply.header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type(type).send(body);
});
await app.listen({ port: Number(process.argv[2] ?? 3902), host: '127.0.0.1' });
console.log('ready');
