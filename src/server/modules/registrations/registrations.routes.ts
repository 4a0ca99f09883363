import type { Registration } from '../../../contracts/index.js';
import { registrationsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { type AnswerOf, retryGuard } from '../../platform/idempotency.js';
import { route } from '../../platform/route.js';
import type { RegisterOutcome, RegistrationsService } from './registrations.service.js';

const tags = ['registrations'];

/** A new registration is 201, the one the person already had 200. */
const statusOf = (outcome: RegisterOutcome) => (outcome.created ? 201 : 200);

/** How a registration's answer is kept for an Idempotency-Key, and read back. */
const registerAnswer: AnswerOf<RegisterOutcome> = {
  status: statusOf,
  body: (outcome) => outcome.registration,
  revive: (status, body) => ({ created: status === 201, registration: body as Registration }),
};

/** One person's registration for a session: registering, cancelling, offers, attendance. */
export function registrationsRoutes(app: Api, registrations: RegistrationsService): void {
  route(
    app,
    registrationsApi.register,
    {
      tags,
      description:
        'Registers you for the session (a seat when one is free, else the waitlist); registering again answers 200 with the same registration, and an Idempotency-Key header makes a retried request safe.',
      summary: 'Register (a seat, or the waitlist when full); again returns the same registration with 200',
      config: { idempotent: true },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const outcome = await registrations.register(actor, request.params.id, request.body, retryGuard(request, registerAnswer));
      return reply.code(statusOf(outcome)).send(outcome.registration);
    },
  );

  route(
    app,
    registrationsApi.cancelMine,
    {
      tags,
      description: 'Cancels your registration; the first person waiting gets the seat in the same step.',
      summary: 'Cancel my registration; the next person waiting gets the seat',
    },
    (request) => registrations.cancelMine(requireActor(request), request.params.id),
  );

  route(
    app,
    registrationsApi.remove,
    {
      tags,
      description: 'Removes someone from the session, for its hosts; their seat passes to the first person waiting.',
      summary: 'Remove someone (hosts); the seat passes on',
    },
    (request) => registrations.remove(requireActor(request), request.params.id, request.params.registrationId),
  );

  route(
    app,
    registrationsApi.walkIn,
    {
      tags,
      description:
        "Records someone who turned up as attended, for the hosts: 201 with a new registration, 200 when they already had one. Within the hosts' check-in window (15 minutes before the start to 7 days after the end).",
      summary: 'Add someone who turned up, as attended (hosts)',
    },
    async (request, reply) => {
      const outcome = await registrations.walkIn(requireActor(request), request.params.id, request.body.personId);
      return reply.code(statusOf(outcome)).send(outcome.registration);
    },
  );

  route(
    app,
    registrationsApi.checkInCode,
    {
      tags,
      description: 'Returns the short code hosts show in the room, with which attendees check themselves in.',
      summary: 'The code hosts show for self check-in',
    },
    (request) => registrations.checkInCode(requireActor(request), request.params.id),
  );

  route(
    app,
    registrationsApi.selfCheckIn,
    {
      tags,
      description: 'Checks yourself in with the code shown in the room, from 15 minutes before the start.',
      summary: 'Check myself in with the code',
    },
    (request) => registrations.selfCheckIn(requireActor(request), request.params.id, request.body.code),
  );

  route(
    app,
    registrationsApi.confirm,
    {
      tags,
      description: 'Accepts a seat you were offered from the waitlist, before the offer expires.',
      summary: 'Accept an offered seat',
    },
    (request) => registrations.confirm(requireActor(request), request.params.id),
  );

  route(
    app,
    registrationsApi.decline,
    {
      tags,
      description: 'Declines a seat you were offered; it passes to the next person in line.',
      summary: 'Decline an offered seat; it passes to the next in line',
    },
    (request) => registrations.decline(requireActor(request), request.params.id),
  );

  route(
    app,
    registrationsApi.move,
    {
      tags,
      description: 'Moves a waitlisted person to another place on the waitlist; for the hosts.',
      summary: 'Move a waitlisted person ahead (hosts)',
    },
    (request) => registrations.move(requireActor(request), request.params.id, request.body.position),
  );

  route(
    app,
    registrationsApi.checkIn,
    {
      tags,
      description:
        'Marks someone as attended; for the hosts. From 15 minutes before the start until 7 days after the end: earlier is `409 check_in_not_open`, later `409 check_in_closed`.',
      summary: 'Check someone in (hosts)',
    },
    (request) => registrations.checkIn(requireActor(request), request.params.id),
  );
}
