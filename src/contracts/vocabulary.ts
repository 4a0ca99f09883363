import type { RegistrationStatus } from './registrations.js';

// Plain values (no zod) that the web app's first page shows: formats, modes and their labels.
// They live apart from the schemas so that the catalog can import them without the schemas and
// zod (a module goes into the web app's bundles whole). workshops.ts and sessions.ts build their
// schemas from them and export them as before.

export const workshopFormats = ['talk', 'hands_on_lab', 'discussion', 'course', 'office_hours'] as const;
type WorkshopFormat = (typeof workshopFormats)[number];

export const formatLabels: Record<WorkshopFormat, string> = {
  talk: 'Talk',
  hands_on_lab: 'Hands-on lab',
  discussion: 'Discussion',
  course: 'Course',
  office_hours: 'Office hours',
};

/** Typical length per format: the default when a host schedules a session. */
export const defaultDurationMinutes: Record<WorkshopFormat, number> = {
  talk: 45,
  hands_on_lab: 120,
  discussion: 60,
  course: 180,
  office_hours: 60,
};

export const sessionModes = ['in_person', 'online', 'hybrid'] as const;
type SessionMode = (typeof sessionModes)[number];
export const modeLabels: Record<SessionMode, string> = { in_person: 'In person', online: 'Online', hybrid: 'Hybrid' };

/**
 * Registrations that may join the call: a confirmed seat. Waitlisted people have no seat, and an
 * offered one is not theirs until they confirm; hosts and admins see the link regardless.
 */
export const videoLinkStatuses: readonly RegistrationStatus[] = ['enrolled', 'attended'];
