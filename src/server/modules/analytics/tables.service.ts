import type { z } from 'zod';
import type {
  analyticsChannelRow,
  analyticsHostRow,
  analyticsTeamRow,
  analyticsWorkshopRow,
  analyticsWorkshopsTableQuery,
} from '../../../contracts/analytics.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type CsvFile, csvFilename, toCsv } from '../../platform/csv.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { tablesRepository } from './tables.repository.js';
import { type AnalyticsScope, boundsOf, withOrganisation } from './tables.scope.js';

export type WorkshopRow = z.infer<typeof analyticsWorkshopRow>;
export type TeamRow = z.infer<typeof analyticsTeamRow>;
export type HostRow = z.infer<typeof analyticsHostRow>;
export type ChannelRow = z.infer<typeof analyticsChannelRow>;
export type WorkshopsQuery = z.output<typeof analyticsWorkshopsTableQuery>;

/** How many workshops the "top workshops" table lists. */
export const TOP_WORKSHOPS = 50;

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const roundOrNull = (value: number | null, places = 2) => (value === null ? null : round(value, places));
const byText = (a: string, b: string) => a.localeCompare(b);

/**
 * The tables under the dashboard's charts, and each as a CSV file. Counted as the overview counts
 * (see tables.scope.ts and /work/notes/analytics-guide.md): held sessions, seats = enrolled,
 * attended or no-show, learners = distinct people who attended. Admins and the people they shared
 * the dashboard with; only admins see hosts' names.
 */
export class AnalyticsTablesService {
  constructor(
    private readonly tx: Transactor,
    private readonly tables: typeof tablesRepository,
    private readonly access: AccessChecker,
    /** Where the figures are read: the database, or SQLite's reader threads (platform/sqlite-readers.ts). */
    private readonly reader: Executor = tx.executor,
  ) {}

  /** Top workshops by demand (people still waitlisted after the session + "notify me" wishes) or by mean rating. */
  async workshops(actor: Actor, query: WorkshopsQuery, now = new Date()): Promise<{ items: WorkshopRow[] }> {
    await this.access.dashboard(this.tx.executor, actor);
    const db = this.reader;
    const figures = await this.tables.workshopFigures(db, await withOrganisation(db, query), boundsOf(query, now));
    const ranked =
      query.sort === 'rating'
        ? // Only workshops someone rated can be top by rating.
          figures
            .filter((w) => w.averageRating !== null)
            .sort((a, b) => (b.averageRating ?? 0) - (a.averageRating ?? 0) || b.responses - a.responses)
        : figures
            .filter((w) => w.sessions + w.waitlisted + w.wishes > 0)
            .sort((a, b) => b.waitlisted + b.wishes - (a.waitlisted + a.wishes) || b.seatsFilled - a.seatsFilled);
    const top = ranked.slice(0, TOP_WORKSHOPS);
    const titles = new Map(
      (
        await this.tables.workshopTitles(
          db,
          top.map((w) => w.workshopId),
        )
      ).map((w) => [w.id, w]),
    );
    return {
      items: top.map((w) => ({
        workshopId: w.workshopId,
        title: titles.get(w.workshopId)?.title ?? '',
        format: titles.get(w.workshopId)?.format ?? '',
        sessions: w.sessions,
        seatsFilled: w.seatsFilled,
        waitlisted: w.waitlisted,
        wishes: w.wishes,
        responses: w.responses,
        averageRating: roundOrNull(w.averageRating),
      })),
    };
  }

  /** Every team, largest reach first; the teams' learners add up to the organisation's unique learners. */
  async teams(actor: Actor, scope: AnalyticsScope, now = new Date()): Promise<{ items: TeamRow[] }> {
    await this.access.dashboard(this.tx.executor, actor);
    const db = this.reader;
    const teams = await this.tables.teamFigures(db, await withOrganisation(db, scope), boundsOf(scope, now));
    const items = teams.map((t) => ({
      ...t,
      reach: t.headcount === 0 ? null : round(t.learners / t.headcount, 4),
      learningHours: round(t.learningHours),
    }));
    items.sort((a, b) => (b.reach ?? -1) - (a.reach ?? -1) || b.learners - a.learners || byText(a.team, b.team));
    return { items };
  }

