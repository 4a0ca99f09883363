import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { isApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

/** zod issues as `{ 'materials.0.url': 'Must be an http(s) link.' }`, first message per field. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in out)) out[key] = friendlyMessage(issue);
  }
  return out;
}

/** zod's generic messages in plain words; custom messages from the schemas are kept. */
function friendlyMessage(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  if (issue.code === 'invalid_value' || m.startsWith('Invalid option')) return 'Choose one of the options.';
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return 'This field is required.';
  if (issue.code === 'too_small' && m.startsWith('Too small')) {
    if (issue.origin === 'string')
      return Number(issue.minimum) <= 1 ? 'This field is required.' : `Use at least ${issue.minimum} characters.`;
    if (issue.origin === 'number') return `Use ${issue.minimum} or more.`;
    if (issue.origin === 'array') return `Add at least ${issue.minimum}.`;
  }
  if (issue.code === 'too_big' && m.startsWith('Too big')) {
    if (issue.origin === 'string') return `Keep it under ${issue.maximum} characters.`;
    if (issue.origin === 'number') return `Use ${issue.maximum} or less.`;
    if (issue.origin === 'array') return `At most ${issue.maximum}.`;
  }
  return m;
}

/** Field errors the server sent in `error.details` (same camelCase, dotted paths). */
export function serverFieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isApiError(err)) return out;
  for (const d of err.details) if (!(d.field in out)) out[d.field] = d.message;
  return out;
}

export function errorMessage(err: unknown): string {
  if (isApiError(err)) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong. Try again.';
}

export function notifyError(err: unknown, title = 'That did not work'): void {
  if (isApiError(err) && err.status === 401) return; // the app is already going to sign-in
  notifications.show({ color: 'red', title, message: errorMessage(err), autoClose: 8000 });
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message });
}

/**
 * The one way to check a form: give `useForm({ validate: contractValidator(schema) })` the
 * contract's zod schema for the request body, so the form refuses exactly what the server would,
 * with the same friendly words; `serverFieldErrors` puts the server's own refusals on the same fields.
 */
export function contractValidator(schema: z.ZodType): (values: unknown) => FieldErrors {
  return (values) => {
    const result = schema.safeParse(values);
    return result.success ? {} : zodFieldErrors(result.error);
  };
}
