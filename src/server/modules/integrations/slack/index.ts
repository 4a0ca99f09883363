import { lyceumModule } from '../../../module.js';
import { slackAnnouncements, slackDirectMessages } from './slack.js';
import { slackRepository } from './slack.repository.js';

/** Slack: direct messages to people who chose it, and announcements in connected channels. */
export default lyceumModule('slack', ['composer', 'outbound', 'database', 'config'], (_app, { container, addDeliverer }) => {
  const { config, database, outbound } = container;
  const settings = { ...config.slack, outbound, publicUrl: config.publicUrl };
  addDeliverer('slack', slackAnnouncements(database.db, slackRepository, settings));
  addDeliverer('slack_dm', slackDirectMessages(database.db, container.composer, settings));
});
