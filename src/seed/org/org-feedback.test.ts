import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import type { ChecklistAnswersTable } from '../../server/db/schema.js';
import { whoIsAsked } from '../../server/modules/feedback/feedback.policy.js';
import type { DbHandle } from '../../server/platform/db.js';
import { buildOrgChannels } from './org-channels.js';
import { buildOrgChecklists, type OrgChecklists, type StarterVersion, starterVersions, WELL_ANSWERED } from './org-checklists.js';
import { orgClock } from './org-clock.js';
import { buildOrgDemand } from './org-demand.js';
import { feedbackRows, type OrgFeedback, SeatsHeld } from './org-feedback.js';
import { buildOrgPeople } from './org-people.js';
import { planRegistrations, type RegistrationRow, registrationRows } from './org-registrations.js';
import { buildOrgSessions } from './org-sessions.js';
import { buildOrgWorkshops } from './org-workshops.js';

// The org seed's checklists and feedback, built from the real org people, workshops and sessions,
// with the registrations of 400 ended sessions (the whole million is the benchmark's business).
const clock = orgClock(new Date('2026-12-02T10:17:00.000Z'));
const people = buildOrgPeople(clock);
const workshops = buildOrgWorkshops(people, buildOrgChannels(people, clock), clock);
const sessions = buildOrgSessions(workshops, clock);
const ended = sessions.filter((s) => s.cancelledMs === null && s.endMs <= clock.nowMs);
const sample = new Set(ended.filter((_, i) => i % Math.floor(ended.length / 400) === 0).map((s) => s.index));

let database: DbHandle;
let starters: StarterVersion[];
let checklists: OrgChecklists;
let registrations: RegistrationRow[];
let asks: OrgFeedback[];

beforeAll(async () => {
  database = await createTestDatabase();
  starters = await starterVersions(database.db);
  checklists = buildOrgChecklists(workshops, sessions, starters, clock);
  const planned = planRegistrations(sessions, clock);
  const counts = planned.map((n, i) => (sample.has(i) ? n : 0));
  const seats = new SeatsHeld(sessions, people, clock);
  registrations = [...seats.tap(registrationRows(sessions, counts, people, clock, new Int32Array(workshops.length)))];
  asks = [...feedbackRows(sessions, seats, checklists.completion, people, clock)];
});

afterAll(async () => {
  await database.close();
});

describe('org seed: checklists and feedback', () => {
  it('runs checklists for about 30 % of published workshops, answering items of the starter versions the migrations ship', async () => {
    expect(starters.length).toBeGreaterThan(0);
    const published = workshops.filter((w) => w.status === 'published').length;
    expect(checklists.runs.length / published).toBeGreaterThan(0.25);
    expect(checklists.runs.length / published).toBeLessThan(0.35);
    const items = await database.db.selectFrom('checklist_items').select(['version_id', 'key']).execute();
    const keys = new Set(items.map((i) => `${i.version_id} ${i.key}`));
    const versionOf = new Map(checklists.runs.map((r) => [r.id, r.version_id]));
    const answered = new Map<string, ChecklistAnswersTable[]>();
    for (const a of checklists.answers) {
      expect(keys.has(`${versionOf.get(a.run_id)} ${a.item_key}`), a.item_key).toBe(true);
      answered.set(a.run_id, [...(answered.get(a.run_id) ?? []), a]);
    }
    const well = [...checklists.completion.values()].filter((c) => c >= WELL_ANSWERED).length;
    expect(well / checklists.runs.length).toBeGreaterThan(0.5);
    for (const r of checklists.runs) {
      for (const c of [r.confidence_before, r.confidence_after]) if (c !== null) expect(c >= 1 && c <= 5).toBe(true);
    }
  });

  it('asks whoever the app asks about each ended session, once, and about 65 % of them answer', () => {
    for (const s of ended.filter((e) => sample.has(e.index))) {
      const expected = whoIsAsked(registrations.filter((r) => r.session_id === s.id)).map((r) => r.person_id);
      const got = asks.filter((a) => a.feedback.session_id === s.id).map((a) => a.feedback.person_id);
      expect(got.sort()).toEqual(expected.sort());
    }
    expect(new Set(asks.map((a) => a.feedback.id)).size).toBe(asks.length);
    const closed = asks.filter((a) => a.feedback.closes_at <= new Date(clock.nowMs).toISOString());
    const answered = closed.filter((a) => a.feedback.status === 'answered').length;
    const declined = closed.filter((a) => a.feedback.status === 'declined').length;
    expect(answered / (closed.length - declined)).toBeGreaterThan(0.55);
    expect(answered / (closed.length - declined)).toBeLessThan(0.78);
  });

  it('rates mostly 4–5, a little better where the checklist was answered well', () => {
    const ratings = asks.filter((a) => a.feedback.status === 'answered').map((a) => a.feedback);
    for (const f of ratings) expect(f.rating !== null && f.rating >= 1 && f.rating <= 5).toBe(true);
    expect(ratings.filter((f) => (f.rating ?? 0) >= 4).length / ratings.length).toBeGreaterThan(0.7);
    const byIndex = new Map(workshops.map((w) => [w.id, w.index]));
    const mean = (rows: typeof ratings) => rows.reduce((n, f) => n + (f.rating ?? 0), 0) / rows.length;
    const done = (f: (typeof ratings)[number]) => checklists.completion.get(byIndex.get(f.workshop_id) ?? -1);
    const well = ratings.filter((f) => (done(f) ?? 0) >= WELL_ANSWERED);
    const none = ratings.filter((f) => done(f) === undefined);
    expect(well.length).toBeGreaterThan(100);
    expect(mean(well)).toBeGreaterThan(mean(none));
  });

  it('follows up exactly those who planned to apply it, the same on every pass', () => {
    for (const a of asks) expect(a.followUp !== null, a.feedback.id).toBe(a.feedback.will_apply === 1);
    const again = [...feedbackRows(sessions, seatsOf(), checklists.completion, people, clock)];
    expect(again).toEqual(asks);
  });

  it('adds wishes and requests from people who had joined, each wish and vote once', () => {
    const demand = buildOrgDemand(workshops, people, clock);
    expect(new Set(demand.interest.map((i) => `${i.workshop_id} ${i.person_id}`)).size).toBe(demand.interest.length);
    expect(new Set(demand.votes.map((v) => `${v.request_id} ${v.person_id}`)).size).toBe(demand.votes.length);
    expect(demand.requests.some((r) => r.status === 'open')).toBe(true);
    for (const r of demand.requests) expect(r.status === 'answered').toBe(r.workshop_id !== null);
  });
});

/** The seats again from the same registrations: the second pass the seed makes for follow-ups. */
function seatsOf(): SeatsHeld {
  const seats = new SeatsHeld(sessions, people, clock);
  expect([...seats.tap(registrations)]).toHaveLength(registrations.length);
  return seats;
}
