import { lyceumModule } from '../../../module.js';
import { emailDelivery } from './email.js';
import { mailboxRepository } from './mailbox.repository.js';
import { mailboxRoutes } from './mailbox.routes.js';

/** Mail: over SMTP when it is configured, otherwise into the built-in mailbox admins read. */
export default lyceumModule('email', ['mailbox', 'composer', 'tx', 'config'], (app, { container, addDeliverer, onShutdown }) => {
  const { config } = container;
  mailboxRoutes(app, container.mailbox);
  const email = emailDelivery(
    container.tx,
    { composer: container.composer, mailbox: mailboxRepository },
    { ...config.mail, publicUrl: config.publicUrl },
  );
  addDeliverer('email', email.deliver);
  onShutdown(() => email.close());
});
