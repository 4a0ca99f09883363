import type { ChangeSignals } from '../../platform/change-signals.js';
import { nowIso } from '../../platform/ids.js';
import { SignalledCache } from '../../platform/signalled-cache.js';
import type { Executor } from '../../platform/transaction.js';
import type { WorkshopPageRow, workshopsRepository } from './workshops.repository.js';

/**
 * Pages kept at most: every workshop of a large organisation (5,000 at the bench's org scale), at a
 * few kilobytes each; beyond it the oldest kept goes.
 */
const MOST_PAGES = 5_000;

/** The change-signal topic the page triggers send on (migration 20261204T1200), naming workshop ids. */
export const WORKSHOP_PAGE_TOPIC = 'workshop-page';

/** What a service that changed something a workshop page shows tells this instance, after its commit. */
export interface WorkshopPageChanges {
  changed(workshopIds: readonly string[]): void;
}

/**
 * The workshop page (workshopsRepository.page: the same for everyone; who may see it and edit it
 * is decided per request from it), kept per instance on PostgreSQL so the page most people open
 * costs no database round trip. Kept until a trigger's signal names the workshop (any instance,
 * the command line, plain SQL: migration 20261204T1200), until its soonest upcoming session starts
 * (its count of upcoming sessions changes then), and for WORKSHOP_PAGE_CACHE_MS at most. While the
 * listening connection is down nothing is kept (signalled-cache.ts).
 *
 * A signal reaches the instance that made the change a moment after its commit, so a service tells
 * this instance itself (`changed`) once its transaction committed: a host who edits and reloads
 * never sees the old page. On SQLite (another process may write unheard) every page is read.
 */
export class WorkshopPages implements WorkshopPageChanges {
  private readonly cache: SignalledCache<WorkshopPageRow> | undefined;

  constructor(
    private readonly repository: Pick<typeof workshopsRepository, 'page'>,
    keep?: { ttlMs: number; signals: ChangeSignals },
  ) {
    if (keep && keep.ttlMs > 0) {
      this.cache = new SignalledCache<WorkshopPageRow>(keep.ttlMs, () => keep.signals.status().listening, Date.now, MOST_PAGES);
      this.cache.listenTo(keep.signals, WORKSHOP_PAGE_TOPIC);
    }
  }

  /** The page as the database has it now (or as this instance kept it, where signals keep it current). */
  async get(db: Executor, id: string): Promise<WorkshopPageRow | undefined> {
    const kept = this.cache?.get(id);
    if (kept) return kept;
    const ticket = this.cache?.ticket() ?? 0;
    const page = await this.repository.page(db, id, nowIso());
    if (page) this.cache?.store(id, id, page, ticket, page.nextUpcomingStart ? Date.parse(page.nextUpcomingStart) : undefined);
    return page;
  }

  changed(workshopIds: readonly string[]): void {
    for (const id of workshopIds) this.cache?.forgetGroup(id);
  }
}
