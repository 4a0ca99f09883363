import { sql } from 'kysely';
import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';

// Every enrolment raises one: compiled once.
const bump = prepared((db, sessionId: string, personId: string, at: string) =>
  db
    .insertInto('calendar_invites')
    .values({ session_id: sessionId, person_id: personId, sequence: 0, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['session_id', 'person_id']).doUpdateSet({ sequence: sql`calendar_invites.sequence + 1`, updated_at: at }),
    )
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
