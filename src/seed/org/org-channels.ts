import type { Insertable } from 'kysely';
import type { ChannelOwnersTable, ChannelsTable } from '../../server/db/schema.js';
import { DAY, iso, WEEK } from '../shared/clock.js';
/**
 * 200 channels: one per topic area ("Data Engineering"), one per technology ("Kafka"), hubs
 * across technologies and practices ("Frontend Performance", "Incident Response"), communities
 * ("Paper Reading Group") and the offices ("Learning in Tokyo"). Each has 1–2 owners from the
 * disciplines it serves, and knows which technologies and practices belong to it.
 */
import { OFFICES, type OfficeKey } from '../shared/places.js';
import { Random } from '../shared/random.js';
import { slugify } from '../shared/text.js';
import { ID_KIND, type OrgClock, orgId } from './org-clock.js';
import type { OrgPeople, OrgPerson } from './org-people.js';
import type { DisciplineKey } from './org-teams.js';
import { AREAS, COMMUNITY_CHANNELS } from './org-topics.js';

export const ORG_CHANNELS = 200;

export interface OrgChannel {
  index: number;
  id: string;
  slug: string;
  name: string;
  description: string;
  createdMs: number;
  kind: 'area' | 'tech' | 'hub' | 'community' | 'office';
  owners: OrgPerson[];
}

export interface OrgChannels {
  all: OrgChannel[];
  /** Channels by what they cover: an area key, a technology slug, a practice, or "office:ams". */
  byTopic: Map<string, OrgChannel[]>;
  community: OrgChannel[];
}

interface Draft {
  name: string;
  description: string;
  kind: OrgChannel['kind'];
  covers: string[];
  disciplines: readonly DisciplineKey[];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function drafts(): Draft[] {
  const list: Draft[] = [];
  for (const area of AREAS) {
    list.push({
      name: area.name,
      description: `${capitalise(area.about)}. Talks, labs and office hours from colleagues, and where to ask for more.`,
      kind: 'area',
      covers: [area.key],
      disciplines: area.disciplines,
    });
  }
  for (const area of AREAS) {
    for (const tech of area.techs) {
      const topics = [...tech.concepts.slice(0, 3), ...tech.problems.slice(0, 1)].join(', ');
      list.push({
        // "vector search" is a phrase and reads capitalised; "k6" and "dbt" are names and stay as they are.
        name: tech.name.includes(' ') && tech.name === tech.name.toLowerCase() ? capitalise(tech.name) : tech.name,
        description: `Everything ${tech.name} at the company: ${topics} and more. Part of ${area.name}.`,
        kind: 'tech',
        covers: [tech.slug],
        disciplines: area.disciplines,
      });
    }
  }
  for (const area of AREAS) {
    for (const hub of area.hubs) {
      list.push({
        name: hub.name,
        description: `${capitalise(hub.about)}.`,
        kind: 'hub',
        covers: [...hub.covers],
        disciplines: area.disciplines,
      });
    }
  }
  for (const c of COMMUNITY_CHANNELS) {
    list.push({ name: c.name, description: `${capitalise(c.about)}.`, kind: 'community', covers: [], disciplines: [] });
  }
  for (const [key, office] of Object.entries(OFFICES) as [OfficeKey, (typeof OFFICES)[OfficeKey]][]) {
    if (office.remote) continue;
    list.push({
      name: `Learning in ${office.name}`,
      description: `In-person workshops, talks and meetups at the ${office.name} office. Rooms, snacks and recordings.`,
      kind: 'office',
      covers: [`office:${key}`],
      disciplines: [],
    });
  }
  return list;
}

export function buildOrgChannels(people: OrgPeople, clock: OrgClock): OrgChannels {
  const random = new Random('org:channels');
  const list = drafts();
  if (list.length < ORG_CHANNELS) throw new Error(`org data: only ${list.length} channels defined`);
  const all: OrgChannel[] = [];
  const byTopic = new Map<string, OrgChannel[]>();
  const slugs = new Set<string>();
  const everyone = people.all.filter((p) => p.senior);

  list.slice(0, ORG_CHANNELS).forEach((draft, index) => {
    let slug = slugify(draft.name);
    if (slugs.has(slug)) slug = `${slug}-${draft.kind}`;
    slugs.add(slug);
    // Areas first, then their technologies; hubs and communities came later, as the catalog grew.
    const createdMs = clock.fromMs - (draft.kind === 'area' ? random.int(10, 30) : random.int(-150, 8)) * WEEK + random.int(0, 6) * DAY;
    const candidates = draft.disciplines.flatMap((d) => people.byDiscipline.get(d) ?? []).filter((p) => p.senior && p.joinedMs < createdMs);
    const pool = candidates.length > 0 ? candidates : everyone;
    const owners = random.sample(pool.slice(0, 4000), random.chance(0.55) ? 1 : 2);
    const channel: OrgChannel = {
      index,
      id: orgId(ID_KIND.channel, index, createdMs, clock),
      slug,
      name: draft.name,
      description: draft.description,
      createdMs,
      kind: draft.kind,
      owners,
    };
    all.push(channel);
    for (const topic of draft.covers) byTopic.set(topic, [...(byTopic.get(topic) ?? []), channel]);
  });
  return { all, byTopic, community: all.filter((c) => c.kind === 'community') };
}

export function channelRow(c: OrgChannel): Insertable<ChannelsTable> {
  return { id: c.id, slug: c.slug, name: c.name, description: c.description, created_at: iso(c.createdMs), updated_at: iso(c.createdMs) };
}

export function channelOwnerRows(c: OrgChannel): ChannelOwnersTable[] {
  return c.owners.map((p) => ({ channel_id: c.id, person_id: p.id }));
}
