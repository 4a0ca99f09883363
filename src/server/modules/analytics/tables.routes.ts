import { analyticsApi } from '../../../contracts/analytics.endpoints.js';
import { requireActor } from '../../platform/authenticate.js';
import { attachment, sendCsv } from '../../platform/csv.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { AttendanceService } from './attendance.service.js';
import type { AnalyticsTablesService } from './tables.service.js';
import type { DashboardViewersService } from './viewers.service.js';

const tags = ['analytics'];
const shared = 'Admins, and the people they shared the dashboard with (read-only).';
const period = 'Counted as the overview counts, for the period (UTC days) and filters given.';

/** The dashboard's tables and their CSV files, the attendance export and the read-only share. */
export function tablesRoutes(
  app: Api,
  services: { tables: AnalyticsTablesService; attendance: AttendanceService; viewers: DashboardViewersService },
): void {
  const { tables, attendance, viewers } = services;
  const csv = { produces: ['text/csv'] };

  route(
    app,
    analyticsApi.workshops,
    {
      tags,
      summary: 'Top workshops by demand or rating',
      description: `Top 50: demand is people who waited without a seat plus "notify me" wishes. ${period} ${shared}`,
    },
    (request) => tables.workshops(requireActor(request), request.query),
  );
  route(
    app,
    analyticsApi.workshopsCsv,
    { tags, summary: 'Top workshops as CSV', description: `${period} ${shared}`, ...csv },
    async (request, reply) => sendCsv(reply, await tables.workshopsCsv(requireActor(request), request.query)),
  );
  route(
    app,
    analyticsApi.teams,
    { tags, summary: 'Teams by participation', description: `Every team ("No team" for people without one). ${period} ${shared}` },
    (request) => tables.teams(requireActor(request), request.query),
  );
  route(app, analyticsApi.teamsCsv, { tags, summary: 'Teams as CSV', description: `${period} ${shared}`, ...csv }, async (request, reply) =>
    sendCsv(reply, await tables.teamsCsv(requireActor(request), request.query)),
  );
  route(
    app,
    analyticsApi.hosts,
    { tags, summary: 'Hosts by sessions and rating', description: `Hosts' names for admins only. ${period} ${shared}` },
    (request) => tables.hosts(requireActor(request), request.query),
  );
  route(
    app,
    analyticsApi.hostsCsv,
    { tags, summary: 'Hosts as CSV', description: `Hosts' names for admins only. ${period} ${shared}`, ...csv },
    async (request, reply) => sendCsv(reply, await tables.hostsCsv(requireActor(request), request.query)),
  );
  route(
    app,
    analyticsApi.channels,
    {
      tags,
      summary: 'Demand against supply per channel',
      description: `Open requests count for a channel whose name their title or description contains. ${period} ${shared}`,
    },
    (request) => tables.channels(requireActor(request), request.query),
  );
  route(
    app,
    analyticsApi.channelsCsv,
    { tags, summary: 'Channels as CSV', description: `${period} ${shared}`, ...csv },
    async (request, reply) => sendCsv(reply, await tables.channelsCsv(requireActor(request), request.query)),
  );

  route(
    app,
    analyticsApi.attendance,
    {
      tags,
      summary: 'Attendance export, paged (admins)',
      description:
        "Every registration of the period's sessions with person, team, session, status and hours, by session start; admins only.",
    },
    (request) => attendance.page(requireActor(request), request.query),
  );
  route(
    app,
    analyticsApi.attendanceCsv,
    {
      tags,
      summary: 'Attendance export as CSV (admins)',
      description: 'The whole period in one file, written as it is read; admins only.',
      ...csv,
    },
    async (request, reply) => {
      const { filename, stream } = await attendance.csv(requireActor(request), request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(filename)).send(stream);
    },
  );

  route(
    app,
    analyticsApi.viewers,
    {
      tags,
      summary: 'Who else sees the dashboard (admins)',
      description: 'People the admins shared the dashboard with, read-only and without names.',
    },
    (request) => viewers.list(requireActor(request)),
  );
  route(
    app,
    analyticsApi.setViewers,
    {
      tags,
      summary: 'Choose who else sees the dashboard (admins)',
      description: 'Replaces the list; an unknown person id is refused (400, personIds.N).',
    },
    (request) => viewers.set(requireActor(request), request.body.personIds),
  );
}
