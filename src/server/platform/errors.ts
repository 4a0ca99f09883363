/**
 * The one error model: every failure a client may see is an AppError with a stable code.
 * The code decides the HTTP status; the message is written for a person.
 */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_an_attendee: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  /** An admin may not deactivate, erase or change the role of their own account. */
  cannot_change_self: 409,
  feedback_closed: 409,
  /** A host marking attendance before the check-in window (15 minutes before the start). */
  check_in_not_open: 409,
  /** A host marking attendance more than 7 days after the session ended. */
  check_in_closed: 409,
  /** A recording or materials for a session that has not started yet. */
  not_started: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  database_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const invalidState = (message: string) => new AppError('invalid_state', message);
export const invalidField = (field: string, message: string) => new AppError('validation_failed', message, [{ field, message }]);
