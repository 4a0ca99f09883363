import type { Executor } from '../../platform/transaction.js';
import type { CalendarSession } from './calendar.js';

const COLUMNS = [
  's.id',
  's.workshop_id',
  'w.title',
  'w.summary',
  's.starts_at',
  's.ends_at',
  's.mode',
  's.location',
  's.video_url',
  's.status',
] as const;

/** Sessions as calendars show them, and the secret addresses of personal feeds. */
export const calendarRepository = {
  session(db: Executor, id: string): Promise<CalendarSession | undefined> {
    return db
      .selectFrom('sessions as s')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .select(COLUMNS)
      .where('s.id', '=', id)
      .executeTakeFirst();
  },

  /**
   * A person's feed: sessions since `since` they hold a seat in, attended, or host (of published
   * workshops). Cancelled sessions stay in, marked cancelled, so subscribed calendars drop them.
   */
  feed(db: Executor, personId: string, since: string): Promise<CalendarSession[]> {
    return db
      .selectFrom('sessions as s')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .select(COLUMNS)
      .where('s.ends_at', '>=', since)
      .where('w.status', '=', 'published')
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('registrations as r')
              .select('r.id')
              .whereRef('r.session_id', '=', 's.id')
              .where('r.person_id', '=', personId)
              .where('r.status', 'in', ['enrolled', 'offered', 'attended']),
          ),
          eb.exists(
            eb
              .selectFrom('workshop_hosts as h')
              .select('h.person_id')
              .whereRef('h.workshop_id', '=', 's.workshop_id')
              .where('h.person_id', '=', personId),
          ),
        ]),
      )
      .orderBy('s.starts_at')
      .limit(1000)
      .execute();
  },

  /** When the person's feed address was made and how it ends; the address itself is not kept. */
  feedOf(db: Executor, personId: string): Promise<{ created_at: string; hint: string } | undefined> {
    return db.selectFrom('calendar_feeds').select(['created_at', 'hint']).where('person_id', '=', personId).executeTakeFirst();
  },

  async personOfFeed(db: Executor, tokenHash: string): Promise<string | undefined> {
    const row = await db.selectFrom('calendar_feeds').select('person_id').where('token_hash', '=', tokenHash).executeTakeFirst();
    return row?.person_id;
  },

  /** One feed per person: a new address replaces the old one. */
  async saveFeed(db: Executor, feed: { personId: string; tokenHash: string; hint: string; at: string }): Promise<void> {
    const values = { token_hash: feed.tokenHash, hint: feed.hint, created_at: feed.at };
    await db
      .insertInto('calendar_feeds')
      .values({ person_id: feed.personId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
  },
};
