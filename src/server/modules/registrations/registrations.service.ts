import { randomInt } from 'node:crypto';
import type { Registration, SeatPool } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, forbidden, invalidField, invalidState, notFound } from '../../platform/errors.js';
import { nowIso } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { Notifier } from '../notifications/notifier.js';
import type { peopleRepository } from '../people/people.repository.js';
import type { SessionRow, sessionsRepository } from '../sessions/sessions.repository.js';
import type { WorkshopRow } from '../workshops/workshops.repository.js';
import type { WorkshopsService } from '../workshops/workshops.service.js';
import { assertCancellable, assertCheckInOpen, assertOpen, checkInWindow, newRegistration, poolFor } from './registration-rules.js';
import { can } from './registrations.policy.js';
import { presentRegistration } from './registrations.presenter.js';
import type { RegistrationRow, registrationsRepository } from './registrations.repository.js';
import type { rosterRepository } from './roster.repository.js';
import { capacityOf, fillSeats } from './seat-ledger.js';

export interface Outcome {
  status: 200 | 201;
  registration: Registration;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A session whose workshop the actor may not see does not exist for them. */
async function asSessionNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw notFound('Session');
    throw error;
  }
}

/** Registering, cancelling, offers, the roster and attendance: every seat decision of Lyceum. */
export class RegistrationsService {
  constructor(
    private readonly tx: Transactor,
    private readonly registrations: typeof registrationsRepository,
    private readonly roster: typeof rosterRepository,
    private readonly sessions: typeof sessionsRepository,
    private readonly people: typeof peopleRepository,
    private readonly workshops: WorkshopsService,
    private readonly notifier: Notifier,
  ) {}

  /** The seat rules' view of this service's repositories. */
  get ledger() {
    return { registrations: this.registrations, sessions: this.sessions, notifier: this.notifier };
  }

  /** The session, its workshop and hosts; 404 when the actor may not see the workshop. */
  async loadSession(db: Executor, actor: Actor, sessionId: string) {
    const session = await this.sessions.findById(db, sessionId);
    if (!session) throw notFound('Session');
    const { row, hosts } = await asSessionNotFound(this.workshops.authorize(db, actor, session.workshop_id, 'view'));
    const hostIds = hosts.map((h) => h.id);
    return { session, workshop: row, hostIds, isHost: can(actor, 'manage', { personId: '', hostIds }) };
  }

  /** The session and its workshop, for someone acting on their own behalf: hosts do not matter. */
  private async loadSessionForSelf(db: Executor, actor: Actor, sessionId: string) {
    const session = await this.sessions.findById(db, sessionId);
    if (!session) throw notFound('Session');
    return { session, workshop: await asSessionNotFound(this.workshops.visibleRow(db, actor, session.workshop_id)) };
  }

  private async loadForHost(db: Executor, actor: Actor, sessionId: string) {
    const loaded = await this.loadSession(db, actor, sessionId);
    if (!loaded.isHost) throw forbidden("Only the session's hosts (and admins) can manage its registrations.");
    return loaded;
  }

  /**
   * Registers the actor (or, for hosts, someone else): a seat when one is free and nobody waits,
   * otherwise the next place on the waitlist. Registering again returns the existing registration.
   * With an Idempotency-Key, a retried request returns the first answer without acting again.
   */
  async register(
    actor: Actor,
    sessionId: string,
    input: { mode?: SeatPool; personId?: string },
    idempotencyKey?: string,
  ): Promise<Outcome> {
    const fingerprint = JSON.stringify(['register', sessionId, input.mode ?? null, input.personId ?? null]);
    return this.tx.transaction(async (trx) => {
      // Authorization and reference reads happen before the lock, so the lock is held briefly.
      const checked = await this.checkRegistration(trx, actor, sessionId, input);
      // A retry racing its original waits on the lock, then finds the stored answer.
      const session = await this.registrations.relock(trx, checked.session);
      if (idempotencyKey) {
        const previous = await this.roster.findIdempotent(trx, actor.id, idempotencyKey);
        if (previous) {
          if (previous.request !== fingerprint) {
            throw new AppError('conflict', 'This Idempotency-Key was already used for a different request.');
          }
          return JSON.parse(previous.response) as Outcome;
        }
      }
      const outcome = await this.registerLocked(trx, session, checked);
      if (idempotencyKey) {
        await this.roster.saveIdempotent(trx, {
          person_id: actor.id,
          key: idempotencyKey,
          request: fingerprint,
          status_code: outcome.status,
          response: JSON.stringify(outcome),
          created_at: nowIso(),
        });
      }
      return outcome;
    });
  }

