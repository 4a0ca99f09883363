import nodemailer from 'nodemailer';
import { newId } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import { invitation, parseAddress } from './calendar.js';
import type { deliveryRepository } from './delivery.repository.js';
import { deliveryContext } from './delivery-context.js';
import type { mailboxRepository } from './mailbox.repository.js';
import { renderMail } from './messages.js';
import type { MessagePayload, Topic } from './notifier.js';
import type { OutboxRow } from './outbox.repository.js';

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
export function emailDelivery(
  tx: Transactor,
  repos: { delivery: typeof deliveryRepository; mailbox: typeof mailboxRepository },
  settings: MailSettings,
) {
  const organizer = parseAddress(settings.from);
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
    const payload = JSON.parse(row.payload) as MessagePayload;
    const ctx = await deliveryContext(tx.executor, repos.delivery, payload);
    // The person or the session is gone: there is nobody or nothing left to write about.
    if (!ctx) return;
    const mail = renderMail(row.topic as Topic, payload, ctx, settings.publicUrl);
    const calendar = payload.calendar
      ? invitation({
          method: payload.calendar.method,
          sequence: payload.calendar.sequence,
          session: ctx.session,
          attendee: ctx.person,
          organizer,
          publicUrl: settings.publicUrl,
        })
      : null;
    if (transport) {
      await transport.sendMail({
        from: settings.from,
        to: { name: ctx.person.name, address: ctx.person.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${row.id}@${domain}>`,
        ...(calendar && payload.calendar ? { icalEvent: { method: payload.calendar.method, content: calendar } } : {}),
      });
      return;
    }
    await tx.transaction((trx) =>
      repos.mailbox.insert(trx, {
        id: newId(),
        outbox_id: row.id,
        person_id: ctx.person.id,
        to_address: ctx.person.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        calendar,
        created_at: new Date().toISOString(),
      }),
    );
  };
  return { deliver, close: () => transport?.close() };
}
