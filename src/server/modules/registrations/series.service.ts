import type { Registration, SeatPool } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, invalidState, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { Notifier } from '../notifications/notifier.js';
import type { sessionsRepository } from '../sessions/sessions.repository.js';
import type { WorkshopsService } from '../workshops/workshops.service.js';
import { assertCancellable, assertOpen, newRegistration, poolFor } from './registration-rules.js';
import { presentRegistration } from './registrations.presenter.js';
import type { registrationsRepository } from './registrations.repository.js';
import { capacityOf, fillSeats } from './seat-ledger.js';

/**
 * "Register for all parts" of a workshop marked as a series: a seat in every upcoming session,
 * or a place on every waitlist as one unit (see seat-ledger: the unit moves up only when all its
 * parts can), never a mix.
 */
export class SeriesService {
  constructor(
    private readonly tx: Transactor,
    private readonly registrations: typeof registrationsRepository,
    private readonly sessions: typeof sessionsRepository,
    private readonly workshops: WorkshopsService,
    private readonly notifier: Notifier,
  ) {}

  private async upcomingParts(trx: Executor, actor: Actor, workshopId: string) {
    const { row: workshop } = await this.workshops.authorize(trx, actor, workshopId, 'view');
    if (workshop.is_series !== 1) throw invalidState('This workshop is not a series; register for its sessions one by one.');
    await this.registrations.lockWorkshop(trx, workshopId);
    const now = new Date().toISOString();
    const parts = (await this.sessions.listForWorkshop(trx, { workshopId, when: 'upcoming', now, limit: 100 })).filter(
      (s) => s.status === 'scheduled' && s.starts_at > now,
    );
    if (parts.length === 0) throw invalidState('No upcoming sessions to register for.');
    return { workshop, parts };
  }

  async register(actor: Actor, workshopId: string, mode: SeatPool | undefined): Promise<Registration[]> {
    return this.tx.transaction(async (trx) => {
      const { workshop, parts } = await this.upcomingParts(trx, actor, workshopId);
      const now = new Date();
      const plan = [];
      for (const session of parts) {
        assertOpen(session, workshop, now);
        if (await this.registrations.findActive(trx, session.id, actor.id)) {
          throw new AppError('conflict', 'You are already registered for one of its sessions; cancel that first or register per session.');
        }
        const pool = poolFor(session, session.mode === 'hybrid' ? mode : undefined);
        const { taken, waiting } = await this.registrations.poolCounts(trx, session.id, pool);
        const capacity = capacityOf(session, pool);
        plan.push({ session, pool, waiting, free: waiting === 0 && (capacity === null || taken < capacity) });
      }
      const allFree = plan.every((p) => p.free);
      const seriesKey = newId();
      const at = now.toISOString();
      const rows = plan.map((p) =>
        newRegistration({
          sessionId: p.session.id,
          personId: actor.id,
          mode: p.pool,
          status: allFree ? 'enrolled' : 'waitlisted',
          position: allFree ? null : p.waiting + 1,
          seriesKey,
          at,
        }),
      );
      for (const row of rows) {
        await this.registrations.insert(trx, row);
        await this.notifier.registration(trx, row, allFree ? 'registration.enrolled' : 'registration.waitlisted');
      }
      return rows.map(presentRegistration);
    });
  }

  /** Leaves every upcoming part; each freed seat goes to the next in line. */
  async cancel(actor: Actor, workshopId: string): Promise<Registration[]> {
    return this.tx.transaction(async (trx) => {
      const { parts } = await this.upcomingParts(trx, actor, workshopId);
      const now = new Date();
      const at = now.toISOString();
      const cancelled: Registration[] = [];
      for (const session of parts) {
        const row = await this.registrations.findActive(trx, session.id, actor.id);
        if (!row || (row.status !== 'enrolled' && row.status !== 'waitlisted' && row.status !== 'offered')) continue;
        const { late } = assertCancellable(session, now);
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
        if (row.status === 'waitlisted' && row.position !== null)
          await this.registrations.closeGap(trx, session.id, row.mode, row.position);
        else
          await fillSeats(
            trx,
            { registrations: this.registrations, sessions: this.sessions, notifier: this.notifier },
            session,
            row.mode,
            now,
          );
        cancelled.push(presentRegistration({ ...row, ...changes }));
      }
      if (cancelled.length === 0) throw notFound('Registration');
      return cancelled;
    });
  }
}
