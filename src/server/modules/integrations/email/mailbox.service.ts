import type { Mail, MailSummary } from '../../../../contracts/index.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { decodeCursor, toPage } from '../../../platform/pagination.js';
import type { Transactor } from '../../../platform/transaction.js';
import { assertCanReadMailbox } from './mailbox.policy.js';
import type { MailRow, mailboxRepository } from './mailbox.repository.js';

const presentMail = (r: MailRow): Mail => ({
  id: r.id,
  to: r.to_address,
  subject: r.subject,
  hasCalendar: r.calendar !== null,
  createdAt: r.created_at,
  text: r.text,
  html: r.html,
  calendar: r.calendar,
});

/** The built-in mailbox, for admins: the mail Lyceum stored while no SMTP server is configured. */
export class MailboxService {
  constructor(
    private readonly tx: Transactor,
    private readonly mailbox: typeof mailboxRepository,
  ) {}

  async list(actor: Actor, query: { to?: string; cursor?: string; limit: number }) {
    assertCanReadMailbox(actor);
    const after = decodeCursor(query.cursor, ['time', 'text']) as [string, string] | undefined;
    const rows = await this.mailbox.list(this.tx.executor, { to: query.to, after, limit: query.limit + 1 });
    const page = toPage(rows, query.limit, (r) => [r.created_at, r.id]);
    return {
      items: page.items.map(
        // SQLite answers 0/1, PostgreSQL a boolean.
        (r): MailSummary => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          hasCalendar: Boolean(Number(r.has_calendar)),
          createdAt: r.created_at,
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor, id: string): Promise<Mail> {
    assertCanReadMailbox(actor);
    const row = await this.mailbox.findById(this.tx.executor, id);
    if (!row) throw notFound('Mail');
    return presentMail(row);
  }
}
