import type { Session } from '../../../contracts/index.js';
import { presentRegistration } from '../registrations/registrations.presenter.js';
import { emptyCounts, type PoolCounts, type RegistrationRow } from '../registrations/registrations.repository.js';
import { type SessionViewer, videoLinkFor } from './sessions.policy.js';
import type { SessionRow } from './sessions.repository.js';

export interface SessionExtras {
  counts?: PoolCounts;
  /** The viewer's own registration (not a cancelled one). */
  mine?: RegistrationRow | null;
}

/** Who a session is presented to: what they may see of it (the video link) depends on it. */
export type SessionAudience = Omit<SessionViewer, 'registration'>;

export function presentSession(row: SessionRow, audience: SessionAudience, extras: SessionExtras = {}): Session {
  const counts = extras.counts ?? emptyCounts();
  return {
    id: row.id,
    workshopId: row.workshop_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    mode: row.mode,
    location: row.location,
    videoUrl: videoLinkFor(row.video_url, { ...audience, registration: extras.mine }),
    // Whether there is a door at all, so the page tells someone without a seat what they will get.
    hasVideoLink: row.video_url !== null,
    seats: row.seats,
    onlineSeats: row.mode === 'hybrid' ? row.online_seats : null,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    promotion: row.promotion,
    offerHours: row.offer_hours,
    enrolledCount: counts.taken.in_person + counts.taken.online,
    waitlistCount: counts.waiting.in_person + counts.waiting.online,
    onlineEnrolledCount: counts.taken.online,
    onlineWaitlistCount: counts.waiting.online,
    myRegistration: extras.mine ? presentRegistration(extras.mine) : null,
    status: row.status,
    recordingUrl: row.recording_url ?? null,
    materials: materialsOf(row.session_materials ?? null),
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A session's own materials (JSON [{ title, url }]); anything unreadable is shown as none. */
export function materialsOf(json: string | null): { title: string; url: string }[] {
  if (!json) return [];
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list)
      ? list.filter((m): m is { title: string; url: string } => typeof m?.title === 'string' && typeof m?.url === 'string')
      : [];
  } catch {
    return [];
  }
}
