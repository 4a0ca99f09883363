import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema.js';

/**
 * Recordings of past demo sessions (issue 16): the most recent ended session of every talk and of
 * a few labs has a recording link and its slides, so the catalog shows "Recording available" and
 * workshop pages list them. Stamped as already announced: seeding sends no mail.
 */
export async function seedDemoRecordings(db: Kysely<Database>, now: Date): Promise<number> {
  const ended = await db
    .selectFrom('sessions as s')
    .innerJoin('workshops as w', 'w.id', 's.workshop_id')
    .select(['s.id', 's.workshop_id', 's.ends_at', 'w.format', 'w.title'])
    .where('s.status', '=', 'scheduled')
    .where('w.status', '=', 'published')
    .where('s.ends_at', '<', now.toISOString())
    .where('w.format', 'in', ['talk', 'hands_on_lab'])
    .orderBy('s.ends_at', 'desc')
    .orderBy('s.id')
    .execute();
  const latest = new Map<string, (typeof ended)[number]>();
  for (const s of ended) if (!latest.has(s.workshop_id)) latest.set(s.workshop_id, s);
  // Every talk, and every other lab: not every session is recorded.
  const chosen = [...latest.values()].filter((s, i) => s.format === 'talk' || i % 2 === 0);
  for (const s of chosen) {
    const slug = s.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    await db
      .updateTable('sessions')
      .set({
        recording_url: `https://video.lyceum.example/recordings/${slug}`,
        session_materials: JSON.stringify([{ title: 'Slides', url: `https://slides.lyceum.example/${slug}` }]),
        recording_added_at: s.ends_at,
      })
      .where('id', '=', s.id)
      .execute();
  }
  return chosen.length;
}
