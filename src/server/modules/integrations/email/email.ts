import nodemailer from 'nodemailer';
import { newId } from '../../../platform/ids.js';
import type { OutboxRow } from '../../../platform/outbox/outbox.repository.js';
import type { Transactor } from '../../../platform/transaction.js';
import type { mailboxRepository } from './mailbox.repository.js';
import type { MailComposer } from './ports.js';

export interface MailSettings {
  /** undefined: the built-in mailbox. */
  smtpUrl: string | undefined;
  from: string;
  timeoutMs: number;
  publicUrl: string;
}

/**
 * Delivers email messages of the outbox: over SMTP (nodemailer) when SMTP_URL is set, otherwise
 * into the built-in mailbox admins can read. Either way a message is stored or sent under its
 * outbox id (the mailbox keeps one per id; SMTP mail carries it as Message-ID), so delivering it
 * twice is harmless.
 */
export function emailDelivery(tx: Transactor, deps: { composer: MailComposer; mailbox: typeof mailboxRepository }, settings: MailSettings) {
  const domain = new URL(settings.publicUrl).hostname;
  const transport = settings.smtpUrl
    ? nodemailer.createTransport({
        url: settings.smtpUrl,
        connectionTimeout: settings.timeoutMs,
        greetingTimeout: settings.timeoutMs,
        socketTimeout: settings.timeoutMs,
      })
    : undefined;

  const deliver = async (row: OutboxRow): Promise<void> => {
    const message = await deps.composer.compose(tx.executor, row, { calendar: true });
    // The person or the session is gone: there is nobody or nothing left to write about.
    if (!message) return;
    const { to, mail, calendar } = message;
    if (transport) {
      await transport.sendMail({
        from: settings.from,
        to: { name: to.name, address: to.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${row.id}@${domain}>`,
        ...(calendar ? { icalEvent: { method: calendar.method, content: calendar.content } } : {}),
      });
      return;
    }
    // One statement, so no transaction of its own: each round trip counts when a crowd registers.
    await deps.mailbox.insert(tx.executor, {
      id: newId(),
      outbox_id: row.id,
      person_id: to.id,
      to_address: to.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      calendar: calendar?.content ?? null,
      created_at: new Date().toISOString(),
    });
  };
  return { deliver, close: () => transport?.close() };
}
