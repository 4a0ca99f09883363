import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { type CalendarFeed, type CreatedCalendarFeed, videoLinkFor } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { hashSecret, newSecret, nowIso } from '../../platform/ids.js';
import type { SignalledCache } from '../../platform/signalled-cache.js';
import type { Transactor } from '../../platform/transaction.js';
import { EventFragments, feed, parseAddress, personalFeed } from './calendar.js';
import { assertCanMakeFeed } from './calendar.policy.js';
import type { calendarRepository, FeedVersion } from './calendar.repository.js';
import type { SessionViewer } from './ports.js';

const DAY_MS = 86_400_000;
/** Rendered feeds kept per instance, by size: about 150 feeds of 500 sessions, thousands of small ones. */
const RENDERED_BYTES = 32 * 2 ** 20;

/** What tells a calendar app whether its copy is current. */
export interface Validators {
  etag: string;
  /** An HTTP date. */
  lastModified: string;
}

/** The feed's validators, and its text (UTF-8) unless the caller's copy is current. */
export interface FeedAnswer {
  validators: Validators;
  body: Buffer | null;
}

/** Past sessions a feed still shows: a quarter back, so last month's workshops stay in the calendar. */
const FEED_HISTORY_MS = 90 * DAY_MS;

/**
 * The change-signal topic for "these people's feeds changed" (migration 20261204T0100 sends it on
 * PostgreSQL): the payload is person ids, comma-separated, or EVERYONE.
 */
export const CALENDAR_TOPIC = 'calendar';

/**
 * How long an instance answers a feed's version from memory (PostgreSQL only). Signals drop it
 * within milliseconds of a change; this bounds the delay when a signal was lost and nothing noticed.
 */
export const FEED_VERSION_TTL_MS = 5 * 60_000;

/** Feed versions by the hash of their address: the credential cache, as a feed's address is a credential. */
type FeedVersionCache = Pick<SignalledCache<FeedVersion>, 'get' | 'ticket' | 'store' | 'forgetGroup'>;

const shortHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);

/** Calendar files and personal feeds, for everyone. */
export class CalendarService {
  private readonly rendered = new LRUCache<string, { etag: string; body: Buffer }>({
    maxSize: RENDERED_BYTES,
    sizeCalculation: (entry) => entry.body.length || 1,
  });
  private readonly fragments = new EventFragments();
  /** The settings a feed's text depends on: a changed address or sender is a new version. */
  private readonly settingsTag: string;

  constructor(
    private readonly tx: Transactor,
    private readonly calendar: typeof calendarRepository,
    private readonly sessions: SessionViewer,
    private readonly settings: { publicUrl: string; mailFrom: string },
    /** On PostgreSQL, kept current by CALENDAR_TOPIC signals; SQLite reads every version (no signals from other processes). */
    private readonly versions?: FeedVersionCache,
  ) {
    this.settingsTag = shortHash(`${settings.publicUrl}\n${settings.mailFrom}`);
  }

  /** Published calendars name the same organizer as the invitations: the address mail comes from. */
  private get organizer() {
    return parseAddress(this.settings.mailFrom);
  }

  /**
   * One session as a calendar file, for anyone who may see the session, with an ETag that names
   * what the file says (not when it was made), so a client's copy of an unchanged session is current.
   */
  async sessionFile(actor: Actor, sessionId: string): Promise<{ body: string; validators: Pick<Validators, 'etag'> }> {
    // The session as the actor sees it: 404 if they may not, and the video link only if they may.
    const seen = await this.sessions.get(actor, sessionId);
    const session = await this.calendar.session(this.tx.executor, sessionId, actor.id);
    if (!session) throw notFound('Session');
    const shown = { ...session, video_url: seen.videoUrl };
    const etag = `W/"${shortHash(JSON.stringify([shown, actor.id, this.settingsTag]))}"`;
    const body = feed({
      name: session.title,
      sessions: [shown],
      personId: actor.id,
      organizer: this.organizer,
      publicUrl: this.settings.publicUrl,
    });
    return { body, validators: { etag } };
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
    // The old address stops working here at once; other instances hear it from the trigger.
    this.versions?.forgetGroup(actor.id);
    return { url: `${this.settings.publicUrl}/calendar/${token}.ics`, createdAt: feed.at, hint: feed.hint };
  }

  /**
   * The feed behind a secret address (no sign-in: calendar apps cannot sign in), or only its
   * validators when `isFresh` says the caller already has this version (a 304). The version comes
   * from the database (kept in memory on PostgreSQL until a signal says it moved), so every
   * instance gives the same ETag; the rendered text is kept per instance until the version moves on.
   */
  async feedFile(token: string, isFresh: (validators: Validators) => boolean): Promise<FeedAnswer> {
    const found = await this.versionOf(hashSecret(token));
    if (!found) throw notFound('Calendar');
    // The window starts at a day's boundary, so a feed changes at most once a day by time alone.
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const since = new Date(today - FEED_HISTORY_MS).toISOString();
    const created = Date.parse(found.createdAt);
    const changed = found.changedAt ? Date.parse(found.changedAt) : 0;
    const validators = {
      // Weak: two renderings of one version differ in their DTSTAMPs, the time they were made.
      etag: `W/"${created.toString(36)}.${found.version}.${(today / DAY_MS).toString(36)}.${this.settingsTag}"`,
      lastModified: new Date(Math.max(created, changed, today)).toUTCString(),
    };
    if (isFresh(validators)) return { validators, body: null };
    const kept = this.rendered.get(found.personId);
    if (kept?.etag === validators.etag) return { validators, body: kept.body };
    const body = await this.renderFeed({ id: found.personId, role: found.role }, since);
    this.rendered.set(found.personId, { etag: validators.etag, body });
    return { validators, body };
  }

  /** A feed's version: from memory where signals keep it current, else one indexed read. */
  private async versionOf(tokenHash: string): Promise<FeedVersion | undefined> {
    const kept = this.versions?.get(tokenHash);
    if (kept) return kept;
    const ticket = this.versions?.ticket() ?? 0;
    const found = await this.calendar.feedByToken(this.tx.executor, tokenHash);
    if (found) this.versions?.store(tokenHash, found.personId, found, ticket);
    return found;
  }

  private async renderFeed(reader: { id: string; role: 'member' | 'admin' }, since: string): Promise<Buffer> {
    const sessions = await this.calendar.feed(this.tx.executor, reader.id, since);
    // Each shows its video link only where the person may see it (the rows are this call's own).
    for (const s of sessions)
      s.video_url = videoLinkFor(s.video_url, {
        actor: reader,
        hostIds: s.hosting ? [reader.id] : [],
        registration: s.registration_status ? { status: s.registration_status } : null,
      });
    return personalFeed(
      { name: 'Lyceum', sessions, personId: reader.id, organizer: this.organizer, publicUrl: this.settings.publicUrl },
      this.fragments,
    );
  }

  /** Forgets feed changes no instance needs any more (a day old), each person's latest kept. */
  pruneChanges(): Promise<number> {
    return this.calendar.pruneChanges(this.tx.executor, new Date(Date.now() - DAY_MS).toISOString());
  }
}
