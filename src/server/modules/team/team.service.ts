import { type ManagerSuggestion, TEAM_RECENT_DAYS, type TeamLearning } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import type { TeamNotices } from './ports.js';
import { isManager, outcomeOf } from './team.policy.js';
import type { SuggestionRow, TeamRegistrationRow, teamRepository } from './team.repository.js';

const DAY = 86_400_000;

const NOT_A_MANAGER =
  "This view is for managers: nobody in the directory reports to you. If that is wrong, your manager line is set in the company's directory.";

function presentSuggestion(row: SuggestionRow): ManagerSuggestion {
  return {
    id: row.id,
    manager: { id: row.manager_id, name: row.manager_name, title: row.manager_title },
    person: { id: row.person_id, name: row.person_name, title: row.person_title },
    workshop: { id: row.workshop_id, title: row.workshop_title },
    note: row.note,
    createdAt: row.created_at,
  };
}

const sessionOf = (row: TeamRegistrationRow) => ({
  registrationId: row.id,
  sessionId: row.session_id,
  workshop: { id: row.workshop_id, title: row.workshop_title },
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  timeZone: row.time_zone,
});

function groupBy<T extends { person_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(row.person_id, [...(out.get(row.person_id) ?? []), row]);
  return out;
}

/**
 * A manager's view of their direct reports' learning (registrations and attendance, never
 * feedback), and workshops they suggest to them. A suggestion registers nobody: the report hears
 * of it and decides alone.
 */
export class TeamService {
  constructor(
    private readonly tx: Transactor,
    private readonly team: typeof teamRepository,
    private readonly access: AccessChecker,
    private readonly notices: TeamNotices,
  ) {}

  async learning(actor: Actor, now = new Date()): Promise<TeamLearning> {
    const db = this.tx.executor;
    const reports = await this.team.reports(db, actor.id);
    if (!isManager(reports.length)) throw forbidden(NOT_A_MANAGER);
    const ids = reports.map((r) => r.id);
    const at = now.toISOString();
    const since = new Date(now.getTime() - TEAM_RECENT_DAYS * DAY).toISOString();
    const [upcoming, recent, suggested] = await Promise.all([
      this.team.upcoming(db, ids, at),
      this.team.recent(db, ids, since, at),
      this.team.suggestionsBy(db, actor.id, ids),
    ]);
    const upcomingOf = groupBy(upcoming);
    const recentOf = groupBy(recent);
    const suggestedTo = groupBy(suggested);
    return {
      scope: 'direct_reports',
      recentDays: TEAM_RECENT_DAYS,
      items: reports.map((person) => ({
        person,
        upcoming: (upcomingOf.get(person.id) ?? []).map((row) => ({
          ...sessionOf(row),
          status: row.status as 'enrolled' | 'waitlisted' | 'offered',
        })),
        recent: (recentOf.get(person.id) ?? []).flatMap((row) => {
          const outcome = outcomeOf(row);
          return outcome ? [{ ...sessionOf(row), outcome }] : [];
        }),
        suggestions: (suggestedTo.get(person.id) ?? []).map(presentSuggestion),
      })),
    };
  }

  /**
   * Suggests a workshop to one of the actor's reports: refused for anyone else (403), for a
   * workshop the actor cannot see (404) or that is not published (the report could not see it),
   * and the second time for the same report and workshop (409). The report is told by the channel
   * they chose for suggestions.
   */
  async suggest(actor: Actor, input: { personId: string; workshopId: string; note?: string }): Promise<ManagerSuggestion> {
    const report = await this.team.report(this.tx.executor, actor.id, input.personId);
    if (!report) throw forbidden('You can suggest workshops only to people who report to you.');
    const workshop = await this.access.workshop(this.tx.executor, actor, 'workshop.view', input.workshopId);
    if (workshop.status !== 'published') throw invalidState('Publish the workshop first: your report could not see a draft.');
    const id = newId();
    await this.tx.transaction(async (trx) => {
      const title = await this.team.workshopTitle(trx, input.workshopId);
      if (title === undefined) throw notFound('Workshop');
      const note = input.note ? input.note : null;
      const inserted = await this.team.insertSuggestion(trx, {
        id,
        manager_id: actor.id,
        person_id: report.id,
        workshop_id: input.workshopId,
        note,
        created_at: nowIso(),
      });
      if (!inserted) throw new AppError('conflict', `You already suggested "${title}" to ${report.name}.`);
      await this.notices.managerSuggested(
        trx,
        { id, workshopId: input.workshopId, workshopTitle: title, managerName: actor.name, note },
        report.id,
      );
    });
    const row = await this.team.findSuggestion(this.tx.executor, id);
    if (!row) throw notFound('Suggestion');
    return presentSuggestion(row);
  }

  /** Workshops suggested to the actor by their managers, newest first. */
  async received(actor: Actor): Promise<{ items: ManagerSuggestion[] }> {
    return { items: (await this.team.suggestionsTo(this.tx.executor, actor.id)).map(presentSuggestion) };
  }
}
