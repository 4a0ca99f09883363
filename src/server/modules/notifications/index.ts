import { lyceumModule } from '../../module.js';
import { notificationsRoutes } from './notifications.routes.js';

/** What Lyceum tells whom and when: the messages, the timed ones, each person's channels, the outbox for admins. */
export default lyceumModule('notifications', ['notifications', 'reminders', 'config'], (app, { container, addJob }) => {
  const { config, notifications, reminders } = container;
  notificationsRoutes(app, notifications);
  addJob({ name: 'send-reminders', everyMs: 60_000, run: () => reminders.run() });
  addJob({ name: 'purge-outbox', everyMs: 6 * 3_600_000, run: () => notifications.purgeOlderThan(config.outbox.retentionDays) });
});
