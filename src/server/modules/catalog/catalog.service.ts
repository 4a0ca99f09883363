import type { CatalogEntry } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { invalidField } from '../../platform/errors.js';
import { nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Transactor } from '../../platform/transaction.js';
import type { registrationsRepository } from '../registrations/registrations.repository.js';
import { presentCatalogEntry } from '../sessions/catalog-entry.presenter.js';
import type { workshopsRepository } from '../workshops/workshops.repository.js';
import type { catalogRepository } from './catalog.repository.js';

export interface CatalogQuery {
  q?: string;
  tag?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** The one catalog: every signed-in person sees every published upcoming session. */
export class CatalogService {
  constructor(
    private readonly tx: Transactor,
    private readonly catalog: typeof catalogRepository,
    private readonly workshops: typeof workshopsRepository,
    private readonly registrations: typeof registrationsRepository,
  ) {}

  async sessions(actor: Actor, query: CatalogQuery): Promise<{ items: CatalogEntry[]; nextCursor: string | null }> {
    const from = query.from ? new Date(query.from).toISOString() : nowIso();
    const to = query.to ? new Date(query.to).toISOString() : undefined;
    if (to && to <= from) throw invalidField('to', '"to" must be after "from".');
    const after = decodeCursor(query.cursor, ['time', 'text']) as [string, string] | undefined;
    const db = this.tx.executor;
    const rows = await this.catalog.upcomingSessions(db, { q: query.q, tag: query.tag, from, to, after, limit: query.limit + 1 });
    const page = toPage(rows, query.limit, (r) => [r.starts_at, r.id]);
    const workshopIds = [...new Set(page.items.map((r) => r.workshop_id))];
    const sessionIds = page.items.map((r) => r.id);
    const [tags, hosts, counts, mine] = await Promise.all([
      this.workshops.tagsOf(db, workshopIds),
      this.workshops.hostsOf(db, workshopIds),
      this.registrations.countsFor(db, sessionIds),
      this.registrations.activeFor(db, actor.id, sessionIds),
    ]);
    const items = page.items.map(({ workshop_title, workshop_summary, workshop_format, ...session }) =>
      presentCatalogEntry(
        session,
        { id: session.workshop_id, title: workshop_title, summary: workshop_summary, format: workshop_format },
        tags.filter((t) => t.workshop_id === session.workshop_id).map((t) => t.tag),
        hosts.filter((h) => h.workshop_id === session.workshop_id),
        actor,
        { counts: counts.get(session.id), mine: mine.find((m) => m.session_id === session.id) ?? null },
      ),
    );
    return { items, nextCursor: page.nextCursor };
  }

  async tags(_actor: Actor, query: { q?: string; limit: number }) {
    const rows = await this.catalog.tags(this.tx.executor, query);
    return { items: rows.map((r) => ({ tag: r.tag, count: Number(r.count) })), nextCursor: null };
  }
}
