import type { NotificationPreferences, OutboxMessage, OutboxPage } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { invalidField, invalidState, notFound } from '../../platform/errors.js';
import { nowIso } from '../../platform/ids.js';
import { presentMessage } from '../../platform/outbox/outbox.presenter.js';
import type { OutboxRow, OutboxStatus, outboxRepository } from '../../platform/outbox/outbox.repository.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Transactor } from '../../platform/transaction.js';
import { assertCan } from './notifications.policy.js';
import type { Purgeable } from './ports.js';
import { defaultChannelOf, MESSAGE_KINDS, type MessageKind, offeredTo, type PreferredChannel } from './preferences.js';
import type { preferencesRepository } from './preferences.repository.js';

/** Each person's choice of channels; the outbox for admins, and how long it keeps what it sent. */
export class NotificationsService {
  constructor(
    private readonly tx: Transactor,
    private readonly outbox: typeof outboxRepository,
    /** The built-in mailbox: its mail is forgotten along with the delivered messages. */
    private readonly mailbox: Purgeable,
    private readonly preferences: typeof preferencesRepository,
    private readonly settings: { slackAvailable: boolean },
  ) {}

  /** How the actor hears of each kind of message: email unless they chose otherwise. */
  async preferencesOf(actor: Actor): Promise<NotificationPreferences> {
    const chosen = await this.preferences.of(this.tx.executor, actor.id);
    return {
      slackAvailable: this.settings.slackAvailable,
      items: (Object.keys(MESSAGE_KINDS) as MessageKind[])
        .filter((kind) => offeredTo(kind, actor))
        .map((kind) => ({
          kind,
          ...MESSAGE_KINDS[kind],
          channel: chosen.get(kind) ?? defaultChannelOf(kind),
        })),
    };
  }

  async setPreferences(actor: Actor, channels: Partial<Record<MessageKind, PreferredChannel>>): Promise<NotificationPreferences> {
    const entries = Object.entries(channels) as [MessageKind, PreferredChannel][];
    const notOffered = entries.find(([kind]) => !offeredTo(kind, actor));
    if (notOffered) throw invalidField(`channels.${notOffered[0]}`, 'This kind of message is for admins.');
    if (!this.settings.slackAvailable) {
      const slack = entries.find(([, channel]) => channel === 'slack');
      if (slack) throw invalidField(`channels.${slack[0]}`, 'Slack is not connected to Lyceum here; choose email or nothing.');
    }
    const now = nowIso();
    await this.tx.transaction(async (trx) => {
      for (const [kind, channel] of entries) await this.preferences.set(trx, actor.id, kind, channel, now);
    });
    return this.preferencesOf(actor);
  }

  async listOutbox(actor: Actor, query: { status?: OutboxStatus; cursor?: string; limit: number }): Promise<OutboxPage> {
    assertCan(actor, 'read-outbox');
    const db = this.tx.executor;
    const after = decodeCursor(query.cursor, ['time', 'text']) as [string, string] | undefined;
    const [rows, counts] = await Promise.all([
      this.outbox.list(db, { status: query.status, after, limit: query.limit + 1 }),
      this.outbox.countsByStatus(db),
    ]);
    const page = toPage(rows, query.limit, (r) => [r.created_at, r.id]);
    return { items: page.items.map(presentMessage), nextCursor: page.nextCursor, counts };
  }

  /**
   * Keeps the outbox and the mailbox from growing forever: delivered messages and stored mail
   * older than `days` go (in slices, each its own transaction). Dead letters stay.
   */
  async purgeOlderThan(days: number): Promise<number> {
    const before = new Date(Date.now() - days * 86_400_000).toISOString();
    let purged = 0;
    for (const purge of [this.outbox.purgeDelivered, this.mailbox.purge]) {
      for (;;) {
        const n = await this.tx.transaction((trx) => purge(trx, before, 500));
        purged += n;
        if (n < 500) break;
      }
    }
    return purged;
  }

  /** A dead letter goes out again, with a fresh count of attempts. */
  async retry(actor: Actor, id: string): Promise<OutboxMessage> {
    assertCan(actor, 'read-outbox');
    return this.tx.transaction(async (trx) => {
      const row = await this.outbox.findById(trx, id);
      if (!row) throw notFound('Message');
      if (row.status === 'done') throw invalidState('This message was delivered already.');
      await this.outbox.retry(trx, id, nowIso());
      const [updated] = (await this.outbox.list(trx, { limit: 1, only: id })) as OutboxRow[];
      return presentMessage(updated as OutboxRow);
    });
  }
}
