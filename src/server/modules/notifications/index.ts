import { lyceumModule } from '../../module.js';
import { deliveryRepository } from './delivery.repository.js';
import { emailDelivery } from './email.js';
import { mailboxRepository } from './mailbox.repository.js';
import { notificationsRoutes } from './notifications.routes.js';
import { slackAnnouncements, slackDirectMessages } from './slack.js';
import { webhookDelivery } from './webhook-delivery.js';
import { webhooksRepository } from './webhooks.repository.js';
import { webhooksRoutes } from './webhooks.routes.js';

/** What Lyceum tells whom and when, and the channels it goes out by. */
export default lyceumModule(
  'notifications',
  ['notifications', 'webhooks', 'reminders', 'outbound', 'tx', 'database', 'config'],
  (app, { container, addJob, addDeliverer, onShutdown }) => {
    const { config, notifications, reminders, outbound, database } = container;
    webhooksRoutes(app, container.webhooks);
    notificationsRoutes(app, notifications);
    addJob({ name: 'send-reminders', everyMs: 60_000, run: () => reminders.run() });
    addJob({ name: 'purge-outbox', everyMs: 6 * 3_600_000, run: () => notifications.purgeOlderThan(config.outbox.retentionDays) });

    const email = emailDelivery(
      container.tx,
      { delivery: deliveryRepository, mailbox: mailboxRepository },
      { ...config.mail, publicUrl: config.publicUrl },
    );
    const slackSettings = { ...config.slack, outbound, publicUrl: config.publicUrl };
    addDeliverer('email', email.deliver);
    addDeliverer('webhook', webhookDelivery(database.db, webhooksRepository, outbound));
    addDeliverer('slack', slackAnnouncements(database.db, deliveryRepository, slackSettings));
    addDeliverer('slack_dm', slackDirectMessages(database.db, deliveryRepository, slackSettings));
    onShutdown(() => email.close());
  },
);
