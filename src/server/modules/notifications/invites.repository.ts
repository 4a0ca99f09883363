import { type OnConflictBuilder, type OnConflictDatabase, type OnConflictTables, type OnConflictUpdateBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';

/** The sequence of a person's first invitation to a session. */
export const FIRST_INVITATION = 0;

/**
 * How invitations are numbered, for every statement that sends one: a row of (session_id,
 * person_id, FIRST_INVITATION, updated_at) inserted with this conflict clause is the first
 * invitation, or one more than the last. nextSequence runs it for one enrolment;
 * registrationsRepository.takePlaces for the seats of a batch.
 */
export function raiseInvitation(
  oc: OnConflictBuilder<Database, 'calendar_invites'>,
): OnConflictUpdateBuilder<OnConflictDatabase<Database, 'calendar_invites'>, OnConflictTables<'calendar_invites'>> {
  return oc
    .columns(['session_id', 'person_id'])
    .doUpdateSet({ sequence: sql`calendar_invites.sequence + 1`, updated_at: sql`excluded.updated_at` });
}

// Every enrolment raises one: compiled once.
const bump = prepared((db, sessionId: string, personId: string, at: string) =>
  db
    .insertInto('calendar_invites')
    .values({ session_id: sessionId, person_id: personId, sequence: FIRST_INVITATION, updated_at: at })
    .onConflict(raiseInvitation)
    .returning('sequence'),
);

/** Each person's calendar invitation per session: the SEQUENCE its next update or cancellation carries. */
export const invitesRepository = {
  /** The next sequence for this person and session: 0 for the first invitation, then one more each time. */
  async nextSequence(db: Executor, sessionId: string, personId: string, at: string): Promise<number> {
    const [row] = await bump(db, sessionId, personId, at);
    return Number(row?.sequence);
  },

  /** Whether this person was ever sent an invitation for the session. */
  async exists(db: Executor, sessionId: string, personId: string): Promise<boolean> {
    return (await invitesRepository.current(db, sessionId, personId)) !== undefined;
  },

  /** The sequence of the invitation last sent (undefined: none was). */
  async current(db: Executor, sessionId: string, personId: string): Promise<number | undefined> {
    const row = await db
      .selectFrom('calendar_invites')
      .select('sequence')
      .where('session_id', '=', sessionId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.sequence);
  },
};
