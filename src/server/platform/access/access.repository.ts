import { prepared } from '../prepared.js';
import type { Executor } from '../transaction.js';

/** The facts access decisions are made from, read straight from the tables (Immich's AccessRepository is the model). */
export interface WorkshopFacts {
  workshopId: string;
  status: 'draft' | 'published';
  hostIds: string[];
}

export interface SessionFacts extends WorkshopFacts {
  sessionId: string;
}

export interface RegistrationFacts extends SessionFacts {
  registrationId: string;
  personId: string;
}

const workshopStatus = prepared((db, id: string) => db.selectFrom('workshops').select(['id', 'status']).where('id', '=', id));
const sessionWorkshop = prepared((db, id: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('workshops as w', 'w.id', 's.workshop_id')
    .select(['s.id as session_id', 'w.id as workshop_id', 'w.status'])
    .where('s.id', '=', id),
);
const registrationSession = prepared((db, id: string) =>
  db
    .selectFrom('registrations as r')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .innerJoin('workshops as w', 'w.id', 's.workshop_id')
    .select(['r.id as registration_id', 'r.person_id', 's.id as session_id', 'w.id as workshop_id', 'w.status'])
    .where('r.id', '=', id),
);
const hostIdsOf = prepared((db, workshopId: string) =>
  db.selectFrom('workshop_hosts').select('person_id').where('workshop_id', '=', workshopId),
);

async function hosts(db: Executor, workshopId: string): Promise<string[]> {
  return (await hostIdsOf(db, workshopId)).map((h) => h.person_id);
}

export const accessRepository = {
  async workshop(db: Executor, workshopId: string): Promise<WorkshopFacts | undefined> {
    const [row] = await workshopStatus(db, workshopId);
    return row && { workshopId: row.id, status: row.status, hostIds: await hosts(db, row.id) };
  },

  async session(db: Executor, sessionId: string): Promise<SessionFacts | undefined> {
    const [row] = await sessionWorkshop(db, sessionId);
    return row && { sessionId: row.session_id, workshopId: row.workshop_id, status: row.status, hostIds: await hosts(db, row.workshop_id) };
  },

  /** Whether the admins shared the education dashboard with this person (read-only). */
  async dashboardViewer(db: Executor, personId: string): Promise<boolean> {
    const row = await db.selectFrom('dashboard_viewers').select('person_id').where('person_id', '=', personId).executeTakeFirst();
    return row !== undefined;
  },

  async registration(db: Executor, registrationId: string): Promise<RegistrationFacts | undefined> {
    const [row] = await registrationSession(db, registrationId);
    return (
      row && {
        registrationId: row.registration_id,
        personId: row.person_id,
        sessionId: row.session_id,
        workshopId: row.workshop_id,
        status: row.status,
        hostIds: await hosts(db, row.workshop_id),
      }
    );
  },
};

export type AccessRepository = typeof accessRepository;
