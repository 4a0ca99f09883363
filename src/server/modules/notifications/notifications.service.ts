import {
  type CalendarFeed,
  type CreatedCalendarFeed,
  type Mail,
  type MailSummary,
  type NotificationPreferences,
  type OutboxMessage,
  type OutboxPage,
  videoLinkFor,
} from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { invalidField, invalidState, notFound } from '../../platform/errors.js';
import { hashSecret, newSecret, nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Transactor } from '../../platform/transaction.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import { feed, parseAddress } from './calendar.js';
import type { calendarRepository } from './calendar.repository.js';
import type { mailboxRepository } from './mailbox.repository.js';
import { assertCan, assertCanMakeFeed } from './notifications.policy.js';
import { presentMail, presentMessage } from './notifications.presenter.js';
import type { OutboxRow, OutboxStatus, outboxRepository } from './outbox.repository.js';
import { MESSAGE_KINDS, type MessageKind, type PreferredChannel } from './preferences.js';
import type { preferencesRepository } from './preferences.repository.js';

/** Past sessions a feed still shows: a quarter back, so last month's workshops stay in the calendar. */
const FEED_HISTORY_MS = 90 * 86_400_000;

/** The outbox and mailbox for admins; calendar files and personal feeds for everyone. */
export class NotificationsService {
  constructor(
    private readonly tx: Transactor,
    private readonly outbox: typeof outboxRepository,
    private readonly mailbox: typeof mailboxRepository,
    private readonly calendar: typeof calendarRepository,
    private readonly sessions: SessionsService,
    private readonly preferences: typeof preferencesRepository,
    private readonly settings: { publicUrl: string; slackAvailable: boolean; mailFrom: string },
  ) {}

  /** Published calendars name the same organizer as the invitations: the address mail comes from. */
  private get organizer() {
    return parseAddress(this.settings.mailFrom);
  }

  /** How the actor hears of each kind of message: email unless they chose otherwise. */
  async preferencesOf(actor: Actor): Promise<NotificationPreferences> {
    const chosen = await this.preferences.of(this.tx.executor, actor.id);
    return {
      slackAvailable: this.settings.slackAvailable,
      items: (Object.keys(MESSAGE_KINDS) as MessageKind[]).map((kind) => ({
        kind,
        ...MESSAGE_KINDS[kind],
        channel: chosen.get(kind) ?? 'email',
      })),
    };
  }

  async setPreferences(actor: Actor, channels: Partial<Record<MessageKind, PreferredChannel>>): Promise<NotificationPreferences> {
    const entries = Object.entries(channels) as [MessageKind, PreferredChannel][];
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

  async listMail(actor: Actor, query: { to?: string; cursor?: string; limit: number }) {
    assertCan(actor, 'read-outbox');
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

  async getMail(actor: Actor, id: string): Promise<Mail> {
    assertCan(actor, 'read-outbox');
    const row = await this.mailbox.findById(this.tx.executor, id);
    if (!row) throw notFound('Mail');
    return presentMail(row);
  }

  /** One session as a calendar file, for anyone who may see the session. */
  async sessionFile(actor: Actor, sessionId: string): Promise<string> {
    // The session as the actor sees it: 404 if they may not, and the video link only if they may.
    const seen = await this.sessions.get(actor, sessionId);
    const session = await this.calendar.session(this.tx.executor, sessionId, actor.id);
    if (!session) throw notFound('Session');
    return feed({
      name: session.title,
      sessions: [{ ...session, video_url: seen.videoUrl }],
      personId: actor.id,
      organizer: this.organizer,
      publicUrl: this.settings.publicUrl,
    });
  }

  /** Whether the actor has a feed; its address was shown once, when it was made. */
  async feedOf(actor: Actor): Promise<CalendarFeed> {
    const row = await this.calendar.feedOf(this.tx.executor, actor.id);
    return { active: row !== undefined, createdAt: row?.created_at ?? null, hint: row?.hint ?? null };
  }

  /**
   * A new secret address, returned this once: only its hash is kept, like an API token's. Any
   * earlier address stops working at once. Made in a browser only, never with an API token.
   */
  async newFeed(actor: Actor): Promise<CreatedCalendarFeed> {
    assertCanMakeFeed(actor);
    const token = newSecret('cal');
    const feed = { personId: actor.id, tokenHash: hashSecret(token), hint: token.slice(-4), at: nowIso() };
    await this.tx.transaction((trx) => this.calendar.saveFeed(trx, feed));
    return { url: `${this.settings.publicUrl}/calendar/${token}.ics`, createdAt: feed.at, hint: feed.hint };
  }

  /** The feed behind a secret address (no sign-in: calendar apps cannot sign in). */
  async feedFile(token: string): Promise<string> {
    const db = this.tx.executor;
    const personId = await this.calendar.personOfFeed(db, hashSecret(token));
    if (!personId) throw notFound('Calendar');
    const since = new Date(Date.now() - FEED_HISTORY_MS).toISOString();
    const [sessions, role] = await Promise.all([this.calendar.feed(db, personId, since), this.calendar.roleOf(db, personId)]);
    const reader = { id: personId, role: role ?? 'member' };
    const shown = sessions.map((s) => ({
      ...s,
      video_url: videoLinkFor(s.video_url, {
        actor: reader,
        hostIds: s.hosting ? [personId] : [],
        registration: s.registration_status ? { status: s.registration_status } : null,
      }),
    }));
    return feed({ name: 'Lyceum', sessions: shown, personId, organizer: this.organizer, publicUrl: this.settings.publicUrl });
  }
}
