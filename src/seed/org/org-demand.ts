/**
 * Unmet demand beside the waitlists: "notify me" wishes on popular published workshops (about
 * 8,000, over the last two years) and a few hundred requests for workshops nobody offers yet,
 * with their votes; older requests were more often claimed or answered by a workshop.
 */
import type { Insertable } from 'kysely';
import type { RequestVotesTable, WorkshopInterestTable, WorkshopRequestsTable } from '../../server/db/schema.js';
import { DAY, HOUR, iso, seconds, YEAR } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { ID_KIND, type OrgClock, orgId } from './org-clock.js';
import type { OrgPeople, OrgPerson } from './org-people.js';
import { AREAS } from './org-topics.js';
import type { OrgWorkshop } from './org-workshops.js';

const WISHED_WORKSHOPS = 400;
const REQUESTS = 300;

export interface OrgDemand {
  interest: WorkshopInterestTable[];
  requests: Insertable<WorkshopRequestsTable>[];
  votes: RequestVotesTable[];
}

/** Someone who had joined by `ms`, not in `taken`; null if none found quickly. */
function someone(random: Random, people: OrgPeople, ms: number, taken: Set<number>): OrgPerson | null {
  for (let attempt = 0; attempt < 50; attempt++) {
    const p = random.pick(people.all);
    if (p.joinedMs <= ms && !taken.has(p.index)) {
      taken.add(p.index);
      return p;
    }
  }
  return null;
}

export function buildOrgDemand(workshops: readonly OrgWorkshop[], people: OrgPeople, clock: OrgClock): OrgDemand {
  const random = new Random('org:demand');
  const out: OrgDemand = { interest: [], requests: [], votes: [] };
  const published = workshops.filter((w) => w.status === 'published' && w.publishedMs !== null);
  const wished = new Set<OrgWorkshop>();
  const byAppeal = published.map((w) => [w, w.appeal] as const);
  for (let i = 0; i < WISHED_WORKSHOPS * 3 && wished.size < WISHED_WORKSHOPS; i++) wished.add(random.weighted(byAppeal));
  for (const w of wished) {
    const taken = new Set(w.hosts.map((h) => h.index));
    const fromMs = Math.max(w.publishedMs ?? w.createdMs, clock.nowMs - 2 * YEAR);
    const n = Math.round(1 + w.appeal * random.int(2, 8));
    for (let k = 0; k < n; k++) {
      const atMs = seconds(fromMs + random.float() * Math.max(HOUR, clock.nowMs - HOUR - fromMs));
      const p = someone(random, people, atMs, taken);
      if (p) out.interest.push({ workshop_id: w.id, person_id: p.id, created_at: iso(atMs) });
    }
  }

  const subjects = AREAS.flatMap((a) =>
    a.techs.flatMap((t) => [...t.concepts.map((c) => `${t.name} ${c}`), ...t.problems.map((p) => `Dealing with ${p}`)]),
  );
  for (let i = 0; i < REQUESTS; i++) {
    const createdMs = seconds(clock.nowMs - random.float() ** 1.5 * 3 * YEAR);
    const author = someone(random, people, createdMs, new Set());
    if (!author) continue;
    const subject = random.pick(subjects);
    const ageDays = (clock.nowMs - createdMs) / DAY;
    const settled = random.chance(Math.min(0.85, ageDays / 400));
    const answer = settled && random.chance(0.6) ? random.pick(published) : null;
    const claimer = settled ? someone(random, people, createdMs, new Set([author.index])) : null;
    const id = orgId(ID_KIND.request, i, createdMs, clock);
    const voters = new Set([author.index]);
    const votes = Math.floor(random.float() ** 2 * 40);
    let counted = 0;
    for (let k = 0; k < votes; k++) {
      const atMs = seconds(createdMs + random.float() * Math.max(HOUR, Math.min(clock.nowMs - createdMs, 90 * DAY)));
      const voter = someone(random, people, atMs, voters);
      if (!voter) continue;
      out.votes.push({ request_id: id, person_id: voter.id, created_at: iso(Math.min(atMs, clock.nowMs)) });
      counted++;
    }
    const updatedMs = settled ? seconds(Math.min(clock.nowMs, createdMs + random.int(3, 120) * DAY)) : createdMs;
    out.requests.push({
      id,
      title: subject.length > 1 ? `${subject[0]?.toUpperCase()}${subject.slice(1)}` : subject,
      description: `I would like a workshop on ${subject.toLowerCase()}: several of us keep running into it.`,
      author_id: author.id,
      status: answer ? 'answered' : claimer ? 'claimed' : 'open',
      claimed_by: answer ? (answer.hosts[0]?.id ?? null) : (claimer?.id ?? null),
      workshop_id: answer?.id ?? null,
      votes: counted,
      created_at: iso(createdMs),
      updated_at: iso(updatedMs),
    });
  }
  return out;
}
