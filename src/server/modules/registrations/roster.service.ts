import { DateTime } from 'luxon';
import type { RegistrationStatus, SessionMessage } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type CsvFile, csvFilename, toCsv } from '../../platform/csv.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import type { SessionEntries } from './ports.js';
import { presentRosterEntry } from './registrations.presenter.js';
import type { registrationsRepository } from './registrations.repository.js';
import type { RegistrationsService } from './registrations.service.js';
import type { rosterRepository } from './roster.repository.js';
import { expireOffer } from './seat-ledger.js';

const offsetCursor = {
  decode(cursor: string | undefined): number {
    if (cursor === undefined) return 0;
    const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Number.isInteger(n) || n < 0) {
      throw new AppError('validation_failed', 'The cursor is not valid: use the nextCursor of a previous page.', [
        { field: 'cursor', message: 'Invalid cursor.' },
      ]);
    }
    return n;
  },
  encode: (n: number) => Buffer.from(String(n)).toString('base64url'),
};

/** What hosts see and do with a session's people, and what a person sees of their own learning. */
export class RosterService {
  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly roster: typeof rosterRepository,
    private readonly registrations: typeof registrationsRepository,
    private readonly core: RegistrationsService,
    private readonly sessions: SessionEntries,
  ) {}

  private hostOf(actor: Actor, sessionId: string) {
    return this.core.hostedSession(this.tx.executor, actor, sessionId, "Only the session's hosts (and admins) can see its roster.");
  }

  async list(actor: Actor, sessionId: string, query: { status?: RegistrationStatus; cursor?: string; limit: number }) {
    await this.hostOf(actor, sessionId);
    const offset = offsetCursor.decode(query.cursor);
    const rows = await this.roster.roster(this.tx.executor, { sessionId, status: query.status, offset, limit: query.limit + 1 });
    return {
      items: rows.slice(0, query.limit).map(presentRosterEntry),
      nextCursor: rows.length > query.limit ? offsetCursor.encode(offset + query.limit) : null,
    };
  }

  /** The whole roster as a spreadsheet, named after the workshop and the session's local date. */
  async csv(actor: Actor, sessionId: string): Promise<CsvFile> {
    const { session, workshop } = await this.hostOf(actor, sessionId);
    const rows = await this.roster.roster(this.tx.executor, { sessionId, offset: 0, limit: 1_000_000 });
    const body = toCsv(
      ['name', 'email', 'team', 'status', 'waitlist_position', 'mode', 'checked_in_at', 'late_cancellation', 'registered_at'],
      rows.map((r) => [
        r.name,
        r.email,
        r.team,
        r.status,
        r.position,
        r.mode,
        r.checked_in_at,
        r.late_cancellation ? 'yes' : '',
        r.created_at,
      ]),
    );
    const day = DateTime.fromISO(session.starts_at, { zone: session.time_zone }).toISODate() ?? session.starts_at.slice(0, 10);
    return { filename: csvFilename('roster', workshop.title, day), body };
  }

  /** Stored, and sent to everyone holding a seat (through the outbox, in the same transaction). */
  async postMessage(actor: Actor, sessionId: string, input: { subject: string; body: string }): Promise<SessionMessage> {
    await this.hostOf(actor, sessionId);
    const row = { id: newId(), session_id: sessionId, author_id: actor.id, subject: input.subject, body: input.body, created_at: nowIso() };
    await this.tx.transaction(async (trx) => {
      await this.roster.insertMessage(trx, row);
      const seated = (await this.registrations.activeOf(trx, sessionId)).filter((r) => r.status === 'enrolled' || r.status === 'offered');
      await this.core.ledger.notifier.hostMessage(
        trx,
        sessionId,
        { ...row, author: actor.name },
        seated.map((r) => r.person_id),
      );
    });
    return {
      id: row.id,
      sessionId,
      author: { id: actor.id, name: actor.name },
      subject: row.subject,
      body: row.body,
      createdAt: row.created_at,
      delivered: true,
    };
  }

  /** Hosts and the people registered read a session's messages. */
  async messages(actor: Actor, sessionId: string): Promise<{ items: SessionMessage[]; nextCursor: null }> {
    const facts = await this.access.session(this.tx.executor, actor, 'session.view', sessionId);
    const isHost = this.access.allows(actor, 'session.roster', facts);
    if (!isHost && !(await this.registrations.findActive(this.tx.executor, sessionId, actor.id))) {
      throw forbidden('Messages are for the people registered for this session.');
    }
    const rows = await this.roster.messages(this.tx.executor, sessionId);
    return {
      items: rows.map((m) => ({
        id: m.id,
        sessionId: m.session_id,
        author: { id: m.author_id, name: m.author_name },
        subject: m.subject,
        body: m.body,
        createdAt: m.created_at,
        delivered: true,
      })),
      nextCursor: null,
    };
  }

  /** "My learning": upcoming registrations soonest first, or past ones with attendance. */
  async mine(actor: Actor, query: { when: 'upcoming' | 'past'; cursor?: string; limit: number }) {
    const offset = offsetCursor.decode(query.cursor);
    const rows = await this.roster.mine(this.tx.executor, {
      personId: actor.id,
      when: query.when,
      now: nowIso(),
      offset,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const items = [];
    for (const row of page) {
      const entry = await this.sessions.get(actor, row.session_id).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') return null;
        throw error;
      });
      if (entry) items.push(entry);
    }
    return { items, nextCursor: rows.length > query.limit ? offsetCursor.encode(offset + query.limit) : null };
  }

  /** Background job: expired offers pass to the next in line. Safe to run on every instance at once. */
  async expireOffers(now = new Date()): Promise<number> {
    const expired = await this.registrations.expiredOffers(this.tx.executor, now.toISOString(), 100);
    let passed = 0;
    for (const offer of expired) {
      passed += await this.tx.transaction(async (trx) => {
        const session = await this.registrations.lockSession(trx, offer.session_id);
        const row = await this.registrations.findById(trx, offer.id);
        if (!session || row?.status !== 'offered' || !row.offer_expires_at || Date.parse(row.offer_expires_at) > now.getTime()) return 0;
        await expireOffer(trx, this.core.ledger, session, row, now);
        return 1;
      });
    }
    return passed;
  }

  /** Background job: after the end, enrolled people who did not check in are no-shows. */
  markNoShows(now = new Date()): Promise<number> {
    return this.registrations.markNoShows(this.tx.executor, now.toISOString());
  }
}
