import { type CalendarFeed, type CreatedCalendarFeed, videoLinkFor } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { hashSecret, newSecret, nowIso } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import { feed, parseAddress } from './calendar.js';
import { assertCanMakeFeed } from './calendar.policy.js';
import type { calendarRepository } from './calendar.repository.js';
import type { SessionViewer } from './ports.js';

/** Past sessions a feed still shows: a quarter back, so last month's workshops stay in the calendar. */
const FEED_HISTORY_MS = 90 * 86_400_000;

/** Calendar files and personal feeds, for everyone. */
export class CalendarService {
  constructor(
    private readonly tx: Transactor,
    private readonly calendar: typeof calendarRepository,
    private readonly sessions: SessionViewer,
    private readonly settings: { publicUrl: string; mailFrom: string },
  ) {}

  /** Published calendars name the same organizer as the invitations: the address mail comes from. */
  private get organizer() {
    return parseAddress(this.settings.mailFrom);
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
