import { randomInt } from 'node:crypto';
import { PostgresAdapter } from 'kysely';
import type { Registration, SeatPool } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { invalidField, invalidState, notFound } from '../../platform/errors.js';
import type { RetryGuard } from '../../platform/idempotency.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { peopleRepository } from '../people/people.repository.js';
import type { SessionRow, sessionsRepository } from '../sessions/sessions.repository.js';
import { PlaceBatches } from './place-batches.js';
import type { RegistrationNotices } from './ports.js';
import {
  assertCheckInOpen,
  assertHostCheckInOpen,
  assertOpen,
  checkInWindow,
  newRegistration,
  poolFor,
  type WorkshopState,
} from './registration-rules.js';
import { presentRegistration } from './registrations.presenter.js';
import type { RegistrationRow, registrationsRepository } from './registrations.repository.js';
import { cancelRegistration, type Ledger, openingFor } from './seat-ledger.js';

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** What registering did: a new registration (`created`), or the one the person already had. */
export interface RegisterOutcome {
  created: boolean;
  registration: Registration;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The refusals of this module, word for word what they always were. */
export const refusals = {
  manage: "Only the session's hosts (and admins) can manage its registrations.",
  registerOther: 'Only hosts can register someone else.',
  respond: 'Only the person registered can answer an offer.',
  hostsOnly: 'Only hosts can do this.',
};

/** Registering, cancelling, offers, the roster and attendance: every seat decision of Lyceum. */
export class RegistrationsService {
  /** This instance's places at each session, taken a batch per statement (PostgreSQL). */
  private readonly places = new PlaceBatches((session, asks) => this.registrations.takePlaces(this.tx.executor, session, asks));

  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly registrations: typeof registrationsRepository,
    private readonly sessions: typeof sessionsRepository,
    private readonly people: typeof peopleRepository,
    private readonly notices: RegistrationNotices,
  ) {}

  /** The seat rules' view of this service's repositories. */
  get ledger(): Ledger {
    return { registrations: this.registrations, sessions: this.sessions, notifier: this.notices };
  }

  /**
   * The session and its workshop's state, for someone who may see it (404 otherwise). One read
   * when the workshop is published (everybody sees those); a draft asks the access checker, which
   * looks at its hosts.
   */
  async visibleSession(db: Executor, actor: Actor, sessionId: string) {
    const found = await this.registrations.sessionWithWorkshop(db, sessionId);
    if (!found || !this.access.seenByEveryone(found.workshop)) await this.access.session(db, actor, 'session.view', sessionId);
    if (!found) throw notFound('Session');
    return found;
  }

  /** The session and its workshop's state, for its hosts and admins (404 or 403 `refusal` otherwise). */
  async hostedSession(db: Executor, actor: Actor, sessionId: string, refusal: string) {
    await this.access.session(db, actor, 'session.roster', sessionId, refusal);
    const found = await this.registrations.sessionWithWorkshop(db, sessionId);
    if (!found) throw notFound('Session');
    return found;
  }

  /**
   * Registers the actor (or, for hosts, someone else): a seat when one is free and nobody waits,
   * otherwise the next place on the waitlist. Registering again returns the existing registration.
   * With a retry guard (an Idempotency-Key), a retried request returns the first answer without acting again.
   */
  async register(
    actor: Actor,
    sessionId: string,
    input: { mode?: SeatPool; personId?: string },
    retry?: RetryGuard<RegisterOutcome>,
  ): Promise<RegisterOutcome> {
    if (!retry && isPostgres(this.tx.executor)) return this.registerOnPostgres(actor, sessionId, input);
    return this.tx.transaction(async (trx) => {
      // Authorization and reference reads happen before the lock, so the lock is held briefly.
      const checked = await this.checkRegistration(trx, actor, sessionId, input);
      // A retry racing its original waits on the lock, then finds the stored answer.
      const session = await this.registrations.relock(trx, checked.session);
      const earlier = await retry?.earlier(trx);
      if (earlier) return earlier;
      const outcome = await this.registerLocked(trx, session, checked);
      await retry?.remember(trx, outcome);
      return outcome;
    });
  }

