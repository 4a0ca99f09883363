import { z } from 'zod';
import {
  analyticsAttendanceQuery,
  analyticsAttendanceRow,
  analyticsChannelRow,
  analyticsHostRow,
  analyticsOverview,
  analyticsOverviewQuery,
  analyticsPeriodQuery,
  analyticsSettings,
  analyticsSettingsBody,
  analyticsTeamRow,
  analyticsWorkshopRow,
  analyticsWorkshopsTableQuery,
  dashboardViewers,
  dashboardViewersBody,
} from './analytics.js';
import { page } from './common.js';
import { endpoint } from './endpoint.js';

const rows = <T extends z.ZodType>(row: T) => z.object({ items: z.array(row) });

/** The education team's dashboard (admins, and the people they share it with read-only). */
export const analyticsApi = {
  overview: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/overview',
    operationId: 'getAnalyticsOverview',
    query: analyticsOverviewQuery,
    responses: { 200: analyticsOverview },
  }),
  workshops: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/workshops',
    operationId: 'listAnalyticsWorkshops',
    query: analyticsWorkshopsTableQuery,
    responses: { 200: rows(analyticsWorkshopRow) },
  }),
  workshopsCsv: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/workshops.csv',
    operationId: 'exportAnalyticsWorkshopsCsv',
    query: analyticsWorkshopsTableQuery,
    responses: { 200: z.string() },
  }),
  teams: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/teams',
    operationId: 'listAnalyticsTeams',
    query: analyticsPeriodQuery,
    responses: { 200: rows(analyticsTeamRow) },
  }),
  teamsCsv: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/teams.csv',
    operationId: 'exportAnalyticsTeamsCsv',
    query: analyticsPeriodQuery,
    responses: { 200: z.string() },
  }),
  hosts: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/hosts',
    operationId: 'listAnalyticsHosts',
    query: analyticsPeriodQuery,
    responses: { 200: rows(analyticsHostRow) },
  }),
  hostsCsv: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/hosts.csv',
    operationId: 'exportAnalyticsHostsCsv',
    query: analyticsPeriodQuery,
    responses: { 200: z.string() },
  }),
  channels: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/channels',
    operationId: 'listAnalyticsChannels',
    query: analyticsPeriodQuery,
    responses: { 200: rows(analyticsChannelRow) },
  }),
  channelsCsv: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/channels.csv',
    operationId: 'exportAnalyticsChannelsCsv',
    query: analyticsPeriodQuery,
    responses: { 200: z.string() },
  }),
  attendance: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/attendance',
    operationId: 'listAttendance',
    query: analyticsAttendanceQuery,
    responses: { 200: page(analyticsAttendanceRow) },
  }),
  attendanceCsv: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/attendance.csv',
    operationId: 'exportAttendanceCsv',
    query: analyticsPeriodQuery,
    responses: { 200: z.string() },
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/v1/admin/settings/analytics',
    operationId: 'getAnalyticsSettings',
    responses: { 200: analyticsSettings },
  }),
  updateSettings: endpoint({
    method: 'PATCH',
    path: '/api/v1/admin/settings/analytics',
    operationId: 'updateAnalyticsSettings',
    body: analyticsSettingsBody,
    responses: { 200: analyticsSettings },
  }),
  viewers: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/viewers',
    operationId: 'listDashboardViewers',
    responses: { 200: dashboardViewers },
  }),
  setViewers: endpoint({
    method: 'PUT',
    path: '/api/v1/analytics/viewers',
    operationId: 'setDashboardViewers',
    body: dashboardViewersBody,
    responses: { 200: dashboardViewers },
  }),
};
