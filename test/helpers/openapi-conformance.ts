import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Every answer the integration suite receives is checked against what /api/openapi.json promises
 * for its route and status: a status the document does not list, a content type it does not
 * name, or a JSON body its schema refuses is a mismatch. The test app records them here, and
 * test/helpers/openapi-conformance.setup.ts fails the test that made the request.
 */

interface Media {
  schema?: object;
}
interface DocumentedResponse {
  content?: Record<string, Media>;
}
interface Operation {
  responses: Record<string, DocumentedResponse>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

export interface Mismatch {
  route: string;
  status: number;
  problem: string;
}

const mismatches: Mismatch[] = [];

/** The mismatches recorded since the last call (and forgets them). */
export function takeMismatches(): Mismatch[] {
  return mismatches.splice(0);
}

// The document is OpenAPI 3.0: Ajv knows its `nullable`; `example` is an annotation to skip.
const ajv = new Ajv({ allErrors: true, strict: true, keywords: ['example'] });
(addFormatsPlugin as unknown as (ajv: Ajv) => void)(ajv);
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

function bodyText(payload: unknown): string | undefined {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return undefined; // a stream: not read here
}

function check(document: Document, request: FastifyRequest, reply: FastifyReply, payload: unknown): Mismatch | undefined {
  const url = request.routeOptions.url;
  if (!url) return undefined; // no route matched: the not-found handler, not an API operation
  const path = url.replace(/:(\w+)/g, '{$1}');
  const operation = document.paths[path]?.[request.method.toLowerCase()];
  if (!operation) return undefined; // not in the API document (web app, metrics, the document itself)

  const route = `${request.method} ${path}`;
  const status = reply.statusCode;
  const mismatch = (problem: string): Mismatch => ({ route, status, problem });
  const documented = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`] ?? operation.responses.default;
  if (!documented) return mismatch(`status ${status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`);

  // Fastify never sends a body with 204 or 304, whatever the handler passed on.
  const text = status === 204 || status === 304 ? undefined : bodyText(payload);
  if (!documented.content) {
    return text ? mismatch(`documented without a body, but sent ${JSON.stringify(text.slice(0, 200))}`) : undefined;
  }
  const mediaType = (String(reply.getHeader('content-type') ?? '').split(';')[0] ?? '').trim().toLowerCase();
  const media = mediaType ? documented.content[mediaType] : undefined;
  if (!media) {
    return mismatch(`content type "${mediaType}" is not documented (documented: ${Object.keys(documented.content).join(', ')})`);
  }
  // Compressed bodies are not unpacked here; the uncompressed answers to the same routes are checked.
  if (!isJson(mediaType) || !media.schema || text === undefined || reply.getHeader('content-encoding')) return undefined;

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return mismatch(`the body is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
  }
  const validate = validatorFor(media.schema);
  if (validate(body)) return undefined;
  return mismatch(ajv.errorsText(validate.errors, { dataVar: 'body', separator: '; ' }));
}

/** Checks every answer of `app` against its own OpenAPI document; call before `app.ready()`. */
export function checkResponsesAgainstDocument(app: FastifyInstance): void {
  let document: Document | undefined;
  app.addHook('onSend', async (request, reply, payload) => {
    // Never throws: a throwing hook would turn the answer under test into a 500.
    try {
      document ??= app.swagger() as unknown as Document;
      const found = check(document, request, reply, payload);
      if (found) mismatches.push(found);
    } catch (error) {
      mismatches.push({
        route: `${request.method} ${request.routeOptions.url}`,
        status: reply.statusCode,
        problem: `cannot check: ${error}`,
      });
    }
    return payload;
  });
}
