import { z } from 'zod';
import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';
import {
  checkInBody,
  checkInCode,
  messageBody,
  moveBody,
  myRegistrationsQuery,
  personBody,
  registerBody,
  registration,
  rosterEntry,
  rosterQuery,
  sessionMessage,
} from './registrations.js';
import { catalogEntry } from './sessions.js';

const registrationParams = idParams.extend({ registrationId: z.string().min(1).max(64) });
const registrations = z.object({ items: z.array(registration) });

/** Seats, waitlists, offers, attendance and the roster: registering for sessions and series. */
export const registrationsApi = {
  registerForSeries: endpoint({
    method: 'POST',
    path: '/api/v1/workshops/:id/registrations',
    operationId: 'registerForSeries',
    params: idParams,
    body: registerBody.pick({ mode: true }),
    responses: { 201: registrations },
  }),
  leaveSeries: endpoint({
    method: 'DELETE',
    path: '/api/v1/workshops/:id/registrations/me',
    operationId: 'leaveSeries',
    params: idParams,
    responses: { 200: registrations },
  }),
  register: endpoint({
    method: 'POST',
    path: '/api/v1/sessions/:id/registrations',
    operationId: 'registerForSession',
    params: idParams,
    body: registerBody,
    responses: { 200: registration, 201: registration },
  }),
  cancelMine: endpoint({
    method: 'DELETE',
    path: '/api/v1/sessions/:id/registrations/me',
    operationId: 'cancelMyRegistration',
    params: idParams,
    responses: { 200: registration },
  }),
  roster: endpoint({
    method: 'GET',
    path: '/api/v1/sessions/:id/registrations',
    operationId: 'listRoster',
    params: idParams,
    query: rosterQuery,
    responses: { 200: page(rosterEntry) },
  }),
  rosterCsv: endpoint({
    method: 'GET',
    path: '/api/v1/sessions/:id/roster.csv',
    operationId: 'downloadRosterCsv',
    params: idParams,
    responses: { 200: z.string() },
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/v1/sessions/:id/registrations/:registrationId',
    operationId: 'removeRegistration',
    params: registrationParams,
    responses: { 200: registration },
  }),
  walkIn: endpoint({
    method: 'POST',
    path: '/api/v1/sessions/:id/walk-ins',
    operationId: 'addWalkIn',
    params: idParams,
    body: personBody,
    responses: { 200: registration, 201: registration },
  }),
  checkInCode: endpoint({
    method: 'GET',
    path: '/api/v1/sessions/:id/check-in-code',
    operationId: 'getCheckInCode',
    params: idParams,
    responses: { 200: checkInCode },
  }),
  selfCheckIn: endpoint({
    method: 'POST',
    path: '/api/v1/sessions/:id/check-in',
    operationId: 'checkInWithCode',
    params: idParams,
    body: checkInBody,
    responses: { 200: registration },
  }),
  messages: endpoint({
    method: 'GET',
    path: '/api/v1/sessions/:id/messages',
    operationId: 'listSessionMessages',
    params: idParams,
    responses: { 200: page(sessionMessage) },
  }),
  sendMessage: endpoint({
    method: 'POST',
    path: '/api/v1/sessions/:id/messages',
    operationId: 'sendSessionMessage',
    params: idParams,
    body: messageBody,
    responses: { 201: sessionMessage },
  }),
  confirm: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/confirm',
    operationId: 'confirmOffer',
    params: idParams,
    responses: { 200: registration },
  }),
  decline: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/decline',
    operationId: 'declineOffer',
    params: idParams,
    responses: { 200: registration },
  }),
  move: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/move',
    operationId: 'moveOnWaitlist',
    params: idParams,
    body: moveBody,
    responses: { 200: registration },
  }),
  checkIn: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/check-in',
    operationId: 'checkInAttendee',
    params: idParams,
    responses: { 200: registration },
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/v1/me/registrations',
    operationId: 'listMyRegistrations',
    query: myRegistrationsQuery,
    responses: { 200: page(catalogEntry) },
  }),
};
