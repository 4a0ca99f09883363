import type { z } from 'zod';
import type {
  CatalogEntry,
  createRecurringSessionsBody,
  createSessionBody,
  Session,
  UpdateScope,
  updateSessionBody,
} from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, invalidField, invalidState, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import { keptCounts, type registrationsRepository } from '../registrations/registrations.repository.js';
import { presentCatalogEntry } from './catalog-entry.presenter.js';
import type { SeatFiller, SessionNotices } from './ports.js';
import { expandRepeat, type Occurrence, shiftLike } from './recurrence.js';
import { presentSession, type SessionAudience, type SessionExtras } from './sessions.presenter.js';
import type { SessionRow, sessionsRepository } from './sessions.repository.js';

type CreateInput = z.output<typeof createSessionBody>;
type RecurringInput = z.output<typeof createRecurringSessionsBody>;
type UpdateInput = z.output<typeof updateSessionBody>;

const isoOrNull = (value: string | null) => (value === null ? null : new Date(value).toISOString());

const MAX_SESSION_MS = 7 * 86_400_000;

const audienceOf = (actor: Actor, hostIds: string[]): SessionAudience => ({ actor, hostIds });

/** Who may not change a session is refused in its workshop's words. */
const EDIT_REFUSAL = 'Only the hosts of this workshop (and admins) can change it.';

/** Checks a start/end pair and returns both in canonical UTC form. */
function checkTimes(startsAt: string, endsAt: string, opts: { mustBeFuture: boolean }): Occurrence {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (end <= start) throw invalidField('endsAt', 'The end must be after the start.');
  if (end - start > MAX_SESSION_MS) throw invalidField('endsAt', 'A session lasts at most 7 days; schedule several sessions instead.');
  if (opts.mustBeFuture && start < Date.now()) throw invalidField('startsAt', 'The start is in the past.');
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
}

export class SessionsService {
  constructor(
    private readonly tx: Transactor,
    private readonly sessions: typeof sessionsRepository,
    private readonly registrations: typeof registrationsRepository,
    private readonly access: AccessChecker,
    private readonly notices: SessionNotices,
    /** Registrations' seat rules, for filling seats a change adds (the container fills the port). */
    private readonly seats: SeatFiller,
    /**
     * The workshop pages this instance keeps (they count upcoming sessions; the container fills the
     * port): told after each commit, as other instances hear it from the database's triggers.
     */
    private readonly pages: { changed(workshopIds: readonly string[]): void } = { changed: () => undefined },
  ) {}

  /**
   * The session page: the session (with its kept seat and waitlist counts), its workshop, hosts and tags in one statement
   * (sessionsRepository.page) beside the viewer's own registration, then the access rule on the
   * facts just read (a session of a workshop you may not see does not exist for you).
   */
  async get(actor: Actor, id: string): Promise<CatalogEntry> {
    const db = this.tx.executor;
    const [page, mine] = await Promise.all([this.sessions.page(db, id), this.registrations.activeFor(db, actor.id, [id])]);
    const facts = page && { workshopId: page.workshop.id, status: page.workshop.status, hostIds: page.hosts.map((h) => h.id) };
    if (!page || !facts || !this.access.allows(actor, 'session.view', facts)) throw notFound('Session');
    const counts = keptCounts(page.session);
    const { status: _status, ...workshop } = page.workshop;
    return presentCatalogEntry(page.session, workshop, page.tags, page.hosts, actor, { counts, mine: mine[0] ?? null });
  }

  /** Seat counts and the viewer's own registration, for presenting one session. */
  private async extras(db: Executor, actor: Actor, sessionId: string): Promise<SessionExtras> {
    const [counts, mine] = await Promise.all([
      this.registrations.countsFor(db, [sessionId]),
      this.registrations.activeFor(db, actor.id, [sessionId]),
    ]);
    return { counts: counts.get(sessionId), mine: mine[0] ?? null };
  }

