import { DateTime } from 'luxon';
import type { WeeklySummaryMail } from '../../../contracts/index.js';
import type { orgSettingsRepository } from '../../platform/org-settings.repository.js';
import type { Transactor } from '../../platform/transaction.js';
import { boundsOf } from './tables.scope.js';
import type { WeeklySummaryNotices } from './weekly.ports.js';
import type { WeekFigures, weeklyRepository } from './weekly.repository.js';

/** Who got this week's summary already: the outbox forgets delivered messages (and their dedup keys) after a while. */
const SENT = 'analytics.weeklySummary.sent';
interface Sent {
  week: string;
  personIds: string[];
}

const round = (value: number | null, places: number) => (value === null ? null : Math.round(value * 10 ** places) / 10 ** places);

/**
 * The weekly learning summary for admins who opted in: the last whole ISO week (Monday to Sunday,
 * UTC days) against the week before, counted as the dashboard counts. Runs every hour and sends
 * once per ISO week per admin: the week is in the message's dedup key (two instances at once make
 * one message), and the admins it went to are remembered for the week in the org settings (so a
 * purged outbox does not send it again). An admin who opts in mid-week gets that week's on the next run.
 */
export class WeeklySummaryService {
  constructor(
    private readonly tx: Transactor,
    private readonly weekly: typeof weeklyRepository,
    private readonly settings: typeof orgSettingsRepository,
    private readonly notices: WeeklySummaryNotices,
  ) {}

  async run(now = new Date()): Promise<number> {
    const thisWeek = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('week');
    const week = thisWeek.toFormat("kkkk-'W'WW");
    const db = this.tx.executor;
    const recipients = await this.weekly.optedInAdmins(db);
    const sent = await this.settings.get<Sent>(db, SENT);
    const already = new Set(sent?.week === week ? sent.personIds : []);
    const due = recipients.filter((id) => !already.has(id));
    if (due.length === 0) return 0;

    const day = (d: DateTime) => d.toISODate() as string;
    const last = { from: day(thisWeek.minus({ days: 7 })), to: day(thisWeek.minus({ days: 1 })) };
    const before = { from: day(thisWeek.minus({ days: 14 })), to: day(thisWeek.minus({ days: 8 })) };
    const [current, previous] = await Promise.all([
      this.weekly.figures(db, boundsOf(last, now)),
      this.weekly.figures(db, boundsOf(before, now)),
    ]);
    const summary: WeeklySummaryMail = { week, period: last, figures: compare(current, previous) };
    await this.tx.transaction(async (trx) => {
      for (const personId of due) await this.notices.weeklySummary(trx, personId, summary);
      await this.settings.set(trx, SENT, { week, personIds: [...already, ...due] } satisfies Sent, null, now.toISOString());
    });
    return due.length;
  }
}

function compare(current: WeekFigures, previous: WeekFigures): WeeklySummaryMail['figures'] {
  const pair = (key: keyof WeekFigures, places = 2) => ({ value: round(current[key], places), previous: round(previous[key], places) });
  return {
    sessionsHeld: pair('sessionsHeld'),
    learners: pair('learners'),
    learningHours: pair('learningHours'),
    averageRating: pair('averageRating'),
    unmetDemand: pair('unmetDemand'),
  };
}
