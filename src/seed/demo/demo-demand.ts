/**
 * Who wants to learn what, for the education team's dashboard: how keen each person is (one team
 * hardly ever comes: Mobile, in the middle of its release crunch), the Security workshops that
 * every engineer now needs (every session full, people left waiting, "notify me" wishes and
 * requests for more), and a few requests on other topics, some claimed or answered since.
 * Pure and seeded like the rest of the demo.
 */
import type { Insertable } from 'kysely';
import type {
  PeopleTable,
  RegistrationsTable,
  RequestVotesTable,
  SessionsTable,
  WorkshopHostsTable,
  WorkshopInterestTable,
  WorkshopRequestsTable,
  WorkshopsTable,
} from '../../server/db/schema.js';
import { DAY, HOUR, iso, seconds } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { demoId } from './demo-ids.js';
import { FIRST_DEMO_EMAIL, type TeamName } from './demo-people.js';

/** The team that learns little: few of its people ever attend. */
export const LOW_LEARNING_TEAM: TeamName = 'Mobile';
/** The topic (channel slug) with the long waitlist, and its workshops that fill every session. */
export const WAITLISTED_CHANNEL = 'security';
export const HOT_WORKSHOPS: readonly string[] = ['Threat modeling your service in 60 minutes', 'Secrets management with Vault'];

/** How readily someone signs up (a weight): most people now and then, a few hardly ever. */
export function keenness(person: Pick<PeopleTable, 'id' | 'team'>): number {
  const random = new Random(`keenness:${person.id}`);
  if (person.team === LOW_LEARNING_TEAM) return random.chance(0.12) ? 0.5 : 0.004;
  return random.chance(0.1) ? 0.05 : 0.4 + 1.6 * random.float();
}

export interface DemoDemand {
  interest: WorkshopInterestTable[];
  requests: Insertable<WorkshopRequestsTable>[];
  votes: RequestVotesTable[];
}

interface RequestSpec {
  title: string;
  description: string;
  daysAgo: number;
  votes: number;
  /** Claimed by a host of this workshop, or answered by it. */
  claimedFor?: string;
  answeredBy?: string;
}

const REQUESTS: RequestSpec[] = [
  {
    title: 'Threat modeling for our mobile apps',
    description: 'The threat-modeling sessions are always full, and the examples are backend services. Could one run cover the apps?',
    daysAgo: 38,
    votes: 14,
  },
  {
    title: 'A threat-modeling session in American hours',
    description: 'Every run so far started in the European morning. Those of us in New York and San Francisco keep missing it.',
    daysAgo: 17,
    votes: 9,
  },
  {
    title: 'Rotating secrets without downtime',
    description: 'The Vault lab fills up in a day. A shorter talk on rotating database credentials would help many of us.',
    daysAgo: 64,
    votes: 6,
  },
  {
    title: 'Kotlin coroutines in depth',
    description: 'Structured concurrency, cancellation and testing coroutines.',
    daysAgo: 150,
    votes: 3,
  },
  {
    title: 'gRPC for people who know REST',
    description: 'We are moving internal APIs to gRPC; a practical introduction would save us a lot of trial and error.',
    daysAgo: 410,
    votes: 4,
  },
  {
    title: 'Incident command for engineering managers',
    description: 'What a manager does (and does not do) during a major incident.',
    daysAgo: 95,
    votes: 7,
    claimedFor: 'On-call survival guide',
  },
  {
    title: 'How do we evaluate LLM features?',
    description: 'Several teams ship LLM features now; how do we know they work before they reach customers?',
    daysAgo: 0,
    votes: 11,
    answeredBy: 'Evaluating LLM features before they ship',
  },
];

