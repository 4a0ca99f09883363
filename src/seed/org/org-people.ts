/**
 * 20,000 people: a CTO, five VPs, directors per discipline, about 2,000 teams of 6–12 (an
 * engineering manager and their reports) in offices across ten time zones, and a four-person
 * developer-education team who are the admins. Leaders come first, so every manager is inserted
 * before their reports.
 */
import type { PeopleTable } from '../../server/db/schema.js';
import { DAY, iso } from '../shared/clock.js';
import { randomName } from '../shared/names.js';
import { OFFICES, type Office, type OfficeKey } from '../shared/places.js';
import { Random } from '../shared/random.js';
import { ID_KIND, type OrgClock, orgId } from './org-clock.js';
import { ORG_NAME_POOLS } from './org-names.js';
import { DISCIPLINES, DIVISIONS, type DisciplineKey, type DivisionKey, DOMAINS, OFFICE_WEIGHTS } from './org-teams.js';

export const ORG_PEOPLE = 20_000;
export const ORG_EMAIL_DOMAIN = 'corp.example';

export interface OrgPerson {
  index: number;
  id: string;
  email: string;
  name: string;
  title: string;
  team: string;
  discipline: DisciplineKey | null;
  officeKey: OfficeKey;
  office: Office;
  managerIndex: number | null;
  role: 'member' | 'admin';
  joinedMs: number;
  /** Seniors, staff and managers: likelier to host, own channels and be followed. */
  senior: boolean;
}

export interface OrgPeople {
  all: OrgPerson[];
  byDiscipline: Map<DisciplineKey, OrgPerson[]>;
  byOffice: Map<OfficeKey, OrgPerson[]>;
  /** Per discipline, the people who host (about one in seven), most prolific first. */
  hostPools: Map<DisciplineKey, OrgPerson[]>;
}

const PHYSICAL = OFFICE_WEIGHTS.filter(([key]) => !OFFICES[key].remote);
const SENIOR = /Senior|Staff|Principal|Manager|Director|VP|Chief|Lead/;