  /** Hosts by sessions held, then rating; a shared (read-only) view gets no names. */
  async hosts(actor: Actor, scope: AnalyticsScope, now = new Date()): Promise<{ items: HostRow[] }> {
    const { names } = await this.access.dashboard(this.tx.executor, actor);
    const db = this.reader;
    const hosts = await this.tables.hostFigures(db, await withOrganisation(db, scope), boundsOf(scope, now));
    hosts.sort(
      (a, b) => b.sessions - a.sessions || (b.averageRating ?? 0) - (a.averageRating ?? 0) || b.learners - a.learners || byText(a.id, b.id),
    );
    return {
      items: hosts.map((h) => ({
        host: names ? { id: h.id, name: h.name, title: h.title } : null,
        team: h.team,
        sessions: h.sessions,
        learners: h.learners,
        averageRating: roundOrNull(h.averageRating),
      })),
    };
  }

  /**
   * Demand against supply per channel. Requests are not filed under a channel: an open request
   * made in the period counts for a channel when its title or description contains the channel's
   * name, case-insensitively (so one request may count for several channels, or for none).
   */
  async channels(actor: Actor, scope: AnalyticsScope, now = new Date()): Promise<{ items: ChannelRow[] }> {
    await this.access.dashboard(this.tx.executor, actor);
    const db = this.reader;
    const bounds = boundsOf(scope, now);
    const resolved = await withOrganisation(db, scope);
    const [channels, requests] = await Promise.all([
      this.tables.channelFigures(db, resolved, bounds),
      this.tables.openRequests(db, resolved, bounds),
    ]);
    const words = requests.map((r) => `${r.title}\n${r.description}`.toLocaleLowerCase());
    return {
      items: channels.map((c) => {
        const name = c.name.toLocaleLowerCase();
        return { ...c, requests: words.filter((text) => text.includes(name)).length };
      }),
    };
  }

  async workshopsCsv(actor: Actor, query: WorkshopsQuery, now = new Date()): Promise<CsvFile> {
    const { items } = await this.workshops(actor, query, now);
    return {
      filename: csvFilename('workshops-by', query.sort, query.from, query.to),
      body: toCsv(
        ['Workshop', 'Format', 'Sessions held', 'Seats filled', 'Waited without a seat', 'Wishes', 'Demand', 'Responses', 'Average rating'],
        items.map((w) => [
          w.title,
          w.format,
          w.sessions,
          w.seatsFilled,
          w.waitlisted,
          w.wishes,
          w.waitlisted + w.wishes,
          w.responses,
          w.averageRating,
        ]),
      ),
    };
  }

  async teamsCsv(actor: Actor, scope: AnalyticsScope, now = new Date()): Promise<CsvFile> {
    const { items } = await this.teams(actor, scope, now);
    return {
      filename: csvFilename('teams', scope.from, scope.to),
      body: toCsv(
        ['Team', 'Headcount', 'Learners', 'Reach', 'Seats filled', 'Attended', 'Learning hours'],
        items.map((t) => [t.team, t.headcount, t.learners, t.reach, t.seatsFilled, t.attended, t.learningHours]),
      ),
    };
  }

  async hostsCsv(actor: Actor, scope: AnalyticsScope, now = new Date()): Promise<CsvFile> {
    const { items } = await this.hosts(actor, scope, now);
    return {
      filename: csvFilename('hosts', scope.from, scope.to),
      body: toCsv(
        ['Host', 'Team', 'Sessions held', 'Learners', 'Average rating'],
        items.map((h) => [h.host?.name ?? null, h.team, h.sessions, h.learners, h.averageRating]),
      ),
    };
  }

  async channelsCsv(actor: Actor, scope: AnalyticsScope, now = new Date()): Promise<CsvFile> {
    const { items } = await this.channels(actor, scope, now);
    return {
      filename: csvFilename('channels', scope.from, scope.to),
      body: toCsv(
        ['Channel', 'Slug', 'Sessions offered', 'Seats filled', 'Waited without a seat', 'Wishes', 'Open requests'],
        items.map((c) => [c.name, c.slug, c.sessionsOffered, c.seatsFilled, c.waitlisted, c.wishes, c.requests]),
      ),
    };
  }
}
