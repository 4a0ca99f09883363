import { as, type TestApp } from './app.js';
import type { TestPerson } from './factories.js';
import { sessionBody, workshopBody } from './factories.js';
import { endSession } from './feedback.js';

/** A workshop of `host`'s, published unless `draft`; returns its id. */
export async function hostedWorkshop(t: TestApp, host: TestPerson, options: { draft?: boolean; title?: string } = {}): Promise<string> {
  const api = as(t.app, host.token);
  const res = await api.post('/api/v1/workshops', workshopBody(options.title ? { title: options.title } : {}));
  if (res.statusCode !== 201) throw new Error(`workshop not created: ${res.body}`);
  const id = res.json().id as string;
  if (!options.draft) await api.post(`/api/v1/workshops/${id}/publish`);
  return id;
}

/**
 * One more run of a workshop: a session `learners` registered for, which ended `hoursAgo` hours
 * ago (an hour long, so it started an hour before). Nobody is checked in, so all of them are asked.
 */
export async function endedRun(
  t: TestApp,
  host: TestPerson,
  workshopId: string,
  learners: TestPerson[],
  hoursAgo: number,
): Promise<string> {
  const res = await as(t.app, host.token).post(`/api/v1/workshops/${workshopId}/sessions`, sessionBody(7, { seats: 50 }));
  if (res.statusCode !== 201) throw new Error(`session not created: ${res.body}`);
  const sessionId = res.json().id as string;
  for (const learner of learners) {
    const registered = await as(t.app, learner.token).post(`/api/v1/sessions/${sessionId}/registrations`, {});
    if (registered.statusCode >= 300) throw new Error(`registration failed: ${registered.body}`);
  }
  await endSession(t.database.db, sessionId, hoursAgo);
  return sessionId;
}

/** A learner's answer to a session's feedback (PUT …/feedback); throws unless it was stored. */
export async function answer(t: TestApp, learner: TestPerson, sessionId: string, body: Record<string, unknown>): Promise<void> {
  const res = await as(t.app, learner.token).put(`/api/v1/sessions/${sessionId}/feedback`, body);
  if (res.statusCode !== 200) throw new Error(`answer refused: ${res.body}`);
}