  /**
   * PostgreSQL, without a retry guard. Authorization and the session are read first, outside any
   * transaction (at READ COMMITTED each statement sees the latest commits either way). When no
   * integrator hears of new registrations, the seat or waitlist place and its message (with a
   * seat's calendar invitation) are taken in one statement outside a transaction, together with
   * the places other people asked for at this session meanwhile (PlaceBatches,
   * registrationsRepository.takePlaces): the seat lock is held only while PostgreSQL runs it, once
   * for the batch. Otherwise, or when that statement finds registration closed, a transaction as
   * usual (which says why).
   */
  private async registerOnPostgres(
    actor: Actor,
    sessionId: string,
    input: { mode?: SeatPool; personId?: string },
  ): Promise<RegisterOutcome> {
    const db = this.tx.executor;
    const checked = await this.checkRegistration(db, actor, sessionId, input);
    const { session, personId, pool } = checked;
    if (!(await this.integratorsHearOfNewPlaces(db))) {
      const id = newId();
      const messages = this.notices.placeMessages({ id, sessionId: session.id, personId });
      const row = await this.places.take(session, { id, personId, pool, messages });
      if (row) return { created: row.id === id, registration: presentRegistration(row) };
    }
    return this.tx.transaction((trx) => this.registerInOneStatement(trx, checked));
  }

  /** Whether a new seat or waitlist place has an integrator event to emit beside its message. */
  private async integratorsHearOfNewPlaces(db: Executor): Promise<boolean> {
    return (
      (await this.notices.integratorsHear(db, 'registration.enrolled')) ||
      (await this.notices.integratorsHear(db, 'registration.waitlisted'))
    );
  }

  /**
   * PostgreSQL: lock, recount and insert are one statement (registrationsRepository.takePlace),
   * so the seat lock is held for that statement, the messages and COMMIT, whichever instance
   * decides. The rules are registerLocked's, written once more in SQL for this one path.
   */
  private async registerInOneStatement(
    trx: Executor,
    checked: { session: SessionRow; workshop: WorkshopState; personId: string; pool: SeatPool },
  ): Promise<RegisterOutcome> {
    const { session, personId, pool } = checked;
    const id = newId();
    const row = await this.registrations.takePlace(trx, id, session, personId, pool);
    if (!row) {
      // Closed (or gone) while we waited for the lock: say why as registerLocked would.
      const now = await this.registrations.sessionWithWorkshop(trx, session.id);
      if (!now) throw notFound('Session');
      assertOpen(now.session, now.workshop, new Date());
      throw invalidState('Registration for this session is closed.');
    }
    if (row.id !== id) return { created: false, registration: presentRegistration(row) };
    await this.notices.registration(trx, row, row.status === 'enrolled' ? 'registration.enrolled' : 'registration.waitlisted');
    return { created: true, registration: presentRegistration(row) };
  }

  /** Who is registered, in which pool, and whether registration is open: no lock needed yet. */
  private async checkRegistration(trx: Executor, actor: Actor, sessionId: string, input: { mode?: SeatPool; personId?: string }) {
    let personId = actor.id;
    let loaded: { session: SessionRow; workshop: WorkshopState };
    if (input.personId && input.personId !== actor.id) {
      loaded = await this.hostedSession(trx, actor, sessionId, refusals.registerOther);
      if (!(await this.people.findById(trx, input.personId))) throw invalidField('personId', 'Nobody with that id is in the directory.');
      personId = input.personId;
    } else {
      loaded = await this.visibleSession(trx, actor, sessionId);
    }
    assertOpen(loaded.session, loaded.workshop, new Date());
    return { ...loaded, personId, pool: poolFor(loaded.session, input.mode) };
  }

