import type { Registration, SeatPool } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, invalidState, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { sessionsRepository } from '../sessions/sessions.repository.js';
import type { RegistrationNotices } from './ports.js';
import { assertOpen, newRegistration, poolFor } from './registration-rules.js';
import { presentRegistration } from './registrations.presenter.js';
import type { registrationsRepository } from './registrations.repository.js';
import { cancelRegistration, type Ledger, openingFor } from './seat-ledger.js';

/**
 * "Register for all parts" of a workshop marked as a series: a seat in every upcoming session,
 * or a place on every waitlist as one unit (see seat-ledger: the unit moves up only when all its
 * parts can), never a mix.
 */
export class SeriesService {
  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly registrations: typeof registrationsRepository,
    private readonly sessions: typeof sessionsRepository,
    private readonly notices: RegistrationNotices,
  ) {}

  private get ledger(): Ledger {
    return { registrations: this.registrations, sessions: this.sessions, notifier: this.notices };
  }

  private async upcomingParts(trx: Executor, actor: Actor, workshopId: string) {
    await this.access.workshop(trx, actor, 'workshop.view', workshopId);
    const workshop = await this.registrations.seriesWorkshop(trx, workshopId);
    if (!workshop) throw notFound('Workshop');
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
        plan.push({ session, pool, ...(await openingFor(trx, this.registrations, session, pool)) });
      }
      const allFree = plan.every((p) => p.seat);
      const seriesKey = newId();
      const at = now.toISOString();
      const rows = plan.map((p) =>
        newRegistration({
          sessionId: p.session.id,
          personId: actor.id,
          mode: p.pool,
          status: allFree ? 'enrolled' : 'waitlisted',
          position: allFree ? null : p.position,
          seriesKey,
          at,
        }),
      );
      for (const row of rows) {
        await this.registrations.insert(trx, row);
        await this.notices.registration(trx, row, allFree ? 'registration.enrolled' : 'registration.waitlisted');
      }
      return rows.map(presentRegistration);
    });
  }

  /** Leaves every upcoming part; each freed seat goes to the next in line. */
  async cancel(actor: Actor, workshopId: string): Promise<Registration[]> {
    return this.tx.transaction(async (trx) => {
      const { parts } = await this.upcomingParts(trx, actor, workshopId);
      const now = new Date();
      const cancelled: Registration[] = [];
      for (const session of parts) {
        const row = await this.registrations.findActive(trx, session.id, actor.id);
        if (!row || (row.status !== 'enrolled' && row.status !== 'waitlisted' && row.status !== 'offered')) continue;
        cancelled.push(presentRegistration(await cancelRegistration(trx, this.ledger, session, row, now)));
      }
      if (cancelled.length === 0) throw notFound('Registration');
      return cancelled;
    });
  }
}
