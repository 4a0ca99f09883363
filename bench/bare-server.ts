// The ceiling: a bare Fastify route answering a fixed 201 JSON of a registration's size.
import Fastify from 'fastify';

const body = {
  id: '019d3f00-0000-7000-8000-000000000000',
  sessionId: '019d3f00-0000-7000-8000-000000000001',
  personId: '019d3f00-0000-7000-8000-000000000002',
  status: 'waitlisted',
  position: 1234,
  mode: 'online',
  offerExpiresAt: null,
  lateCancellation: false,
  walkIn: false,
  checkedInAt: null,
  cancelledAt: null,
  createdAt: '2026-11-25T18:00:00.000Z',
  updatedAt: '2026-11-25T18:00:00.000Z',
};
const app = Fastify();
app.post('/api/v1/sessions/:id/registrations', async (_request, reply) => reply.code(201).send(body));
await app.listen({ port: Number(process.argv[2] ?? 3900), host: '127.0.0.1' });
console.log('ready');
