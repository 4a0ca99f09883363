import type { Transactor } from '../../platform/transaction.js';
import type { checklistsRepository } from '../checklists/checklists.repository.js';
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
 * before, a thank-you with the materials after the session, checklist items coming due for hosts
 * who opted in, and each host's daily digest of roster changes. A periodic job; each message is
 * queued once (marked in the same transaction), and a moved session gets its reminders anew.
 */
export class RemindersService {
  private digestedDay: string | undefined;

  constructor(
    private readonly tx: Transactor,
    private readonly reminders: typeof remindersRepository,
    /** Checklist items coming due are the checklists module's: read (and cleared) through its repository. */
    private readonly checklists: Pick<typeof checklistsRepository, 'dueReminders' | 'clearReminder'>,
    private readonly notifier: Notifier,
  ) {}

  async run(now = new Date()): Promise<number> {
    const t = now.getTime();
    return (
      (await this.remind('48h', iso(t + 2 * HOUR), iso(t + 48 * HOUR))) +
      (await this.remind('1h', iso(t), iso(t + HOUR))) +
      (await this.warnLowTurnout(iso(t), iso(t + 72 * HOUR))) +
      (await this.thank(iso(t - 48 * HOUR), iso(t))) +
      (await this.remindChecklists(iso(t))) +
      (await this.digest(now))
    );
  }

  /** Items due together for one workshop go out as one message to each of its hosts. */
  private async remindChecklists(now: string): Promise<number> {
    let queued = 0;
    for (;;) {
      const batch = await this.tx.transaction(async (trx) => {
        const due = await this.checklists.dueReminders(trx, now, BATCH);
        const byRun = new Map<string, typeof due>();
        for (const d of due) byRun.set(d.run_id, [...(byRun.get(d.run_id) ?? []), d]);
        for (const [runId, items] of byRun) {
          const workshopId = (items[0] as (typeof due)[number]).workshop_id;
          const sessionId = await this.reminders.nextSessionOf(trx, workshopId, now);
          if (sessionId) {
            const checklist = { workshopId, items: items.map((i) => i.text) };
            const key = `${runId}:${items.map((i) => i.item_key).join(',')}:${now}`;
            for (const host of await this.reminders.hostsOf(trx, workshopId)) {
              await this.notifier.checklistReminder(trx, host.person_id, sessionId, checklist, key);
              queued++;
            }
          }
          for (const i of items) await this.checklists.clearReminder(trx, runId, i.item_key);
        }
        return due.length;
      });
      if (batch < BATCH) return queued;
    }
  }

  /** Yesterday's (UTC) roster changes, once a day per host; nothing when nothing changed. */
  private async digest(now: Date): Promise<number> {
    const today = now.toISOString().slice(0, 10);
    // Once a day per instance (it reads the whole day's registrations); the outbox keeps one per host.
    if (this.digestedDay === today) return 0;
    this.digestedDay = today;
    const to = `${today}T00:00:00.000Z`;
    const from = iso(Date.parse(to) - 24 * HOUR);
    return this.tx.transaction(async (trx) => {
      const changes = await this.reminders.rosterChanges(trx, from, to, now.toISOString());
      const byHost = new Map<string, typeof changes>();
      for (const c of changes) byHost.set(c.host_id, [...(byHost.get(c.host_id) ?? []), c]);
      for (const [hostId, sessions] of byHost) {
        const digest = sessions.map((s) => ({ title: s.title, startsAt: s.starts_at, joined: Number(s.joined), left: Number(s.left) }));
        await this.notifier.hostDigest(trx, hostId, (sessions[0] as (typeof changes)[number]).session_id, from.slice(0, 10), digest);
      }
      return byHost.size;
    });
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
