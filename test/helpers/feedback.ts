import type { CreateSessionBody } from '../../src/contracts/index.js';
import type { Db } from '../../src/server/platform/db.js';
import type { TestApp } from './app.js';
import { as } from './app.js';
import type { TestPerson } from './factories.js';
import { publishedSession } from './sessions.js';

const HOUR = 3_600_000;

/** Moves a session into the past: it ended `hoursAgo` hours ago (an hour long). */
export async function endSession(db: Db, sessionId: string, hoursAgo = 1): Promise<{ endsAt: string }> {
  const end = new Date(Date.now() - hoursAgo * HOUR);
  const endsAt = end.toISOString();
  await db
    .updateTable('sessions')
    .set({ starts_at: new Date(end.getTime() - HOUR).toISOString(), ends_at: endsAt })
    .where('id', '=', sessionId)
    .execute();
  return { endsAt };
}

/**
 * A published session that `learners` registered for, then ended; `checkedIn` of them checked in
 * by the host. Returns the session and workshop ids.
 */
export async function endedSessionWith(
  t: TestApp,
  host: TestPerson,
  learners: TestPerson[],
  options: { checkedIn?: TestPerson[]; hoursAgo?: number; session?: Partial<CreateSessionBody> } = {},
): Promise<{ sessionId: string; workshopId: string }> {
  const sessionId = await publishedSession(t.app, host.token, { seats: 50, ...options.session });
  const hostApi = as(t.app, host.token);
  const registrations = new Map<TestPerson, string>();
  for (const learner of learners) {
    const res = await as(t.app, learner.token).post(`/api/v1/sessions/${sessionId}/registrations`, {});
    if (res.statusCode >= 300) throw new Error(`registration failed: ${res.body}`);
    registrations.set(learner, res.json().id);
  }
  await endSession(t.database.db, sessionId, options.hoursAgo ?? 1);
  // Hosts mark attendance after the end too (late marking is normal).
  for (const learner of options.checkedIn ?? []) {
    const res = await hostApi.post(`/api/v1/registrations/${registrations.get(learner)}/check-in`);
    if (res.statusCode >= 300) throw new Error(`check-in failed: ${res.body}`);
  }
  const session = (await hostApi.get(`/api/v1/sessions/${sessionId}`)).json();
  return { sessionId, workshopId: session.workshopId };
}

/** A complete answer; override what the test is about. */
export function answerBody(overrides: Record<string, unknown> = {}) {
  return { rating: 4, usefulness: 4, worked: 'The live demo', improve: 'More time for questions', willApply: true, ...overrides };
}
