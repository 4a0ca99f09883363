import type { Registration, RosterEntry } from '../../../contracts/index.js';
import type { RegistrationRow } from './registrations.repository.js';

export function presentRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    sessionId: row.session_id,
    personId: row.person_id,
    status: row.status,
    position: row.status === 'waitlisted' ? row.position : null,
    mode: row.mode,
    offerExpiresAt: row.status === 'offered' ? row.offer_expires_at : null,
    lateCancellation: row.late_cancellation === 1,
    walkIn: row.walk_in === 1,
    checkedInAt: row.checked_in_at,
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type RosterRow = RegistrationRow & { name: string; email: string; title: string | null; team: string | null };

export function presentRosterEntry(row: RosterRow): RosterEntry {
  return {
    ...presentRegistration(row),
    person: { id: row.person_id, name: row.name, email: row.email, title: row.title, team: row.team },
  };
}
