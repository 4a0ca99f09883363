import fresh from 'fresh';
import { calendarApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { CalendarService } from './calendar.service.js';

const tags = ['notifications'];
const ICS = 'text/calendar; charset=utf-8';

export function calendarRoutes(app: Api, calendar: CalendarService): void {
  route(
    app,
    calendarApi.sessionFile,
    {
      tags,
      summary: 'The session as a calendar file',
      description: 'Downloads the session as an iCalendar file to add to a calendar.',
      produces: ['text/calendar'],
    },
    async (request, reply) => {
      const { body, validators } = await calendar.sessionFile(requireActor(request), request.params.id);
      reply.header('etag', validators.etag).header('cache-control', 'private, no-cache');
      if (fresh(request.headers, { etag: validators.etag })) return reply.code(304).send();
      return reply.type(ICS).header('content-disposition', 'attachment; filename="session.ics"').send(body);
    },
  );

  route(
    app,
    calendarApi.myFeed,
    {
      tags,
      summary: 'Whether you have a personal calendar feed, and when it was made',
      description: 'The address itself is a secret shown only when it is made (POST); Lyceum keeps only a hash of it.',
    },
    (request) => calendar.feedOf(requireActor(request)),
  );

  route(
    app,
    calendarApi.newFeed,
    {
      tags,
      summary: 'Make a new feed address (shown once); any earlier address stops working',
      description:
        'Makes a new secret address for your calendar feed and shows it this once; any earlier address stops working at once. ' +
        'Only a browser session may make one: an API token gets 403, as the address would outlive revoking the token.',
    },
    async (request, reply) => reply.code(201).send(await calendar.newFeed(requireActor(request))),
  );

  // Calendar apps subscribe without signing in: the secret address is the credential.
  route(
    app,
    calendarApi.feed,
    {
      tags,
      summary: 'A personal calendar feed (iCalendar)',
      description:
        'The calendar feed itself, for calendar apps to subscribe to: the secret address is the credential, so no sign-in is needed.',
      config: { public: true },
      produces: ['text/calendar'],
      errors: false,
    },
    async (request, reply) => {
      // A 304 when the app's copy is current (RFC 9110 13.1: If-None-Match first, else If-Modified-Since).
      const { validators, body } = await calendar.feedFile(request.params.file.replace(/\.ics$/, ''), (v) =>
        fresh(request.headers, { etag: v.etag, 'last-modified': v.lastModified }),
      );
      reply
        .header('etag', validators.etag)
        .header('last-modified', validators.lastModified)
        .header('cache-control', 'private, max-age=300');
      if (body === null) return reply.code(304).send();
      return reply.type(ICS).send(body);
    },
  );
}
