/**
 * 5,000 workshops composed from the topic words, created over four years at a growing pace
 * (internal events double every year and a half), mostly published, mostly in English; each
 * with 1–3 hosts from the disciplines of its area, 2–5 tags and 1–2 channels.
 */
import type { Insertable } from 'kysely';
import type { WorkshopChannelsTable, WorkshopHostsTable, WorkshopsTable, WorkshopTagsTable } from '../../server/db/schema.js';
import { DAY, HOUR, iso, WEEK, YEAR } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import type { OrgChannel, OrgChannels } from './org-channels.js';
import { ID_KIND, type OrgClock, orgId } from './org-clock.js';
import type { OrgPeople, OrgPerson } from './org-people.js';
import { compose, type Prose } from './org-prose.js';
import { composeTitle, type Format, type Kind, type Level, type Topic } from './org-text.js';
import { AREAS, type Tech } from './org-topics.js';

export const ORG_WORKSHOPS = 5_000;

export interface OrgWorkshop {
  index: number;
  id: string;
  topic: Topic;
  title: string;
  format: Format;
  level: Level;
  language: string;
  durationMinutes: number;
  prose: Prose;
  status: 'draft' | 'published';
  createdMs: number;
  publishedMs: number | null;
  updatedMs: number;
  hosts: OrgPerson[];
  tags: string[];
  channels: OrgChannel[];
  /** How many people a session of it draws, relatively. */
  appeal: number;
}

const TECH_WEIGHT: Record<string, number> = {
  kubernetes: 4,
  postgresql: 1.5,
  kafka: 1.5,
  react: 1.5,
  llm: 1.5,
  terraform: 1.5,
  typescript: 1.3,
  go: 1.3,
};
const KINDS = [
  ['concept', 4],
  ['problem', 2.5],
  ['tech', 2],
  ['practice', 1.5],
] as const satisfies readonly (readonly [Kind, number])[];
const LANGUAGES = [
  ['en', 90],
  ['de', 4],
  ['fr', 3],
  ['es', 3],
] as const;
const LANGUAGE_SUFFIX: Record<string, string> = { de: ' (auf Deutsch)', fr: ' (en français)', es: ' (en español)' };
const DURATIONS: Record<Format, readonly number[]> = {
  talk: [30, 45, 45, 60],
  hands_on_lab: [90, 120, 120, 180],
  discussion: [45, 60, 60],
  course: [120, 180, 240],
  office_hours: [60],
};
const APPEAL: Record<Format, number> = { talk: 2.2, hands_on_lab: 1, discussion: 0.7, course: 0.9, office_hours: 0.45 };
const SUFFIXES = [' (EMEA)', ' (APAC)', ' (Americas)', ' (part 2)', ' (advanced)', ' revisited', ' (2nd edition)', ' (part 3)'];

/** A start time between `from` and `until`, denser towards `until`: doubling every 1.5 years. */
function growing(random: Random, from: number, until: number): number {
  const k = Math.LN2 / (1.5 * YEAR);
  const span = until - from;
  return from + Math.log(1 + random.float() * Math.expm1(k * span)) / k;
}

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
}

function pickTopic(random: Random): Topic {
  const area = random.weighted(AREAS.map((a) => [a, a.weight] as const));
  const kind: Kind = area.techs.length === 0 ? 'practice' : random.weighted(KINDS);
  if (kind === 'practice') return { area, tech: null, subject: random.pick(area.practices), other: null, kind };
  const tech = random.weighted(area.techs.map((t) => [t, TECH_WEIGHT[t.slug] ?? 1] as const));
  const others = area.techs.filter((t) => t !== tech);
  const other: Tech | null = others.length > 0 ? random.pick(others) : null;
  const subject = kind === 'concept' ? random.pick(tech.concepts) : kind === 'problem' ? random.pick(tech.problems) : null;
  return { area, tech, subject, other, kind };
}

/** Someone from the area's disciplines who was already here; a few prolific hosts give many workshops. */
function pickHost(random: Random, people: OrgPeople, topic: Topic, beforeMs: number, taken: readonly OrgPerson[]): OrgPerson {
  for (let attempt = 0; attempt < 50; attempt++) {
    const discipline = random.chance(0.85) ? random.weighted(topic.area.disciplines.map((d, i) => [d, 1 / (i + 1)] as const)) : null;
    const pool = discipline ? (people.hostPools.get(discipline) ?? []) : people.all;
    const person = pool[Math.floor(pool.length * random.float() ** 2.5)];
    if (person && person.joinedMs < beforeMs && !taken.includes(person)) return person;
  }
  for (;;) {
    const person = random.pick(people.all);
    if (person.joinedMs < beforeMs && !taken.includes(person)) return person;
  }
}

function pickChannels(random: Random, channels: OrgChannels, topic: Topic, owner: OrgPerson): OrgChannel[] {
  const areaChannel = channels.byTopic.get(topic.area.key)?.[0];
  const key = topic.tech?.slug ?? topic.subject ?? '';
  const covering = channels.byTopic.get(key) ?? [];
  const own = covering.find((c) => c.kind === 'tech');
  const hubs = covering.filter((c) => c.kind === 'hub');
  const picked: OrgChannel[] = [];
  const primary = own ?? (hubs.length > 0 && random.chance(0.7) ? random.pick(hubs) : areaChannel);
  if (primary) picked.push(primary);
  if (random.chance(0.55)) {
    const second = random.pick([...hubs, ...(areaChannel ? [areaChannel] : [])]);
    if (second && !picked.includes(second)) picked.push(second);
  }
  const office = channels.byTopic.get(`office:${owner.officeKey}`)?.[0];
  if (office && random.chance(0.06)) picked.splice(1, 1, office);
  else if (channels.community.length > 0 && random.chance(0.04)) picked.splice(1, 1, random.pick(channels.community));
  return picked;
}

