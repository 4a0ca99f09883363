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

  async feedToken(db: Executor, personId: string): Promise<string | undefined> {
    const row = await db.selectFrom('calendar_feeds').select('token').where('person_id', '=', personId).executeTakeFirst();
    return row?.token;
  },

  async personOfFeed(db: Executor, token: string): Promise<string | undefined> {
    const row = await db.selectFrom('calendar_feeds').select('person_id').where('token', '=', token).executeTakeFirst();
    return row?.person_id;
  },

  async saveFeedToken(db: Executor, personId: string, token: string, at: string): Promise<void> {
    await db
      .insertInto('calendar_feeds')
      .values({ person_id: personId, token, created_at: at })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ token, created_at: at }))
      .execute();
  },
};