  /** Who is registered, in which pool, and whether registration is open: no lock needed yet. */
  private async checkRegistration(trx: Executor, actor: Actor, sessionId: string, input: { mode?: SeatPool; personId?: string }) {
    let personId = actor.id;
    let loaded: { session: SessionRow; workshop: WorkshopRow };
    if (input.personId && input.personId !== actor.id) {
      const { isHost, ...rest } = await this.loadSession(trx, actor, sessionId);
      if (!isHost) throw forbidden('Only hosts can register someone else.');
      if (!(await this.people.findById(trx, input.personId))) throw invalidField('personId', 'Nobody with that id is in the directory.');
      personId = input.personId;
      loaded = rest;
    } else {
      loaded = await this.loadSessionForSelf(trx, actor, sessionId);
    }
    assertOpen(loaded.session, loaded.workshop, new Date());
    return { ...loaded, personId, pool: poolFor(loaded.session, input.mode) };
  }

  private async registerLocked(trx: Executor, session: SessionRow, checked: { workshop: WorkshopRow; personId: string; pool: SeatPool }) {
    const { personId, pool } = checked;
    // Taken under the lock, so created_at follows the order in which places were given.
    const now = new Date();
    // The session may have been cancelled or changed while we waited for the lock.
    assertOpen(session, checked.workshop, now);
    const existing = await this.registrations.findActive(trx, session.id, personId);
    if (existing) return { status: 200 as const, registration: presentRegistration(existing) };

    const { taken, waiting } = await this.registrations.poolCounts(trx, session.id, pool);
    const capacity = capacityOf(session, pool);
    // Nobody jumps the queue: a free seat with people waiting belongs to them.
    const seatFree = waiting === 0 && (capacity === null || taken < capacity);
    const at = now.toISOString();
    const row = newRegistration({
      sessionId: session.id,
      personId,
      mode: pool,
      status: seatFree ? 'enrolled' : 'waitlisted',
      position: seatFree ? null : waiting + 1,
      at,
    });
    await this.registrations.insert(trx, row);
    await this.notifier.registration(trx, row, seatFree ? 'registration.enrolled' : 'registration.waitlisted');
    return { status: 201 as const, registration: presentRegistration(row) };
  }

