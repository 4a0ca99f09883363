import type { FastifyInstance } from 'fastify';
import type { CreateSessionBody } from '../../src/contracts/index.js';
import { as } from './app.js';
import { sessionBody, workshopBody } from './factories.js';

/** A published workshop with one session; returns the session id. */
export async function publishedSession(
  app: FastifyInstance,
  hostToken: string,
  overrides: Partial<CreateSessionBody> = {},
  daysAhead = 7,
): Promise<string> {
  const host = as(app, hostToken);
  const w = (await host.post('/api/v1/workshops', workshopBody())).json();
  await host.post(`/api/v1/workshops/${w.id}/publish`);
  const res = await host.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(daysAhead, overrides));
  if (res.statusCode !== 201) throw new Error(`session not created: ${res.body}`);
  return res.json().id;
}