  async listForWorkshop(actor: Actor, workshopId: string, query: { when: 'upcoming' | 'past' | 'all'; cursor?: string; limit: number }) {
    const { hostIds } = await this.access.workshop(this.tx.executor, actor, 'workshop.view', workshopId);
    const audience = audienceOf(actor, hostIds);
    const after = decodeCursor(query.cursor, ['time', 'text']) as [string, string] | undefined;
    const rows = await this.sessions.listForWorkshop(this.tx.executor, {
      workshopId,
      when: query.when,
      now: nowIso(),
      after,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.starts_at, r.id]);
    const ids = page.items.map((r) => r.id);
    const mine = await this.registrations.activeFor(this.tx.executor, actor.id, ids);
    // The rows carry their kept seat and waitlist counts.
    const items = page.items.map((r) =>
      presentSession(r, audience, { counts: keptCounts(r), mine: mine.find((m) => m.session_id === r.id) ?? null }),
    );
    return { items, nextCursor: page.nextCursor };
  }

  async create(actor: Actor, workshopId: string, input: CreateInput): Promise<Session> {
    const [session] = await this.schedule(actor, workshopId, input, [checkTimes(input.startsAt, input.endsAt, { mustBeFuture: true })]);
    return session as Session;
  }

  async createRecurring(actor: Actor, workshopId: string, input: RecurringInput): Promise<Session[]> {
    const first = checkTimes(input.startsAt, input.endsAt, { mustBeFuture: true });
    return this.schedule(actor, workshopId, input, expandRepeat(first, input.timeZone, input.repeat));
  }

  private async schedule(actor: Actor, workshopId: string, input: CreateInput, occurrences: Occurrence[]): Promise<Session[]> {
    const now = nowIso();
    const rows: SessionRow[] = occurrences.map((o) => ({
      id: newId(),
      workshop_id: workshopId,
      starts_at: o.startsAt,
      ends_at: o.endsAt,
      time_zone: input.timeZone,
      mode: input.mode,
      location: input.location ?? null,
      video_url: input.videoUrl ?? null,
      seats: input.seats ?? null,
      online_seats: input.mode === 'hybrid' ? (input.onlineSeats ?? null) : null,
      registration_opens_at: input.registrationOpensAt ? new Date(input.registrationOpensAt).toISOString() : null,
      registration_closes_at: input.registrationClosesAt ? new Date(input.registrationClosesAt).toISOString() : null,
      promotion: input.promotion ?? 'auto',
      offer_hours: input.offerHours ?? 24,
      check_in_code: null,
      status: 'scheduled',
      cancelled_at: null,
      created_at: now,
      updated_at: now,
      in_person_taken: 0,
      online_taken: 0,
      in_person_waiting: 0,
      online_waiting: 0,
      low_turnout_warned_for: null,
      recording_url: null,
      session_materials: null,
      recording_added_at: null,
    }));
    const hostIds = await this.tx.transaction(async (trx) => {
      const workshop = await this.access.workshop(trx, actor, 'workshop.edit', workshopId, EDIT_REFUSAL);
      // Who waits for a seat at the workshop's sessions, read before the new ones exist.
      const waiting = workshop.status === 'published' ? await this.waitingAt(trx, workshopId) : [];
      await this.sessions.insertMany(trx, rows);
      // People who asked to hear when it runs again hear of its next session.
      const first = rows[0];
      if (workshop.status === 'published' && first) {
        await this.notices.anotherSession(trx, first, waiting);
        await this.notices.scheduled(trx, first);
        await this.notices.announce(trx, first);
      }
      return workshop.hostIds;
    });
    this.pages.changed([workshopId]);
    return rows.map((r) => presentSession(r, { actor, hostIds }));
  }