  /** Cancels the actor's own registration; the first person waiting gets the seat in the same transaction. */
  async cancelMine(actor: Actor, sessionId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const loaded = await this.loadSessionForSelf(trx, actor, sessionId);
      // Seats are read as they are under the lock, not as they were before it.
      const session = await this.registrations.relock(trx, loaded.session);
      const mine = await this.registrations.findActive(trx, session.id, actor.id);
      if (!mine || mine.status === 'attended' || mine.status === 'no_show') throw notFound('Registration');
      return this.cancelLocked(trx, session, mine, new Date());
    });
  }

  private async cancelLocked(trx: Executor, session: SessionRow, row: RegistrationRow, now: Date): Promise<Registration> {
    const { late } = assertCancellable(session, now);
    const at = now.toISOString();
    const changes = {
      status: 'cancelled' as const,
      position: null,
      offer_expires_at: null,
      cancelled_at: at,
      updated_at: at,
      late_cancellation: late ? 1 : 0,
    };
    await this.registrations.update(trx, row.id, changes);
    await this.notifier.registration(trx, { ...row, ...changes }, 'registration.cancelled');
    if (row.status === 'waitlisted' && row.position !== null) {
      await this.registrations.closeGap(trx, session.id, row.mode, row.position);
    } else {
      await fillSeats(trx, this.ledger, session, row.mode, now);
    }
    return presentRegistration({ ...row, ...changes });
  }

  /** A registration by id, for its owner or the session's hosts; anyone else gets 404. */
  private async loadRegistration(trx: Executor, actor: Actor, registrationId: string, action: 'view' | 'respond' | 'manage') {
    const row = await this.registrations.findById(trx, registrationId);
    if (!row) throw notFound('Registration');
    const loaded = await this.loadSession(trx, actor, row.session_id);
    const access = { personId: row.person_id, hostIds: loaded.hostIds };
    if (!can(actor, 'view', access)) throw notFound('Registration');
    if (!can(actor, action, access))
      throw forbidden(action === 'respond' ? 'Only the person registered can answer an offer.' : 'Only hosts can do this.');
    const session = (await this.registrations.lockSession(trx, row.session_id)) as SessionRow;
    // Re-read under the lock: the registration and the session may have changed while we waited.
    return { ...loaded, session, row: (await this.registrations.findById(trx, registrationId)) as RegistrationRow };
  }

  async confirm(actor: Actor, registrationId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row } = await this.loadRegistration(trx, actor, registrationId, 'respond');
      if (row.status === 'enrolled') return presentRegistration(row);
      if (row.status !== 'offered') throw invalidState('There is no seat on offer for this registration.');
      if (row.offer_expires_at && Date.parse(row.offer_expires_at) <= Date.now()) {
        throw invalidState('The offer expired and the seat went to the next person in line.');
      }
      const changes = { status: 'enrolled' as const, offer_expires_at: null, updated_at: nowIso() };
      await this.registrations.update(trx, row.id, changes);
      await this.notifier.registration(trx, { ...row, ...changes }, 'registration.enrolled');
      return presentRegistration({ ...row, ...changes });
    });
  }

  async decline(actor: Actor, registrationId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row, session } = await this.loadRegistration(trx, actor, registrationId, 'respond');
      if (row.status !== 'offered') throw invalidState('There is no seat on offer for this registration.');
      return this.cancelLocked(trx, session, row, new Date());
    });
  }

  /** Hosts remove someone (a cancellation on their behalf; the seat passes on). */
  async remove(actor: Actor, sessionId: string, registrationId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row, session } = await this.loadRegistration(trx, actor, registrationId, 'manage');
      if (row.session_id !== sessionId) throw notFound('Registration');
      if (row.status === 'cancelled') return presentRegistration(row);
      if (row.status === 'attended' || row.status === 'no_show') throw invalidState('Attendance is history; it cannot be removed.');
      return this.cancelLocked(trx, session, row, new Date());
    });
  }

  /** Hosts move a waitlisted person ahead (to a smaller position); those in between move back one. */
  async move(actor: Actor, registrationId: string, position: number): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row } = await this.loadRegistration(trx, actor, registrationId, 'manage');
      if (row.status !== 'waitlisted' || row.position === null) throw invalidState('Only people on the waitlist can be moved.');
      if (position >= row.position) throw invalidField('position', `Choose a position ahead of ${row.position}.`);
      await this.registrations.moveAhead(trx, row.session_id, row.mode, row.id, row.position, position);
      return presentRegistration({ ...row, position, updated_at: nowIso() });
    });
  }

  /** Hosts check a registered person in. */
  async checkIn(actor: Actor, registrationId: string): Promise<Registration> {
    return this.tx.transaction(async (trx) => {
      const { row } = await this.loadRegistration(trx, actor, registrationId, 'manage');
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
    await this.notifier.attendance(trx, { ...row, ...changes });
    return presentRegistration({ ...row, ...changes });
  }

  /** Hosts add someone who turned up: they are recorded as attended, whatever the seat count. */
  async walkIn(actor: Actor, sessionId: string, personId: string): Promise<Outcome> {
    return this.tx.transaction(async (trx) => {
      const { session } = await this.loadForHost(trx, actor, sessionId);
      if (session.status === 'cancelled') throw invalidState('This session is cancelled.');
      if (!(await this.people.findById(trx, personId))) throw invalidField('personId', 'Nobody with that id is in the directory.');
      await this.registrations.lockSession(trx, session.id);
      const existing = await this.registrations.findActive(trx, session.id, personId);
      if (existing?.status === 'waitlisted' && existing.position !== null) {
        // They were waiting and came anyway: off the waitlist, into the room.
        await this.registrations.update(trx, existing.id, { status: 'enrolled', position: null });
        await this.registrations.closeGap(trx, session.id, existing.mode, existing.position);
        return { status: 200, registration: await this.markAttended(trx, { ...existing, status: 'enrolled', position: null }) };
      }
      if (existing) return { status: 200, registration: await this.markAttended(trx, existing) };
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
      await this.notifier.attendance(trx, row);
      return { status: 201, registration: presentRegistration(row) };
    });
  }

  /** The short code hosts show in the room; created on first use. */
  async checkInCode(actor: Actor, sessionId: string) {
    return this.tx.transaction(async (trx) => {
      const { session } = await this.loadForHost(trx, actor, sessionId);
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
      const { session } = await this.loadSession(trx, actor, sessionId);
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
