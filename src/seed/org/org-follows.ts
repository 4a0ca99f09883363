/**
 * Who follows what: about a third of people follow a few channels of their own field (and
 * sometimes their office's), and about one in eight follows a prolific host or two.
 */

import type { FollowsTable } from '../../server/db/schema.js';
import { iso, MINUTE, seconds } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import type { OrgChannel, OrgChannels } from './org-channels.js';
import type { OrgClock } from './org-clock.js';
import type { OrgPeople, OrgPerson } from './org-people.js';
import type { DisciplineKey } from './org-teams.js';
import { AREAS } from './org-topics.js';

export function buildOrgFollows(people: OrgPeople, channels: OrgChannels, clock: OrgClock): FollowsTable[] {
  const random = new Random('org:follows');
  const byDiscipline = new Map<DisciplineKey, OrgChannel[]>();
  for (const area of AREAS) {
    const own = [area.key, ...area.techs.map((t) => t.slug), ...area.hubs.flatMap((h) => h.covers)].flatMap(
      (k) => channels.byTopic.get(k) ?? [],
    );
    for (const d of area.disciplines) byDiscipline.set(d, [...new Set([...(byDiscipline.get(d) ?? []), ...own])]);
  }
  const rows: FollowsTable[] = [];
  const at = (sinceMs: number) => iso(seconds(sinceMs + random.float() * Math.max(0, clock.anchorMs - MINUTE - sinceMs)));
  for (const person of people.all) {
    if (random.chance(0.33)) {
      const mine = person.discipline ? (byDiscipline.get(person.discipline) ?? []) : [];
      const office = channels.byTopic.get(`office:${person.officeKey}`) ?? [];
      const candidates = [
        ...new Set([...mine, ...(random.chance(0.3) ? office : []), ...(random.chance(0.2) ? [random.pick(channels.all)] : [])]),
      ];
      for (const channel of random.sample(candidates, random.int(1, 5))) {
        rows.push({
          person_id: person.id,
          kind: 'channel',
          target_id: channel.id,
          created_at: at(Math.max(person.joinedMs, channel.createdMs)),
        });
      }
    }
    if (person.discipline && random.chance(0.12)) {
      const pool = people.hostPools.get(person.discipline) ?? [];
      const hosts = new Set<OrgPerson>();
      const wanted = random.int(1, 3);
      for (let attempt = 0; attempt < 10 && hosts.size < wanted; attempt++) {
        const host = pool[Math.floor(pool.length * random.float() ** 2.5)];
        if (host && host !== person) hosts.add(host);
      }
      for (const host of hosts) {
        rows.push({ person_id: person.id, kind: 'host', target_id: host.id, created_at: at(Math.max(person.joinedMs, host.joinedMs)) });
      }
    }
  }
  return rows;
}
