import { z } from 'zod';
import { idParams } from './common.js';
import { endpoint } from './endpoint.js';
import { calendarFeed, createdCalendarFeed } from './notifications.js';

export const calendarApi = {
  /** An iCalendar file: the browser downloads it through a link (`fillPath(calendarApi.sessionFile.path, { id })`). */
  sessionFile: endpoint({
    method: 'GET',
    path: '/api/v1/sessions/:id/calendar.ics',
    operationId: 'downloadSessionCalendar',
    params: idParams,
    // 304: the If-None-Match sent names this file as it still is.
    responses: { 200: z.string(), 304: z.null() },
  }),
  myFeed: endpoint({
    method: 'GET',
    path: '/api/v1/me/calendar',
    operationId: 'getMyCalendarFeed',
    responses: { 200: calendarFeed },
  }),
  newFeed: endpoint({
    method: 'POST',
    path: '/api/v1/me/calendar',
    operationId: 'createMyCalendarFeed',
    responses: { 201: createdCalendarFeed },
  }),
  /** The feed itself, for calendar apps: the secret address is the credential. */
  feed: endpoint({
    method: 'GET',
    path: '/calendar/:file',
    operationId: 'getCalendarFeed',
    params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.ics$/, 'Unknown calendar.') }),
    // 304: the app's copy (If-None-Match, else If-Modified-Since) is current.
    responses: { 200: z.string(), 304: z.null() },
  }),
};
