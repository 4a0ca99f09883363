import type { Recommendation, SearchHit } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import type { peopleRepository } from '../people/people.repository.js';
import type { channelsRepository } from './channels.repository.js';
import type { UpcomingSessions } from './ports.js';
import type { recommendationsRepository } from './recommendations.repository.js';

const PER_SIGNAL = 6;
const TOTAL = 12;

/**
 * "Recommended for you": from followed channels and hosts, what the person's team registers
 * for, and what people who attended the same workshops went on to attend — each with its
 * reason. Nothing the person hosts or is already registered for.
 */
export class RecommendationsService {
  constructor(
    private readonly tx: Transactor,
    private readonly signals: typeof recommendationsRepository,
    private readonly channels: typeof channelsRepository,
    private readonly people: typeof peopleRepository,
    private readonly search: UpcomingSessions,
  ) {}

  async forPerson(actor: Actor): Promise<{ items: Recommendation[] }> {
    const db = this.tx.executor;
    const now = nowIso();
    const [mine, channelIds, hostIds, me] = await Promise.all([
      this.signals.alreadyMine(db, actor.id, now),
      this.channels.following(db, actor.id, 'channel'),
      this.channels.following(db, actor.id, 'host'),
      this.people.findById(db, actor.id),
    ]);
    const picked: Recommendation[] = [];
    const add = (hits: SearchHit[], reason: (hit: SearchHit) => Recommendation['reason'] | null) => {
      for (const hit of hits.slice(0, PER_SIGNAL * 2)) {
        if (picked.length >= TOTAL || mine.has(hit.workshop.id) || picked.some((p) => p.hit.workshop.id === hit.workshop.id)) continue;
        const why = reason(hit);
        if (why) picked.push({ hit, reason: why });
      }
    };

    if (channelIds.length > 0) {
      const followed = await Promise.all(channelIds.map((id) => this.channels.findBySlugOrId(db, id)));
      const slugs = followed.filter((c) => c !== undefined).map((c) => c.slug);
      add(await this.search.upcoming({ channel: slugs }, PER_SIGNAL * 2), (hit) => {
        const channel = hit.workshop.channels.find((c) => slugs.includes(c.slug));
        return channel ? { kind: 'channel', text: `Because you follow ${channel.name}` } : null;
      });
    }
    if (hostIds.length > 0) {
      add(await this.search.upcoming({ host: hostIds }, PER_SIGNAL * 2), (hit) => {
        const host = hit.workshop.hosts.find((h) => hostIds.includes(h.id));
        return host ? { kind: 'host', text: `Because you follow ${host.name}` } : null;
      });
    }
    if (me?.team) {
      const team = me.team;
      const popular = await this.signals.popularInTeam(db, team, actor.id, now, PER_SIGNAL * 2);
      const counts = new Map(popular.map((p) => [p.workshop_id, Number(p.n)]));
      const hits = await this.search.upcoming({ ids: popular.map((p) => p.workshop_id) }, PER_SIGNAL * 2);
      hits.sort((a, b) => (counts.get(b.workshop.id) ?? 0) - (counts.get(a.workshop.id) ?? 0));
      add(hits, (hit) => {
        const n = counts.get(hit.workshop.id) ?? 0;
        return { kind: 'team', text: `Popular in ${team}: ${n} ${n === 1 ? 'colleague' : 'colleagues'} registered` };
      });
    }
    const also = await this.signals.alsoAttended(db, actor.id, now, PER_SIGNAL * 2);
    if (also.length > 0) {
      const because = new Map<string, string>();
      for (const a of also) if (!because.has(a.workshop_id)) because.set(a.workshop_id, a.because_title);
      add(await this.search.upcoming({ ids: [...because.keys()] }, PER_SIGNAL * 2), (hit) => ({
        kind: 'also_attended',
        text: `People who attended "${because.get(hit.workshop.id)}" also attended this`,
      }));
    }
    if (picked.length < TOTAL) {
      add(await this.search.upcoming({ sort: 'popular' }, TOTAL), () => ({ kind: 'popular', text: 'Popular across the company' }));
    }
    return { items: picked };
  }
}