export function buildDemoDemand(
  people: readonly PeopleTable[],
  workshops: readonly Insertable<WorkshopsTable>[],
  hosts: readonly WorkshopHostsTable[],
  sessions: readonly Insertable<SessionsTable>[],
  registrations: readonly Insertable<RegistrationsTable>[],
  nowMs: number,
): DemoDemand {
  const out: DemoDemand = { interest: [], requests: [], votes: [] };
  const markerId = demoId(`person:${FIRST_DEMO_EMAIL}`);
  const joinedBy = (ms: number) => people.filter((p) => Date.parse(p.created_at) <= ms && p.id !== markerId);
  const workshopOf = (title: string) => workshops.find((w) => w.title === title);

  // "Notify me when it runs again": after the latest session was announced (a new one would have
  // taken the wish), from people without a seat in an upcoming session.
  const wishes: [string, number][] = [
    ...HOT_WORKSHOPS.map((title) => [title, 18] as [string, number]),
    ['Jetpack Compose for View-system developers', 3],
    ['Workshop design clinic', 2],
    ['Writing a good postmortem', 2],
  ];
  for (const [title, count] of wishes) {
    const workshop = workshopOf(title);
    if (!workshop) continue;
    const random = new Random(`interest:${title}`);
    const own = sessions.filter((s) => s.workshop_id === workshop.id);
    const fromMs = Math.max(...own.map((s) => Date.parse(s.created_at)), nowMs - 60 * DAY);
    const hostIds = new Set(hosts.filter((h) => h.workshop_id === workshop.id).map((h) => h.person_id));
    const upcoming = new Set(own.filter((s) => Date.parse(s.starts_at) > nowMs).map((s) => s.id));
    const seated = new Set(registrations.filter((r) => upcoming.has(r.session_id) && r.status === 'enrolled').map((r) => r.person_id));
    const candidates = joinedBy(fromMs).filter((p) => !hostIds.has(p.id) && !seated.has(p.id));
    for (const person of random.sample(candidates, count)) {
      const atMs = seconds(fromMs + HOUR + random.float() * Math.max(0, nowMs - 2 * HOUR - fromMs));
      out.interest.push({ workshop_id: String(workshop.id), person_id: person.id, created_at: iso(atMs) });
    }
  }

  for (const spec of REQUESTS) {
    const random = new Random(`request:${spec.title}`);
    const answer = spec.answeredBy ? workshopOf(spec.answeredBy) : undefined;
    const claimFor = spec.claimedFor ? workshopOf(spec.claimedFor) : answer;
    // An answered request came a month or two before its workshop was published.
    const createdMs = seconds(
      answer?.published_at
        ? Date.parse(answer.published_at) - random.int(30, 60) * DAY
        : nowMs - spec.daysAgo * DAY - random.int(1, 20) * HOUR,
    );
    const [author, ...voters] = random.sample(joinedBy(createdMs), spec.votes);
    if (!author) continue;
    const claimer = claimFor ? hosts.find((h) => h.workshop_id === claimFor.id && h.role === 'owner')?.person_id : undefined;
    const id = demoId(`request:${spec.title}`);
    const claimedMs = answer?.published_at
      ? Date.parse(answer.published_at) + random.int(1, 48) * HOUR
      : createdMs + random.int(3, 20) * DAY;
    const updatedMs = claimer ? seconds(Math.min(nowMs - HOUR, claimedMs)) : createdMs;
    out.requests.push({
      id,
      title: spec.title,
      description: spec.description,
      author_id: author.id,
      status: answer ? 'answered' : claimer ? 'claimed' : 'open',
      claimed_by: claimer ?? null,
      workshop_id: answer ? String(answer.id) : null,
      votes: 1 + voters.length,
      created_at: iso(createdMs),
      updated_at: iso(updatedMs),
    });
    out.votes.push({ request_id: id, person_id: author.id, created_at: iso(createdMs) });
    for (const voter of voters) {
      const atMs = seconds(createdMs + random.float() * Math.min(30 * DAY, nowMs - HOUR - createdMs));
      out.votes.push({ request_id: id, person_id: voter.id, created_at: iso(atMs) });
    }
  }
  return out;
}
