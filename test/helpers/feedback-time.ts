import type { Db } from '../../src/server/platform/db.js';

const DAY = 86_400_000;

/**
 * Days pass for one session's feedback: the session, its round, its asks and answers and its
 * follow-ups all move `days` into the past, so the feedback job (which reads the clock) sees them
 * as if that much time had gone by since the session ended.
 */
export async function daysPass(db: Db, sessionId: string, days: number): Promise<void> {
  const back = (iso: string) => new Date(Date.parse(iso) - days * DAY).toISOString();
  const backOrNull = (iso: string | null) => (iso === null ? null : back(iso));
  const session = await db.selectFrom('sessions').select(['starts_at', 'ends_at']).where('id', '=', sessionId).executeTakeFirstOrThrow();
  await db
    .updateTable('sessions')
    .set({ starts_at: back(session.starts_at), ends_at: back(session.ends_at) })
    .where('id', '=', sessionId)
    .execute();
  const round = await db.selectFrom('feedback_rounds').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
  if (round) {
    await db
      .updateTable('feedback_rounds')
      .set({ ended_at: back(round.ended_at), closes_at: back(round.closes_at), created_at: back(round.created_at) })
      .where('session_id', '=', sessionId)
      .execute();
  }
  for (const f of await db.selectFrom('feedback').selectAll().where('session_id', '=', sessionId).execute()) {
    await db
      .updateTable('feedback')
      .set({
        asked_at: back(f.asked_at),
        closes_at: back(f.closes_at),
        reminded_at: backOrNull(f.reminded_at),
        answered_at: backOrNull(f.answered_at),
        updated_at: back(f.updated_at),
      })
      .where('id', '=', f.id)
      .execute();
  }
  for (const u of await db.selectFrom('feedback_follow_ups').selectAll().where('session_id', '=', sessionId).execute()) {
    await db
      .updateTable('feedback_follow_ups')
      .set({ due_at: back(u.due_at), sent_at: backOrNull(u.sent_at), created_at: back(u.created_at) })
      .where('id', '=', u.id)
      .execute();
  }
}
