import { beforeAll, describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { sessionBody, workshopBody } from '../../../../test/helpers/factories.js';
import { answerBody, endedSessionWith } from '../../../../test/helpers/feedback.js';
import { fillPath } from '../../../contracts/endpoint.js';
import { feedbackApi } from '../../../contracts/feedback.endpoints.js';

/**
 * Who may call each feedback route, as one table: every operation of `feedbackApi`, called by
 * every kind of caller, answers the status (and error code) written here. Hosts, co-hosts and
 * admins read a workshop's feedback; the learner who answered owns their answer and follow-up
 * (404 to anyone else: it is not theirs to know about); only admins see the queue and settings;
 * a read-only token looks but never changes anything, however powerful its owner.
 */

const { t, host, cohost, attendee, member, admin } = testAppWithPeople({
  host: { name: 'Hana Host' },
  cohost: { name: 'Cody Cohost' },
  attendee: { name: 'Ali Attendee' },
  member: { name: 'Mia Member' },
  admin: { name: 'Ada Admin', role: 'admin' },
});

const roles = ['anonymous', 'readOnlyToken', 'member', 'attendee', 'host', 'cohost', 'admin'] as const;
type Role = (typeof roles)[number];
type Operation = keyof typeof feedbackApi;

/** '200', or 'status code' of the error; 'read-only' is the read-only token's 403 `forbidden`. */
type Expected = '200' | '401 unauthenticated' | '403 forbidden' | '403 not_an_attendee' | '404 not_found' | 'read-only';

const ANON = '401 unauthenticated';
const RO = 'read-only';
const NO = '403 forbidden';
const SEATLESS = '403 not_an_attendee';
const NOT_YOURS = '404 not_found';

/** The read-only token is the admin's: reading goes as far as the admin's, writing nowhere. */
const table: Record<Operation, Record<Role, Expected>> = {
  // Everyone signed in has their own list (empty or not).
  myRequests: { anonymous: ANON, readOnlyToken: '200', member: '200', attendee: '200', host: '200', cohost: '200', admin: '200' },
  // The form is for those who may answer: anyone else is told at once that they had no seat.
  form: { anonymous: ANON, readOnlyToken: SEATLESS, member: SEATLESS, attendee: '200', host: SEATLESS, cohost: SEATLESS, admin: SEATLESS },
  answer: { anonymous: ANON, readOnlyToken: RO, member: SEATLESS, attendee: '200', host: SEATLESS, cohost: SEATLESS, admin: SEATLESS },
  mine: {
    anonymous: ANON,
    readOnlyToken: NOT_YOURS,
    member: NOT_YOURS,
    attendee: '200',
    host: NOT_YOURS,
    cohost: NOT_YOURS,
    admin: NOT_YOURS,
  },
  // The hosts' questions are on every learner's form, so whoever sees the workshop may read them.
  questions: { anonymous: ANON, readOnlyToken: '200', member: '200', attendee: '200', host: '200', cohost: '200', admin: '200' },
  setQuestions: { anonymous: ANON, readOnlyToken: RO, member: NO, attendee: NO, host: '200', cohost: '200', admin: '200' },
  summary: { anonymous: ANON, readOnlyToken: '200', member: NO, attendee: NO, host: '200', cohost: '200', admin: '200' },
  sessionCsv: { anonymous: ANON, readOnlyToken: '200', member: NO, attendee: NO, host: '200', cohost: '200', admin: '200' },
  workshopCsv: { anonymous: ANON, readOnlyToken: '200', member: NO, attendee: NO, host: '200', cohost: '200', admin: '200' },
  myFollowUps: { anonymous: ANON, readOnlyToken: '200', member: '200', attendee: '200', host: '200', cohost: '200', admin: '200' },
  answerFollowUp: {
    anonymous: ANON,
    readOnlyToken: RO,
    member: NOT_YOURS,
    attendee: '200',
    host: NOT_YOURS,
    cohost: NOT_YOURS,
    admin: NOT_YOURS,
  },
  queue: { anonymous: ANON, readOnlyToken: '200', member: NO, attendee: NO, host: NO, cohost: NO, admin: '200' },
  settings: { anonymous: ANON, readOnlyToken: '200', member: NO, attendee: NO, host: NO, cohost: NO, admin: '200' },
  updateSettings: { anonymous: ANON, readOnlyToken: RO, member: NO, attendee: NO, host: NO, cohost: NO, admin: '200' },
};

const operations = Object.keys(feedbackApi) as Operation[];

const tokens = {} as Record<Role, string | null>;
const ids = { sessionId: '', workshopId: '', followUpId: '' };

const bodies: Partial<Record<Operation, unknown>> = {
  answer: answerBody(),
  setQuestions: { questions: [{ kind: 'rating', prompt: 'How clear were the examples?' }] },
  answerFollowUp: { applied: 'a_little' },
  updateSettings: { followUpDays: 30 },
};

function urlOf(operation: Operation, of: typeof ids): string {
  const { path } = feedbackApi[operation];
  const id = path.startsWith('/api/v1/workshops/') ? of.workshopId : path.startsWith('/api/v1/follow-ups/') ? of.followUpId : of.sessionId;
  return fillPath(path, { id });
}

async function call(role: Role, operation: Operation, of = ids): Promise<Expected> {
  const { method } = feedbackApi[operation];
  const res = await t.app.inject({
    method,
    url: urlOf(operation, of),
    headers: tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {},
    ...(operation in bodies ? { payload: bodies[operation] as object } : {}),
  });
  if (res.statusCode === 200) return '200';
  const error = res.json().error as { code: string; message: string };
  if (res.statusCode === 403 && error.code === 'forbidden' && /read-only/.test(error.message)) return RO;
  return `${res.statusCode} ${error.code}` as Expected;
}

beforeAll(async () => {
  // An ended session of Hana's workshop with Ali in a seat; Cody co-hosts; Ali answered and plans to apply it.
  const ended = await endedSessionWith(t, host, [attendee]);
  Object.assign(ids, ended);
  const added = await as(t.app, host.token).post(`/api/v1/workshops/${ids.workshopId}/hosts`, { personId: cohost.id });
  if (added.statusCode !== 200) throw new Error(`co-host not added: ${added.body}`);
  const answered = await as(t.app, attendee.token).put(`/api/v1/sessions/${ids.sessionId}/feedback`, answerBody({ willApply: true }));
  if (answered.statusCode !== 200) throw new Error(`feedback not given: ${answered.body}`);
  // The follow-up has gone out (what the rounds job does when it falls due), so Ali can answer it.
  const followUp = await t.database.db
    .updateTable('feedback_follow_ups')
    .set({ sent_at: new Date().toISOString() })
    .where('person_id', '=', attendee.id)
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.followUpId = followUp.id;

  const made = await (await signInWithBrowser(t.app, admin.email)).post('/api/v1/me/tokens', { name: 'dashboard', scope: 'read' });
  if (made.statusCode !== 201) throw new Error(`read token not made: ${made.body}`);
  Object.assign(tokens, {
    anonymous: null,
    readOnlyToken: made.json().token,
    member: member.token,
    attendee: attendee.token,
    host: host.token,
    cohost: cohost.token,
    admin: admin.token,
  });
});

describe('who may call each feedback route', () => {
  it('has a row for every operation of the feedback contract, each registered on the server', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(feedbackApi).sort());
    const missing = operations.filter((op) => !t.app.hasRoute({ method: feedbackApi[op].method, url: feedbackApi[op].path }));
    expect(missing, 'operations without a route').toEqual([]);
  });

  it.each(operations)('%s answers each caller as the table says', async (operation) => {
    const answers = {} as Record<Role, Expected>;
    for (const role of roles) answers[role] = await call(role, operation);
    expect(answers).toEqual(table[operation]);
  });

  it('keeps what each caller sees their own: lists hold only the caller’s requests and follow-ups', async () => {
    const sessionsIn = async (role: Role, url: string) =>
      (await as(t.app, tokens[role]).get(url)).json().items.map((i: { sessionId: string }) => i.sessionId);
    for (const url of ['/api/v1/me/feedback-requests', '/api/v1/me/follow-ups']) {
      for (const role of ['member', 'host', 'cohost', 'admin', 'readOnlyToken'] as const) {
        expect(await sessionsIn(role, url), `${role}: ${url}`).not.toContain(ids.sessionId);
      }
      expect(await sessionsIn('attendee', url), url).toContain(ids.sessionId);
    }
  });

  it('answers 404, not 403, about a workshop the caller cannot see (a draft): its feedback is not even there for them', async () => {
    const draft = (await as(t.app, host.token).post('/api/v1/workshops', workshopBody())).json();
    const session = await as(t.app, host.token).post(`/api/v1/workshops/${draft.id}/sessions`, sessionBody());
    expect(session.statusCode).toBe(201);
    const hidden = { workshopId: draft.id, sessionId: session.json().id, followUpId: ids.followUpId };
    const ofTheDraft = operations.filter((op) => /:id/.test(feedbackApi[op].path) && !op.toLowerCase().includes('followup'));
    expect(ofTheDraft.length).toBeGreaterThan(0);
    for (const operation of ofTheDraft) {
      const answers = { member: await call('member', operation, hidden), attendee: await call('attendee', operation, hidden) };
      expect(answers, operation).toEqual({ member: NOT_YOURS, attendee: NOT_YOURS });
    }
  });
});
