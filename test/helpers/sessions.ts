import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CreateSessionBody } from '../../src/contracts/index.js';
import type { Database } from '../../src/server/db/schema.js';
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

/**
 * Moves a session in time by SQL (the API refuses to schedule in the past): `startsInMs` from now,
 * lasting an hour. Hosts mark attendance only from 15 minutes before the start to 7 days after
 * the end, so tests that check people in first move the session there.
 */
export async function moveSession(db: Kysely<Database>, sessionId: string, startsInMs: number, durationMs = 3_600_000): Promise<void> {
  const starts = Date.now() + startsInMs;
  await db
    .updateTable('sessions')
    .set({ starts_at: new Date(starts).toISOString(), ends_at: new Date(starts + durationMs).toISOString() })
    .where('id', '=', sessionId)
    .execute();
}
