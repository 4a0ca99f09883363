import { lyceumModule } from '../../module.js';
import { auditRoutes } from './audit.routes.js';

/**
 * The audit log: admins read it (and take it as CSV); entries older than AUDIT_RETENTION_DAYS are
 * forgotten by a sweep. Entries are written by the services that make the changes (platform/audit.ts).
 */
export default lyceumModule('audit', ['audit', 'config'], (app, { container, addJob }) => {
  auditRoutes(app, container.audit);
  // Entries are kept whole days; the sweep looks every six hours (as purge-outbox does), so an
  // instance that restarts daily still purges, and a purge costs one indexed delete.
  addJob({
    name: 'purge-audit-log',
    everyMs: 6 * 3_600_000,
    run: () => container.audit.purgeOlderThan(container.config.auditRetentionDays),
  });
});
