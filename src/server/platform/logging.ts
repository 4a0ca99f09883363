import type { FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';

// A calendar feed's address is its own credential (calendar apps cannot sign in), so the part
// after /calendar/ never reaches a log line, whatever follows it or however it is spelled. The
// raw URL is not enough to tell: the router decodes `/%63alendar/…` and `…%2Eics` into the feed
// route, and a double-encoded or oddly slashed address still carries the secret into a 404.
const FEED_ROUTE = '/calendar/:file';
const REDACTED_FEED = '/calendar/[redacted].ics';
/** A feed secret as Lyceum makes them (newSecret('cal'): 32 random bytes, base64url), wherever it stands. */
const FEED_SECRET = /cal_[\w-]{20,}/g;

/** Percent-escapes undone, again and again (double encoding); a malformed escape is left as it is. */
function decodeFully(text: string): string {
  let decoded = text;
  for (let round = 0; round < 5; round++) {
    const next = decoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (next === decoded) break;
    decoded = next;
  }
  return decoded;
}

/** Whether a path, however spelled, names something below /calendar/ (a feed address, good or bad). */
function isBelowCalendar(path: string): boolean {
  const segments = decodeFully(path)
    .split(/[/\\]+/)
    .filter((segment) => segment !== '' && segment !== '.');
  const at = segments.findIndex((segment) => segment.toLowerCase() === 'calendar');
  return at !== -1 && at < segments.length - 1;
}

/**
 * The request's URL as it may be logged: a feed address replaced (its query string kept), and a
 * feed secret anywhere else (a query string, a mangled path) cut out of the decoded URL.
 */
export function loggableUrl(url: string, route?: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  const shown = route === FEED_ROUTE || isBelowCalendar(path) ? `${REDACTED_FEED}${query}` : url;
  const decoded = decodeFully(shown);
  const scrubbed = decoded.replace(FEED_SECRET, 'cal_[redacted]');
  return scrubbed === decoded ? shown : scrubbed;
}

/** Fastify's request log fields, with the URL made loggable. */
function requestFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url, request.routeOptions?.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The app's logger settings; `stream` sends the lines elsewhere than stdout (tests read them). */
export function loggerOptions(level: string, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: { req: requestFields },
    ...(stream ? { stream } : {}),
  };
}
