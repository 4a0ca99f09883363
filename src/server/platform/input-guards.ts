import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** The path of the first string holding a NUL character, if any. */
function findNul(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : undefined;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findNul(child, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL cannot store NUL in text, and no person types one: refuse it everywhere with a 400
 * before it reaches a schema or a query, so both databases behave alike.
 */
export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = findNul(part);
      if (field !== undefined) {
        throw new AppError('validation_failed', 'Text may not contain NUL characters.', [{ field, message: 'Contains a NUL character.' }]);
      }
    }
  });
}
