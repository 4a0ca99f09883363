import type { RegistrationStatus } from '../../db/schema.js';

/** Where a registration still to come stands; anything else is not "upcoming". */
export const UPCOMING_STATUSES = ['enrolled', 'waitlisted', 'offered'] as const satisfies readonly RegistrationStatus[];

/**
 * What a manager sees of a past registration: attended, did not come, or cancelled too late to
 * give the seat away. An early cancellation is the person's own business and is not shown; nor is
 * feedback, ever.
 */
export function outcomeOf(row: {
  status: RegistrationStatus;
  late_cancellation: number;
}): 'attended' | 'no_show' | 'cancelled_late' | null {
  if (row.status === 'attended') return 'attended';
  if (row.status === 'no_show') return 'no_show';
  if (row.status === 'cancelled' && Number(row.late_cancellation) === 1) return 'cancelled_late';
  return null;
}

/** A manager is someone an active person reports to directly (people.manager_id, from the directory). */
export const isManager = (reportCount: number): boolean => reportCount > 0;
