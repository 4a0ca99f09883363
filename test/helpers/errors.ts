import { expect } from 'vitest';
import { type ErrorCode, errorStatus } from '../../src/server/platform/errors.js';

/** An answer as app.inject gives it (body as text) or as callApi gives it (body parsed). */
type Answer = { statusCode: number; body: string } | { status: number; body: unknown };

/**
 * A refusal, by its status and its error code together: 403 alone does not tell `forbidden` from
 * `csrf_failed`. Fails with the answer's status, code and message side by side.
 */
export function expectError(answer: Answer, status: number, code: ErrorCode, what?: string): void {
  expect(errorStatus[code], `${code} is not a ${status}`).toBe(status);
  const actualStatus = 'statusCode' in answer ? answer.statusCode : answer.status;
  let body: unknown = answer.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      // not JSON: compared as it is, so the failure shows the text
    }
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const said = typeof error?.message === 'string' ? `answered "${error.message}"` : undefined;
  const label = [what, said].filter(Boolean).join(': ') || undefined;
  expect({ status: actualStatus, code: error?.code ?? body }, label).toEqual({ status, code });
}
