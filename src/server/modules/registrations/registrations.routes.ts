import { z } from 'zod';
import {
  catalogEntry,
  checkInBody,
  checkInCode,
  messageBody,
  moveBody,
  myRegistrationsQuery,
  page,
  personBody,
  registerBody,
  registration,
  rosterEntry,
  rosterQuery,
  sessionMessage,
} from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { sendCsv } from '../../platform/csv.js';
import { AppError } from '../../platform/errors.js';
import { type Api, commonErrors, fileBody, idParams } from '../../platform/http.js';
import type { RegistrationsService } from './registrations.service.js';
import type { RosterService } from './roster.service.js';
import type { SeriesService } from './series.service.js';

const tags = ['registrations'];
const registrationParams = idParams.extend({ registrationId: z.string().min(1).max(64) });
const responses = { 200: registration, ...commonErrors };

function idempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || header.length < 1 || header.length > 200) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 200 characters.', [
      { field: 'Idempotency-Key', message: 'Invalid.' },
    ]);
  }
  return header;
}

export function registrationsRoutes(app: Api, registrations: RegistrationsService, roster: RosterService, series: SeriesService): void {
  app.post(
    '/api/v1/workshops/:id/registrations',
    {
      schema: {
        tags,
        operationId: 'registerForSeries',
        description:
          'For a workshop run as a series: registers you for every part at once, a seat in each or the waitlist of all as one unit.',
        summary: 'Series: register for all parts (a seat in every session, or the waitlist of every one as one unit)',
        params: idParams,
        body: registerBody.pick({ mode: true }),
        response: { 201: z.object({ items: z.array(registration) }), ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ items: await series.register(requireActor(request), request.params.id, request.body.mode) }),
  );

  app.delete(
    '/api/v1/workshops/:id/registrations/me',
    {
      schema: {
        tags,
        operationId: 'leaveSeries',
        description: 'For a series: cancels your registrations for every part that has not started yet.',
        summary: 'Series: leave every upcoming part',
        params: idParams,
        response: { 200: z.object({ items: z.array(registration) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await series.cancel(requireActor(request), request.params.id) }),
  );

  app.post(
    '/api/v1/sessions/:id/registrations',
    {
      schema: {
        tags,
        operationId: 'registerForSession',
        description:
          'Registers you for the session (a seat when one is free, else the waitlist); registering again answers 200 with the same registration, and an Idempotency-Key header makes a retried request safe.',
        summary: 'Register (a seat, or the waitlist when full); again returns the same registration with 200',
        params: idParams,
        body: registerBody,
        response: { 201: registration, ...responses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const outcome = await registrations.register(
        actor,
        request.params.id,
        request.body,
        idempotencyKey(request.headers['idempotency-key']),
      );
      return reply.code(outcome.status).send(outcome.registration);
    },
  );

  app.delete(
    '/api/v1/sessions/:id/registrations/me',
    {
      schema: {
        tags,
        operationId: 'cancelMyRegistration',
        description: 'Cancels your registration; the first person waiting gets the seat in the same step.',
        summary: 'Cancel my registration; the next person waiting gets the seat',
        params: idParams,
        response: responses,
      },
    },
    (request) => registrations.cancelMine(requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/sessions/:id/registrations',
    {
      schema: {
        tags,
        operationId: 'listRoster',
        description: "Lists the session's registrations, for its hosts and admins.",
        summary: 'The roster (hosts)',
        params: idParams,
        querystring: rosterQuery,
        response: { 200: page(rosterEntry), ...commonErrors },
      },
    },
    (request) => roster.list(requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/sessions/:id/roster.csv',
    {
      schema: {
        tags,
        operationId: 'downloadRosterCsv',
        description: "Downloads the session's roster as a CSV file that is safe to open in a spreadsheet; for its hosts and admins.",
        summary: 'The roster as CSV (hosts)',
        params: idParams,
        produces: ['text/csv'],
        response: { 200: fileBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      return sendCsv(reply, await roster.csv(requireActor(request), request.params.id));
    },
  );

  app.delete(
    '/api/v1/sessions/:id/registrations/:registrationId',
    {
      schema: {
        tags,
        operationId: 'removeRegistration',
        description: 'Removes someone from the session, for its hosts; their seat passes to the first person waiting.',
        summary: 'Remove someone (hosts); the seat passes on',
        params: registrationParams,
        response: responses,
      },
    },
    (request) => registrations.remove(requireActor(request), request.params.id, request.params.registrationId),
  );

  app.post(
    '/api/v1/sessions/:id/walk-ins',
    {
      schema: {
        tags,
        operationId: 'addWalkIn',
        description:
          'Records someone who turned up as attended, for the hosts: 201 with a new registration, 200 when they already had one.',
        summary: 'Add someone who turned up, as attended (hosts)',
        params: idParams,
        body: personBody,
        response: { 201: registration, ...responses },
      },
    },
    async (request, reply) => {
      const outcome = await registrations.walkIn(requireActor(request), request.params.id, request.body.personId);
      return reply.code(outcome.status).send(outcome.registration);
    },
  );

  app.get(
    '/api/v1/sessions/:id/check-in-code',
    {
      schema: {
        tags,
        operationId: 'getCheckInCode',
        description: 'Returns the short code hosts show in the room, with which attendees check themselves in.',
        summary: 'The code hosts show for self check-in',
        params: idParams,
        response: { 200: checkInCode, ...commonErrors },
      },
    },
    (request) => registrations.checkInCode(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/sessions/:id/check-in',
    {
      schema: {
        tags,
        operationId: 'checkInWithCode',
        description: 'Checks yourself in with the code shown in the room, from 15 minutes before the start.',
        summary: 'Check myself in with the code',
        params: idParams,
        body: checkInBody,
        response: responses,
      },
    },
    (request) => registrations.selfCheckIn(requireActor(request), request.params.id, request.body.code),
  );

  app.get(
    '/api/v1/sessions/:id/messages',
    {
      schema: {
        tags,
        operationId: 'listSessionMessages',
        description: "Lists what the hosts wrote to the session's attendees.",
        summary: 'Messages to attendees',
        params: idParams,
        response: { 200: page(sessionMessage), ...commonErrors },
      },
    },
    (request) => roster.messages(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/sessions/:id/messages',
    {
      schema: {
        tags,
        operationId: 'sendSessionMessage',
        description: 'Writes to everyone holding a seat; the message is sent by email through the outbox.',
        summary: 'Write to everyone holding a seat (sent by email through the outbox)',
        params: idParams,
        body: messageBody,
        response: { 201: sessionMessage, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await roster.postMessage(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/registrations/:id/confirm',
    {
      schema: {
        tags,
        operationId: 'confirmOffer',
        description: 'Accepts a seat you were offered from the waitlist, before the offer expires.',
        summary: 'Accept an offered seat',
        params: idParams,
        response: responses,
      },
    },
    (request) => registrations.confirm(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/registrations/:id/decline',
    {
      schema: {
        tags,
        operationId: 'declineOffer',
        description: 'Declines a seat you were offered; it passes to the next person in line.',
        summary: 'Decline an offered seat; it passes to the next in line',
        params: idParams,
        response: responses,
      },
    },
    (request) => registrations.decline(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/registrations/:id/move',
    {
      schema: {
        tags,
        operationId: 'moveOnWaitlist',
        description: 'Moves a waitlisted person to another place on the waitlist; for the hosts.',
        summary: 'Move a waitlisted person ahead (hosts)',
        params: idParams,
        body: moveBody,
        response: responses,
      },
    },
    (request) => registrations.move(requireActor(request), request.params.id, request.body.position),
  );

  app.post(
    '/api/v1/registrations/:id/check-in',
    {
      schema: {
        tags,
        operationId: 'checkInAttendee',
        description: 'Marks someone as attended; for the hosts.',
        summary: 'Check someone in (hosts)',
        params: idParams,
        response: responses,
      },
    },
    (request) => registrations.checkIn(requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/me/registrations',
    {
      schema: {
        tags,
        operationId: 'listMyRegistrations',
        description: '"My learning": the sessions you registered for, upcoming or past, each with your registration.',
        summary: 'My learning: upcoming or past sessions with my registration',
        querystring: myRegistrationsQuery,
        response: { 200: page(catalogEntry), ...commonErrors },
      },
    },
    (request) => roster.mine(requireActor(request), request.query),
  );
}
