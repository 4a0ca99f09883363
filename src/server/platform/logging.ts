import type { FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';

// A calendar feed's address is its own credential (calendar apps cannot sign in), so the part
// after /calendar/ never reaches a log line, whatever follows it or however it is spelled.
const FEED_ADDRESS = /^(\/+calendar\/)[^?#]*/i;

/** The request's URL as it may be logged: secrets in the path replaced. */
export const loggableUrl = (url: string): string => url.replace(FEED_ADDRESS, '$1[redacted].ics');

/** Fastify's request log fields, with the URL made loggable. */
function requestFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url),
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
