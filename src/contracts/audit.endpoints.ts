import { z } from 'zod';
import { auditCsvQuery, auditEntry, auditQuery } from './audit.js';
import { page } from './common.js';
import { endpoint } from './endpoint.js';

/** The audit log (admins): newest first, filtered by actor, action and period, and the same as CSV. */
export const auditApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/admin/audit',
    operationId: 'listAuditLog',
    query: auditQuery,
    responses: { 200: page(auditEntry) },
  }),
  csv: endpoint({
    method: 'GET',
    path: '/api/v1/admin/audit.csv',
    operationId: 'exportAuditLogCsv',
    query: auditCsvQuery,
    responses: { 200: z.string() },
  }),
};