function pickTags(random: Random, topic: Topic, format: Format, level: Level): string[] {
  const tags = new Set<string>();
  if (topic.tech) tags.add(topic.tech.slug);
  tags.add(topic.area.tag);
  if (topic.kind === 'practice' && topic.subject && random.chance(0.6)) tags.add(topic.subject.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  if (random.chance(0.7)) tags.add(level);
  const extras = ['best-practices', 'production', 'live-demo'];
  if (format === 'hands_on_lab') extras.push('hands-on', 'hands-on');
  if (topic.kind === 'problem') extras.push('debugging', 'debugging', 'performance');
  if (topic.area.key === 'onboarding' || level === 'beginner') extras.push('onboarding');
  if (random.chance(0.5)) tags.add(random.pick(extras));
  return [...tags].slice(0, 5);
}

export function buildOrgWorkshops(people: OrgPeople, channels: OrgChannels, clock: OrgClock): OrgWorkshop[] {
  const random = new Random('org:workshops');
  const titles = new Set<string>();
  const workshops: OrgWorkshop[] = [];
  const firstMs = clock.fromMs - 26 * WEEK;
  const lastMs = clock.anchorMs - 2 * DAY;

  for (let index = 0; index < ORG_WORKSHOPS; index++) {
    let topic = pickTopic(random);
    let composed = composeTitle(random, topic);
    for (let attempt = 0; attempt < 12 && (composed === null || titles.has(composed.title.toLowerCase())); attempt++) {
      topic = pickTopic(random);
      composed = composeTitle(random, topic);
    }
    while (composed === null) {
      topic = pickTopic(random);
      composed = composeTitle(random, topic);
    }
    const language = random.weighted(LANGUAGES);
    let title = composed.title + (LANGUAGE_SUFFIX[language] ?? '');
    for (let s = 0; titles.has(title.toLowerCase()); s++)
      title = `${composed.title}${SUFFIXES[s % SUFFIXES.length]}${s >= SUFFIXES.length ? ` ${s}` : ''}`;
    titles.add(title.toLowerCase());

    const { format, level } = composed;
    const createdMs = Math.floor(growing(random, firstMs, lastMs) / 1000) * 1000;
    const draft = random.chance(0.07);
    const publishedMs = draft
      ? null
      : Math.min(clock.anchorMs - HOUR, createdMs + random.int(1, 14) * DAY + random.int(0, 8 * 3600) * 1000);
    const updatedMs = Math.min(clock.anchorMs - HOUR, (publishedMs ?? createdMs) + (random.chance(0.5) ? 0 : random.int(1, 90) * DAY));
    const hosts: OrgPerson[] = [];
    const hostCount = random.weighted([
      [1, 55],
      [2, 35],
      [3, 10],
    ] as const);
    for (let h = 0; h < hostCount; h++) hosts.push(pickHost(random, people, topic, createdMs, hosts));
    const owner = hosts[0] as OrgPerson;
    const durationMinutes = random.pick(DURATIONS[format]);

    workshops.push({
      index,
      id: orgId(ID_KIND.workshop, index, createdMs, clock),
      topic,
      title,
      format,
      level,
      language,
      durationMinutes,
      prose: compose(random, topic, title, format, level, durationMinutes),
      status: draft ? 'draft' : 'published',
      createdMs,
      publishedMs,
      updatedMs,
      hosts,
      tags: pickTags(random, topic, format, level),
      channels: pickChannels(random, channels, topic, owner),
      appeal: Math.exp(0.7 * gaussian(random)) * APPEAL[format] * (topic.tech?.slug === 'kubernetes' ? 1.3 : 1),
    });
  }
  return workshops;
}

export function workshopRow(w: OrgWorkshop): Insertable<WorkshopsTable> {
  return {
    id: w.id,
    title: w.title,
    summary: w.prose.summary,
    description: w.prose.description,
    audience: w.prose.audience,
    objectives: JSON.stringify(w.prose.objectives),
    prerequisites: w.prose.prerequisites,
    format: w.format,
    duration_minutes: w.durationMinutes,
    materials: JSON.stringify(w.prose.materials),
    status: w.status,
    created_by: (w.hosts[0] as OrgPerson).id,
    created_at: iso(w.createdMs),
    updated_at: iso(w.updatedMs),
    published_at: w.publishedMs === null ? null : iso(w.publishedMs),
    is_series: 0,
    language: w.language,
    popularity: 0,
  };
}

export function hostRows(w: OrgWorkshop): WorkshopHostsTable[] {
  return w.hosts.map((p, i) => ({
    workshop_id: w.id,
    person_id: p.id,
    role: i === 0 ? 'owner' : 'cohost',
    added_at: iso(i === 0 ? w.createdMs : Math.min(w.createdMs + i * DAY, w.updatedMs)),
  }));
}

export const tagRows = (w: OrgWorkshop): WorkshopTagsTable[] => w.tags.map((tag) => ({ workshop_id: w.id, tag }));
export const workshopChannelRows = (w: OrgWorkshop): WorkshopChannelsTable[] =>
  w.channels.map((c) => ({ workshop_id: w.id, channel_id: c.id }));
