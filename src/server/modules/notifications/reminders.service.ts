import type { Transactor } from '../../platform/transaction.js';
import type { Notifier } from './notifier.js';
import type { remindersRepository } from './reminders.repository.js';

const HOUR = 3_600_000;
const BATCH = 200;
/** Under this share of seats taken 72 hours before the start, the hosts hear of it. */
const LOW_TURNOUT = 0.3;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The timed messages: reminders 48 hours (with the invitation again) and 1 hour (with the
 * video link) before the start to people still enrolled, a low-turnout warning to hosts 72 hours
 * before, and a thank-you with the materials after the session. A periodic job; each message is
 * queued once (marked in the same transaction), and a moved session gets its reminders anew.
 */
export class RemindersService {
  constructor(
    private readonly tx: Transactor,
    private readonly reminders: typeof remindersRepository,
    private readonly notifier: Notifier,
  ) {}

  async run(now = new Date()): Promise<number> {
    const t = now.getTime();
    return (
      (await this.remind('48h', iso(t + 2 * HOUR), iso(t + 48 * HOUR))) +
      (await this.remind('1h', iso(t), iso(t + HOUR))) +
      (await this.warnLowTurnout(iso(t), iso(t + 72 * HOUR))) +
      (await this.thank(iso(t - 48 * HOUR), iso(t)))
    );
  }

  private async remind(kind: '48h' | '1h', from: string, to: string): Promise<number> {
    let queued = 0;
    for (;;) {
      const batch = await this.tx.transaction(async (trx) => {
        const due = await this.reminders.due(trx, kind, from, to, BATCH);
        for (const r of due) {
          // Who registered inside the last two days just had their confirmation: no "coming up" on top.
          const fresh = kind === '48h' && Date.parse(r.created_at) > Date.parse(r.starts_at) - 47 * HOUR;
          if (!fresh) await this.notifier.reminder(trx, r, kind, r.starts_at);
          if (!fresh) queued++;
          await this.reminders.markReminded(trx, kind, r.id, r.starts_at);
        }
        return due.length;
      });
      if (batch < BATCH) return queued;
    }
  }

  private async warnLowTurnout(from: string, to: string): Promise<number> {
    let queued = 0;
    for (;;) {
      const batch = await this.tx.transaction(async (trx) => {
        const due = await this.reminders.turnoutDue(trx, from, to, BATCH);
        for (const s of due) {
          const seats = Number(s.seats) + (s.mode === 'hybrid' ? Number(s.online_seats ?? 0) : 0);
          const taken = Number(s.in_person_taken) + Number(s.online_taken);
          // A session scheduled inside the last three days had no time to fill yet.
          const late = Date.parse(s.created_at) > Date.parse(s.starts_at) - 72 * HOUR;
          if (!late && seats > 0 && taken < LOW_TURNOUT * seats) {
            const hosts = await this.reminders.hostsOf(trx, s.workshop_id);
            await this.notifier.lowTurnout(
              trx,
              s,
              hosts.map((h) => h.person_id),
              { taken, seats },
            );
            queued += hosts.length;
          }
          await this.reminders.markTurnoutChecked(trx, s.id, s.starts_at);
        }
        return due.length;
      });
      if (batch < BATCH) return queued;
    }
  }

  private async thank(from: string, to: string): Promise<number> {
    let queued = 0;
    for (;;) {
      const batch = await this.tx.transaction(async (trx) => {
        const due = await this.reminders.thanksDue(trx, from, to, BATCH);
        const at = new Date().toISOString();
        for (const r of due) {
          await this.notifier.thanks(trx, r);
          await this.reminders.markThanked(trx, r.id, at);
        }
        queued += due.length;
        return due.length;
      });
      if (batch < BATCH) return queued;
    }
  }
}