  /** The people on the waitlists of the workshop's upcoming sessions. */
  private async waitingAt(trx: Executor, workshopId: string): Promise<string[]> {
    const upcoming = await this.sessions.listForWorkshop(trx, { workshopId, when: 'upcoming', now: nowIso(), limit: 500 });
    const counts = await this.registrations.countsFor(
      trx,
      upcoming.filter((s) => s.status === 'scheduled').map((s) => s.id),
    );
    const people: string[] = [];
    for (const [sessionId, c] of counts) {
      if (c.waiting.in_person + c.waiting.online === 0) continue;
      for (const r of await this.registrations.activeOf(trx, sessionId)) if (r.status === 'waitlisted') people.push(r.person_id);
    }
    return people;
  }

  /**
   * Changes one session, or (scope "following") this one and the workshop's later scheduled
   * sessions alike: a new start or duration moves each later session by the same amount, the
   * other fields are set as sent; a recording and materials stay with this session.
   */
  async update(actor: Actor, id: string, input: UpdateInput, scope: UpdateScope = 'this'): Promise<Session> {
    const { workshopId, answer } = await this.tx.transaction(async (trx) => {
      const { hostIds, workshopId } = await this.access.session(trx, actor, 'session.edit', id, EDIT_REFUSAL);
      // Lock before reading: seat changes and registrations must not interleave.
      const session = await this.registrations.lockSession(trx, id);
      if (!session) throw notFound('Session');
      // The later sessions as they were, read before this one moves.
      const later =
        scope === 'following'
          ? await this.sessions.listForWorkshop(trx, {
              workshopId,
              when: 'upcoming',
              now: nowIso(),
              after: [session.starts_at, session.id],
              limit: 500,
            })
          : [];
      const updated = await this.change(trx, session, input, new Date());
      if (scope === 'following') {
        const { recordingUrl: _r, materials: _m, startsAt, endsAt, ...shared } = input;
        const duration = Date.parse(updated.ends_at) - Date.parse(updated.starts_at);
        const timesChanged = startsAt !== undefined || endsAt !== undefined;
        for (const next of later) {
          if (next.status !== 'scheduled') continue;
          const start = Date.parse(
            shiftLike(
              { startsAt: session.starts_at, timeZone: session.time_zone },
              { startsAt: updated.starts_at, timeZone: updated.time_zone },
              { startsAt: next.starts_at, timeZone: next.time_zone },
            ),
          );
          const times = timesChanged ? { startsAt: new Date(start).toISOString(), endsAt: new Date(start + duration).toISOString() } : {};
          await this.change(trx, next, { ...shared, ...times }, new Date());
        }
      }
      return { workshopId, answer: presentSession(updated, audienceOf(actor, hostIds), await this.extras(trx, actor, id)) };
    });
    this.pages.changed([workshopId]);
    return answer;
  }

