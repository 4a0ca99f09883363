import type { SearchHit, SearchResponse } from '../../../contracts/index.js';
import type { MemoryChannel, MemoryWorkshop } from './search-memory.js';
import { channelMaps } from './search-results.js';

type HitWorkshop = SearchHit['workshop'];

/**
 * A hit's workshop, made once per version of the workshop in memory (the keeper replaces the
 * object when the workshop changes, so a changed workshop is made again) and list of channels
 * (a renamed channel changes the list), then shared by every search that finds it: frozen.
 * About 10 KB of a 25 KB answer at org scale; making, checking and encoding it for every
 * uncached search was a fifth of the search's CPU.
 */
const kept = new WeakMap<MemoryWorkshop, { channels: MemoryChannel[]; workshop: HitWorkshop }>();
/** Each kept hit workshop's JSON as UTF-8, written into every answer that shows it. */
const keptBytes = new WeakMap<HitWorkshop, Buffer>();

export function hitWorkshop(workshop: MemoryWorkshop, channels: MemoryChannel[]): HitWorkshop {
  const found = kept.get(workshop);
  if (found && found.channels === channels) return found.workshop;
  const { channelById, rankById } = channelMaps(channels);
  const hit: HitWorkshop = deepFreeze({
    id: workshop.id,
    title: workshop.title,
    summary: workshop.summary,
    format: workshop.format,
    language: workshop.language,
    tags: [...workshop.tags].sort(),
    // In the order of their names (ranked once per list of channels).
    channels: workshop.channelIds
      .flatMap((id) => channelById.get(id) ?? [])
      .sort((a, b) => (rankById.get(a.id) as number) - (rankById.get(b.id) as number))
      .map((ch) => ({ slug: ch.slug, name: ch.name })),
    hosts: workshop.hosts.map((h) => ({ id: h.id, name: h.name, title: h.title })),
    popularity: Number(workshop.popularity),
    publishedAt: workshop.published_at,
  });
  kept.set(workshop, { channels, workshop: hit });
  keptBytes.set(hit, Buffer.from(JSON.stringify(hit)));
  return hit;
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner);
  return Object.freeze(value);
}

/**
 * The answer as the bytes sent: the JSON of the contract's `searchResponse`, keys in its order,
 * with each workshop's bytes taken as they were kept (the search tests check that these bytes
 * equal the contract-checked JSON). Only the session, the excerpt and the facets are written anew.
 */
export function searchAnswerBytes(answer: SearchResponse): Buffer {
  const parts: Buffer[] = [];
  let text = '{"items":[';
  answer.items.forEach((hit, i) => {
    parts.push(Buffer.from(`${text}${i > 0 ? ',' : ''}{"workshop":`));
    parts.push(keptBytes.get(hit.workshop) ?? Buffer.from(JSON.stringify(hit.workshop)));
    text = `,"nextSession":${JSON.stringify(hit.nextSession)},"hasRecording":${hit.hasRecording},"highlight":${JSON.stringify(hit.highlight)}}`;
  });
  const { tags, channels, modes, formats, locations } = answer.facets;
  const facets = JSON.stringify({ tags, channels, modes, formats, locations });
  parts.push(Buffer.from(`${text}],"facets":${facets},"total":${answer.total},"nextCursor":${JSON.stringify(answer.nextCursor)}}`));
  return Buffer.concat(parts);
}