  private async registerLocked(
    trx: Executor,
    session: SessionRow,
    checked: { workshop: WorkshopState; personId: string; pool: SeatPool },
  ): Promise<RegisterOutcome> {
    const { personId, pool } = checked;
    // Taken under the lock, so created_at follows the order in which places were given.
    const now = new Date();
    // The session may have been cancelled or changed while we waited for the lock.
    assertOpen(session, checked.workshop, now);
    const existing = await this.registrations.findActive(trx, session.id, personId);
    if (existing) return { created: false, registration: presentRegistration(existing) };

    const { seat, position } = await openingFor(trx, this.registrations, session, pool);
    const row = newRegistration({
      sessionId: session.id,
      personId,
      mode: pool,
      status: seat ? 'enrolled' : 'waitlisted',
      position: seat ? null : position,
      at: now.toISOString(),
    });
    await this.registrations.insert(trx, row);
    await this.notices.registration(trx, row, seat ? 'registration.enrolled' : 'registration.waitlisted');
    return { created: true, registration: presentRegistration(row) };
  }

  /** Cancels the actor's own registration; the first person waiting gets the seat in the same transaction. */
  async cancelMine(actor: Actor, sessionId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const loaded = await this.visibleSession(trx, actor, sessionId);
      // Seats are read as they are under the lock, not as they were before it.
      const session = await this.registrations.relock(trx, loaded.session);
      const mine = await this.registrations.findActive(trx, session.id, actor.id);
      if (!mine || mine.status === 'attended' || mine.status === 'no_show') throw notFound('Registration');
      return presentRegistration(await cancelRegistration(trx, this.ledger, session, mine, new Date()));
    });
  }

  /**
   * A registration by id, for its owner or the session's hosts (anyone else gets 404), with its
   * session, both read again under the session's lock.
   */
  private async lockedRegistration(trx: Executor, actor: Actor, registrationId: string, permission: 'respond' | 'manage') {
    const facts = await this.access.registration(
      trx,
      actor,
      `registration.${permission}`,
      registrationId,
      permission === 'respond' ? refusals.respond : refusals.hostsOnly,
    );
    const session = (await this.registrations.lockSession(trx, facts.sessionId)) as SessionRow;
    // Read under the lock: the registration and the session may have changed while we waited.
    return { session, row: (await this.registrations.findById(trx, registrationId)) as RegistrationRow };
  }

  async confirm(actor: Actor, registrationId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row } = await this.lockedRegistration(trx, actor, registrationId, 'respond');
      if (row.status === 'enrolled') return presentRegistration(row);
      if (row.status !== 'offered') throw invalidState('There is no seat on offer for this registration.');
      if (row.offer_expires_at && Date.parse(row.offer_expires_at) <= Date.now()) {
        throw invalidState('The offer expired and the seat went to the next person in line.');
      }
      const changes = { status: 'enrolled' as const, offer_expires_at: null, updated_at: nowIso() };
      await this.registrations.update(trx, row.id, changes);
      await this.notices.registration(trx, { ...row, ...changes }, 'registration.enrolled');
      return presentRegistration({ ...row, ...changes });
    });
  }

  async decline(actor: Actor, registrationId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row, session } = await this.lockedRegistration(trx, actor, registrationId, 'respond');
      if (row.status !== 'offered') throw invalidState('There is no seat on offer for this registration.');
      return presentRegistration(await cancelRegistration(trx, this.ledger, session, row, new Date()));
    });
  }

  /** Hosts remove someone (a cancellation on their behalf; the seat passes on). */
  async remove(actor: Actor, sessionId: string, registrationId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row, session } = await this.lockedRegistration(trx, actor, registrationId, 'manage');
      if (row.session_id !== sessionId) throw notFound('Registration');
      if (row.status === 'cancelled') return presentRegistration(row);
      if (row.status === 'attended' || row.status === 'no_show') throw invalidState('Attendance is history; it cannot be removed.');
      return presentRegistration(await cancelRegistration(trx, this.ledger, session, row, new Date()));
    });
  }

  /** Hosts move a waitlisted person ahead (to a smaller position); those in between move back one. */
  async move(actor: Actor, registrationId: string, position: number): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row } = await this.lockedRegistration(trx, actor, registrationId, 'manage');
      if (row.status !== 'waitlisted' || row.position === null) throw invalidState('Only people on the waitlist can be moved.');
      if (position >= row.position) throw invalidField('position', `Choose a position ahead of ${row.position}.`);
      await this.registrations.moveAhead(trx, row.session_id, row.mode, row.id, row.position, position);
      return presentRegistration({ ...row, position, updated_at: nowIso() });
    });
  }

  /** Hosts check a registered person in. */
  async checkIn(actor: Actor, registrationId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row, session } = await this.lockedRegistration(trx, actor, registrationId, 'manage');
      assertHostCheckInOpen(session, new Date());
      return this.markAttended(trx, row);
    });
  }

  private async markAttended(trx: Executor, row: RegistrationRow): Promise<Registration> {
    if (row.status === 'attended') return presentRegistration(row);
    if (row.status !== 'enrolled' && row.status !== 'no_show' && row.status !== 'offered') {
      throw invalidState('Only people with a seat can be checked in; add them as a walk-in instead.');
    }
    const at = nowIso();
    const changes = { status: 'attended' as const, checked_in_at: at, offer_expires_at: null, updated_at: at };
    await this.registrations.update(trx, row.id, changes);
    await this.notices.attendance(trx, { ...row, ...changes });
    return presentRegistration({ ...row, ...changes });
  }

  /** Hosts add someone who turned up: they are recorded as attended, whatever the seat count. */
  async walkIn(actor: Actor, sessionId: string, personId: string): Promise<RegisterOutcome> {
    return this.tx.transaction(async (trx) => {
      const { session } = await this.hostedSession(trx, actor, sessionId, refusals.manage);
      assertHostCheckInOpen(session, new Date());
      if (!(await this.people.findById(trx, personId))) throw invalidField('personId', 'Nobody with that id is in the directory.');
      await this.registrations.lockSession(trx, session.id);
      const existing = await this.registrations.findActive(trx, session.id, personId);
      if (existing?.status === 'waitlisted' && existing.position !== null) {
        // They were waiting and came anyway: off the waitlist, into the room.
        await this.registrations.update(trx, existing.id, { status: 'enrolled', position: null });
        await this.registrations.closeGap(trx, session.id, existing.mode, existing.position);
        return { created: false, registration: await this.markAttended(trx, { ...existing, status: 'enrolled', position: null }) };
      }
      if (existing) return { created: false, registration: await this.markAttended(trx, existing) };
      const at = nowIso();
      const row = newRegistration({
        sessionId: session.id,
        personId,
        mode: session.mode === 'online' ? 'online' : 'in_person',
        status: 'attended',
        walkIn: true,
        at,
      });
      await this.registrations.insert(trx, row);
      await this.notices.attendance(trx, row);
      return { created: true, registration: presentRegistration(row) };
    });
  }

  /** The short code hosts show in the room; created on first use. */
  async checkInCode(actor: Actor, sessionId: string) {
    return this.tx.transaction(async (trx) => {
      const { session } = await this.hostedSession(trx, actor, sessionId, refusals.manage);
      let code = session.check_in_code;
      if (!code) {
        code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
        await this.sessions.update(trx, session.id, { check_in_code: code });
      }
      return { code, ...checkInWindow(session) };
    });
  }

  /** Self check-in with the host's code, from 15 minutes before the start to the end. */
  async selfCheckIn(actor: Actor, sessionId: string, code: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { session } = await this.visibleSession(trx, actor, sessionId);
      assertCheckInOpen(session, new Date());
      if (!session.check_in_code || session.check_in_code !== code.trim().toUpperCase()) {
        throw invalidField('code', 'That check-in code is not right; ask the host to show it again.');
      }
      await this.registrations.lockSession(trx, session.id);
      const mine = await this.registrations.findActive(trx, session.id, actor.id);
      if (!mine || mine.status === 'waitlisted')
        throw invalidState('You have no seat in this session; ask the host to add you as a walk-in.');
      return this.markAttended(trx, mine);
    });
  }
}