  /** One session's change inside the caller's transaction (the workshop is locked): checks, notices, seats. */
  private async change(trx: Executor, session: SessionRow, input: UpdateInput, now: Date): Promise<SessionRow> {
    const id = session.id;
    if (session.status === 'cancelled') throw invalidState('This session is cancelled; schedule a new one instead.');
    const afterwards = recordingChanges(session, input, now);
    const timesChanged = input.startsAt !== undefined || input.endsAt !== undefined;
    const times = timesChanged
      ? checkTimes(input.startsAt ?? session.starts_at, input.endsAt ?? session.ends_at, { mustBeFuture: input.startsAt !== undefined })
      : { startsAt: session.starts_at, endsAt: session.ends_at };
    const changes = {
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
      ...(input.mode !== undefined ? { mode: input.mode } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.videoUrl !== undefined ? { video_url: input.videoUrl } : {}),
      ...(input.seats !== undefined ? { seats: input.seats } : {}),
      ...(input.onlineSeats !== undefined ? { online_seats: input.onlineSeats } : {}),
      ...(input.registrationOpensAt !== undefined ? { registration_opens_at: isoOrNull(input.registrationOpensAt) } : {}),
      ...(input.registrationClosesAt !== undefined ? { registration_closes_at: isoOrNull(input.registrationClosesAt) } : {}),
      ...(input.promotion !== undefined ? { promotion: input.promotion } : {}),
      ...(input.offerHours !== undefined ? { offer_hours: input.offerHours } : {}),
      ...afterwards,
      updated_at: nowIso(),
    };
    if (changes.mode !== undefined && changes.mode !== session.mode) {
      const counts = (await this.registrations.countsFor(trx, [id])).get(id);
      if (counts) throw invalidState('People have registered already, so the mode can no longer change; cancel and schedule anew.');
    }
    await this.sessions.update(trx, id, changes);
    const updated = { ...session, ...changes };
    // Everyone registered hears of a new time, place or link; invitations are updated in place.
    const noticed = [
      ...(updated.starts_at !== session.starts_at || updated.ends_at !== session.ends_at ? ['time'] : []),
      ...(updated.location !== session.location || updated.mode !== session.mode ? ['place'] : []),
      ...(updated.video_url !== session.video_url ? ['link'] : []),
    ];
    if (noticed.length > 0) {
      await this.notices.session(trx, updated, 'session.updated', await this.registrations.activeOf(trx, id), noticed);
    }
    // A first recording reaches everyone who registered, waited, or asked to hear when it runs again.
    if (afterwards.recording_added_at && !session.recording_added_at) {
      await this.notices.recording(trx, updated, await this.registrations.activeOf(trx, id));
    }
    // More seats go to the waitlist at once; fewer seats remove nobody, enrolment just pauses.
    await this.seats.fillSeats(trx, updated);
    return updated;
  }

  /** Published sessions are cancelled, never deleted, so people who saw them learn what happened. */
  async cancel(actor: Actor, id: string): Promise<Session> {
    const answer = await this.tx.transaction(async (trx) => {
      const { hostIds } = await this.access.session(trx, actor, 'session.edit', id, EDIT_REFUSAL);
      const session = await this.sessions.findById(trx, id);
      if (!session) throw notFound('Session');
      if (session.status === 'cancelled') return presentSession(session, audienceOf(actor, hostIds), await this.extras(trx, actor, id));
      if (Date.parse(session.ends_at) <= Date.now()) throw invalidState('This session is over; it can no longer be cancelled.');
      const now = nowIso();
      const changes = { status: 'cancelled' as const, cancelled_at: now, updated_at: now };
      await this.sessions.update(trx, id, changes);
      await this.notices.session(trx, { ...session, ...changes }, 'session.cancelled', await this.registrations.activeOf(trx, id));
      return presentSession({ ...session, ...changes }, audienceOf(actor, hostIds), await this.extras(trx, actor, id));
    });
    this.pages.changed([answer.workshopId]);
    return answer;
  }

  /** Only a draft workshop's sessions can be deleted: nobody else has seen them. */
  async delete(actor: Actor, id: string): Promise<void> {
    const workshopId = await this.tx.transaction(async (trx) => {
      const workshop = await this.access.session(trx, actor, 'session.edit', id, EDIT_REFUSAL);
      if (workshop.status === 'published') throw invalidState('Sessions of a published workshop are cancelled, not deleted.');
      await this.sessions.delete(trx, id);
      return workshop.workshopId;
    });
    this.pages.changed([workshopId]);
  }
}

/**
 * A recording and materials come after the start (409 not_started before); the first recording
 * is stamped so that people are told once, whatever is edited later.
 */
function recordingChanges(session: SessionRow, input: UpdateInput, now: Date) {
  if (input.recordingUrl === undefined && input.materials === undefined) return {};
  if (Date.parse(session.starts_at) > now.getTime()) {
    throw new AppError('not_started', 'A recording and materials can be added once the session has started.');
  }
  return {
    ...(input.recordingUrl !== undefined ? { recording_url: input.recordingUrl } : {}),
    ...(input.materials !== undefined ? { session_materials: JSON.stringify(input.materials) } : {}),
    ...(input.recordingUrl && !session.recording_added_at ? { recording_added_at: now.toISOString() } : {}),
  };
}