/** Sizes that add up to `total`, proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k % order.length]?.[1] ?? 0]! += 1;
  return counts;
}

export function buildOrgPeople(clock: OrgClock): OrgPeople {
  const random = new Random('org:people');
  const emails = new Set<string>();
  const all: OrgPerson[] = [];

  const add = (
    title: string,
    team: string,
    discipline: DisciplineKey | null,
    officeKey: OfficeKey,
    managerIndex: number | null,
    role: OrgPerson['role'] = 'member',
  ) => {
    const office = OFFICES[officeKey];
    const { name, email } = uniqueName(random, office, emails);
    const leader = managerIndex === null || /Director|VP|Chief/.test(title);
    // Tenure: many recent joiners (the company grew), a few who were there from the start.
    const tenureDays = leader ? random.int(700, 3200) : Math.round(7 + (9 * 365 - 7) * random.float() ** 1.7);
    const joinedMs = clock.anchorMs - tenureDays * DAY - random.int(0, 86_399) * 1000;
    const index = all.length;
    const person: OrgPerson = {
      index,
      id: orgId(ID_KIND.person, index, joinedMs, clock),
      email,
      name,
      title,
      team,
      discipline,
      officeKey,
      office,
      managerIndex,
      role,
      joinedMs,
      senior: SENIOR.test(title),
    };
    all.push(person);
    return person;
  };

  const cto = add('Chief Technology Officer', 'Engineering Leadership', null, 'ams', null);
  const vps = new Map<DivisionKey, OrgPerson>();
  for (const [division, title] of Object.entries(DIVISIONS) as [DivisionKey, string][]) {
    vps.set(division, add(title, 'Engineering Leadership', null, random.weighted(PHYSICAL), cto.index));
  }
  const keys = Object.keys(DISCIPLINES) as DisciplineKey[];
  const directorCounts = apportion(
    18,
    keys.map((k) => DISCIPLINES[k].share),
  ).map((n) => Math.max(1, n));
  const directors = new Map<DisciplineKey, OrgPerson[]>();
  keys.forEach((key, i) => {
    const d = DISCIPLINES[key];
    const vp = vps.get(d.division) ?? cto;
    const list = Array.from({ length: directorCounts[i] ?? 1 }, () =>
      add(`Director of Engineering, ${d.name}`, `${d.name} Leadership`, key, random.weighted(PHYSICAL), vp.index),
    );
    directors.set(key, list);
  });

  // The developer-education team: the admins.
  const eduLead = add(
    'Developer Education Lead',
    'Developer Education',
    null,
    'ams',
    vps.get('infrastructure')?.index ?? cto.index,
    'admin',
  );
  for (const title of ['Instructional Designer', 'Technical Writer', 'Developer Educator']) {
    add(title, 'Developer Education', null, random.pick(['ams', 'lon', 'nyc'] as const), eduLead.index, 'admin');
  }

  const headcounts = apportion(
    ORG_PEOPLE - all.length,
    keys.map((k) => DISCIPLINES[k].share),
  );
  keys.forEach((key, i) => {
    const d = DISCIPLINES[key];
    const leads = directors.get(key) ?? [];
    const names = teamNames(random, d.labels, headcounts[i] ?? 0);
    let left = headcounts[i] ?? 0;
    let teamNo = 0;
    while (left > 0) {
      const size = left < 18 ? left : random.int(6, 12);
      left -= size;
      const team = names[teamNo] ?? `${d.name} ${teamNo + 1}`;
      const director = leads[teamNo % leads.length] ?? cto;
      teamNo++;
      const teamOffice = random.weighted(PHYSICAL);
      const manager = add(d.manager, team, key, teamOffice, director.index);
      for (let m = 1; m < size; m++) {
        const officeKey = random.chance(0.75) ? teamOffice : random.weighted(OFFICE_WEIGHTS);
        add(random.weighted(d.titles), team, key, officeKey, manager.index);
      }
    }
  });

  const byDiscipline = new Map<DisciplineKey, OrgPerson[]>();
  const byOffice = new Map<OfficeKey, OrgPerson[]>();
  const push = <K>(map: Map<K, OrgPerson[]>, key: K, p: OrgPerson) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  for (const p of all) {
    if (p.discipline) push(byDiscipline, p.discipline, p);
    push(byOffice, p.officeKey, p);
  }
  const hostRandom = new Random('org:hosts');
  const hostPools = new Map<DisciplineKey, OrgPerson[]>();
  for (const [key, people] of byDiscipline) {
    // Seniors are three times likelier to host; the pool's order makes a few people prolific.
    const pool = people.filter((p) => hostRandom.chance(p.senior ? 0.3 : 0.1));
    hostPools.set(key, hostRandom.shuffle(pool));
  }
  return { all, byDiscipline, byOffice, hostPools };
}

/** "<domain> <label>" names for a discipline's teams, in random order; "… 2" once they run out. */
function teamNames(random: Random, labels: readonly string[], people: number): string[] {
  const combos = DOMAINS.flatMap((domain) => labels.map((label) => `${domain} ${label}`));
  const names = random.shuffle(combos);
  const needed = Math.ceil(people / 6) + 1;
  for (let round = 2; names.length < needed; round++) names.push(...combos.map((name) => `${name} ${round}`));
  return names;
}

/** A name from the office's mix; namesakes get "first.last2@…" rather than another draw. */
function uniqueName(random: Random, office: Office, emails: Set<string>): { name: string; email: string } {
  const { name, emailLocal } = randomName(random, office.cultures, ORG_NAME_POOLS);
  let email = `${emailLocal}@${ORG_EMAIL_DOMAIN}`;
  for (let n = 2; emails.has(email); n++) email = `${emailLocal}${n}@${ORG_EMAIL_DOMAIN}`;
  emails.add(email);
  return { name, email };
}

export function personRow(p: OrgPerson, people: readonly OrgPerson[]): PeopleTable {
  const joined = iso(p.joinedMs);
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    title: p.title,
    team: p.team,
    location: p.office.name,
    time_zone: p.office.timeZone,
    manager_id: p.managerIndex === null ? null : (people[p.managerIndex]?.id ?? null),
    role: p.role,
    created_at: joined,
    updated_at: joined,
  };
}
