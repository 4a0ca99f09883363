import type { Session } from '../../../contracts/index.js';
import type { SessionRow } from './sessions.repository.js';

export function presentSession(row: SessionRow): Session {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    mode: row.mode,
    location: row.location,
    videoUrl: row.video_url,
    seats: row.seats,
    status: row.status,
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
