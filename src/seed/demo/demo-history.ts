/**
 * Two years behind the demo's current calendar, so the education team's dashboard has a story:
 * until about a year ago only a few invited hosts ran workshops (the "old guard"); then creating
 * one was opened to everyone, and sessions per month roughly doubled as new workshops debuted
 * one after another. History sessions sit in weeks -104…-9 of the calendar that demo-sessions.ts
 * anchors to `now`'s week (which plans weeks -8…5), so they move with `now` in whole weeks.
 *
 * Ids ("session:<title>:history:<n>") never collide with the planned sessions' ids, and the
 * history comes after a workshop's planned sessions in the seed's lists, so the planned sessions
 * keep their per-workshop index (demo-feedback-data.ts names sessions by it).
 */
import { Random } from '../shared/random.js';
import { LOCAL_START_TIMES } from '../shared/session-habits.js';
import { E2E_FEEDBACK_WORKSHOP, WEAK_WORKSHOP } from './demo-feedback-data.js';
import { demoId } from './demo-ids.js';
import type { DemoPerson } from './demo-people.js';
import { type PlannedSession, type Slot, sessionInSlot, WEEKDAYS, weekAnchor } from './demo-sessions.js';
import type { WorkshopSpec } from './demo-types.js';

/** Weeks (before `now`'s week) when anyone could create a workshop. */
export const OPEN_CREATION_WEEKS_AGO = 52;
const OLDEST_WEEK = -104;
const LAST_HISTORY_WEEK = -9;

/** Workshops of the invited hosts: running the whole two years, at a steady pace. */
const OLD_GUARD = new Set([
  'Your first workshop: from idea to session in a week',
  'Workshop design clinic',
  'Intro to our Kubernetes platform',
  'Writing a good postmortem',
  'SQL query plans for application engineers',
  'Accessibility testing in practice',
  "TypeScript generics you'll actually use",
  'Go concurrency patterns',
  'Property-based testing',
  'Terraform modules without tears',
]);

/**
 * No history: the e2e journey's workshop has exactly one ended session, the weaker workshop and
 * the threat-modeling workshop tell their own per-run stories in demo-feedback-data.ts.
 */
const WITHOUT_HISTORY = new Set([E2E_FEEDBACK_WORKSHOP, WEAK_WORKSHOP, 'Threat modeling your service in 60 minutes']);

/** Workshops in demand that run more often (and still fill up: see demo-demand.ts). */
const FREQUENT = new Set(['Secrets management with Vault']);

export function hasHistory(spec: WorkshopSpec): boolean {
  const s = spec.schedule ?? {};
  return !spec.draft && !s.fresh && !s.series && !WITHOUT_HISTORY.has(spec.title);
}

/** The past sessions of `spec` before the planned calendar; none for workshops without history. */
export function planHistory(spec: WorkshopSpec, hosts: readonly DemoPerson[], now: Date): PlannedSession[] {
  const owner = hosts[0];
  if (!owner || !hasHistory(spec)) return [];
  const random = new Random(`history:${spec.title}`);
  const oldGuard = OLD_GUARD.has(spec.title);
  // Nobody hosts before they joined: the first session comes a month after the last host joined.
  const joinedWeek = -Math.floor(Math.min(...hosts.map((h) => h.joinedDaysAgo)) / 7) + 4;
  const wanted = oldGuard ? random.int(OLDEST_WEEK, OLDEST_WEEK + 3) : -random.int(10, OPEN_CREATION_WEEKS_AGO - 2);
  const [lo, hi] = oldGuard ? [5, 7] : FREQUENT.has(spec.title) ? [3, 5] : [5, 8];

  const slots: Slot[] = [];
  for (let week = Math.max(wanted, joinedWeek); week <= LAST_HISTORY_WEEK; week += random.int(lo, hi)) {
    const [hour, minute] = random.pick(LOCAL_START_TIMES[spec.format]);
    const host = hosts.length > 1 && random.chance(0.3) ? random.pick(hosts.slice(1)) : owner;
    const weekday = random.weighted(WEEKDAYS);
    slots.push({ week, weekday: weekday === 5 && hour >= 12 ? 4 : weekday, hour, minute, host });
  }
  const anchor = weekAnchor(now);
  return slots.map((slot, n) =>
    sessionInSlot(spec, slot, anchor, random, {
      id: demoId(`session:${spec.title}:history:${n}`),
      cancelled: random.chance(0.04),
      series: null,
    }),
  );
}
