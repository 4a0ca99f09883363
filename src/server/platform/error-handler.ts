import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DATABASE_BUSY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailable } from './db-errors.js';
import { AppError, type ErrorCode, errorStatus, type FieldIssue } from './errors.js';

function fieldIssues(error: FastifyError & { validation: unknown[] }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // fastify-type-provider-zod turns each zod issue into { keyword: code, instancePath, message, params }.
  type Issue = { keyword?: string; instancePath?: string; message?: string; params?: { keys?: string[] } };
  for (const v of error.validation as Issue[]) {
    const base = (v.instancePath ?? '').split('/').filter(Boolean).join('.');
    if (v.keyword === 'unrecognized_keys' && v.params?.keys) {
      for (const key of v.params.keys) {
        issues.push({ field: base ? `${base}.${key}` : key, message: `Unknown field "${key}".` });
      }
    } else {
      issues.push({ field: base || '(body)', message: v.message ?? 'Invalid value.' });
    }
  }
  return issues;
}

/** Maps Fastify's own error codes for unreadable requests onto Lyceum's codes. */
const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is larger than 1 MB.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'The Content-Length header does not match the body.' },
};

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string, details?: FieldIssue[]) {
  return reply
    .code(errorStatus[code])
    .type('application/json')
    .send({ error: { code, message, ...(details?.length ? { details } : {}), requestId: String(request.id) } });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, request, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'request');
      return sendError(reply, request, 'validation_failed', `Some fields of the ${where} are not valid.`, fieldIssues(error));
    }
    if (error.name === 'SyntaxError' || (error.code && fastifyCodes[error.code])) {
      const known = fastifyCodes[error.code ?? ''] ?? fastifyCodes.FST_ERR_CTP_INVALID_JSON_BODY;
      if (known) return sendError(reply, request, known.code, known.message);
    }
    if (error.statusCode === 429) {
      return sendError(reply, request, 'rate_limited', 'Too many attempts; wait a minute and try again.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      const code = error.statusCode === 404 ? 'not_found' : error.statusCode === 403 ? 'forbidden' : 'bad_request';
      return sendError(reply, request, code, error.message);
    }
    // Only what the database driver marked: the same socket error from anywhere else is a bug (500).
    if (error instanceof DatabaseUnavailable) {
      if (error.kind === 'busy') {
        request.log.warn({ reason: error.reason }, 'database busy');
        return sendError(reply, request, 'database_unavailable', DATABASE_BUSY_MESSAGE);
      }
      // The pool has said once that the database is away; a line per request would bury that.
      request.log.debug({ reason: error.reason }, 'database unavailable');
      return sendError(reply, request, 'database_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'internal', 'Something went wrong on our side. Try again; if it persists, quote the request id.');
  });
}
