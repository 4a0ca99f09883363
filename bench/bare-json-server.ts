// The ceiling for bench/catalog: a bare Fastify route answering every GET with a fixed JSON body
// (a real search response, read once from a file) that is serialised on each request, as Lyceum's are.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body: unknown = JSON.parse(readFileSync(process.argv[3] ?? '', 'utf8'));
const app = Fastify();
app.get('/*', async () => body);
await app.listen({ port: Number(process.argv[2] ?? 3901), host: '127.0.0.1' });
console.log('ready');
