import type { z } from 'zod';
import { type createWorkshopBody, defaultDurationMinutes, type updateWorkshopBody, type Workshop } from '../../../contracts/index.js';
import { type Actor, isAdmin } from '../../platform/actor.js';
import { type AuditOrigin, recordAudit } from '../../platform/audit.js';
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { searchIndex as searchIndexRepository } from '../catalog/search-index.repository.js';
import type { peopleRepository } from '../people/people.repository.js';
import type { WorkshopPages } from './workshop-pages.js';
import { can, type WorkshopAction } from './workshops.policy.js';
import { presentWorkshop } from './workshops.presenter.js';
import type { HostRow, WorkshopPageRow, WorkshopRow, workshopsRepository } from './workshops.repository.js';

type CreateInput = z.output<typeof createWorkshopBody>;
type UpdateInput = z.output<typeof updateWorkshopBody>;

export interface WorkshopListQuery {
  q?: string;
  tag?: string;
  hostId?: string;
  status?: 'draft' | 'published';
  cursor?: string;
  limit: number;
}

function presentPage(actor: Actor, page: WorkshopPageRow): Workshop {
  return presentWorkshop(page.row, {
    ...page,
    canEdit: can(actor, 'edit', { status: page.row.status, hostIds: page.hosts.map((h) => h.id) }),
  });
}

export class WorkshopsService {
  constructor(
    private readonly tx: Transactor,
    private readonly workshops: typeof workshopsRepository,
    private readonly people: typeof peopleRepository,
    /** Keeps the full-text document in step with the workshop, in the same transaction. */
    private readonly searchIndex: Pick<typeof searchIndexRepository, 'refresh'>,
    /** The pages kept per instance (workshop-pages.ts); every change here ends in `present`, which tells it. */
    private readonly pages: WorkshopPages,
  ) {}

  /**
   * Loads a workshop and checks the actor may do `action` on it: 404 when they may not even
   * see it, 403 when they see it but may not change it. Other modules ask the AccessChecker.
   */
  private async authorize(db: Executor, actor: Actor, workshopId: string, action: WorkshopAction) {
    const row = await this.workshops.findById(db, workshopId);
    if (!row) throw notFound('Workshop');
    const hosts = await this.workshops.hostsOf(db, [row.id]);
    const access = { status: row.status, hostIds: hosts.map((h) => h.id) };
    if (!can(actor, 'view', access)) throw notFound('Workshop');
    if (action === 'edit' && !can(actor, 'edit', access)) {
      throw forbidden('Only the hosts of this workshop (and admins) can change it.');
    }
    return { row, hosts };
  }

  /**
   * An admin changing a workshop they do not host is in the audit log (hosts changing their own
   * workshops are not: that is their everyday work). Written in the change's transaction.
   */
  private async auditAdminChange(
    trx: Executor,
    actor: Actor,
    workshop: { row: WorkshopRow; hosts: HostRow[] },
    change: { action: string; summary: string; details?: Record<string, unknown> },
    origin: AuditOrigin | undefined,
  ) {
    if (!isAdmin(actor) || workshop.hosts.some((h) => h.id === actor.id)) return;
    await recordAudit(trx, {
      actor,
      action: change.action,
      target: { type: 'workshop', id: workshop.row.id },
      summary: `${change.summary} "${workshop.row.title}", hosted by ${workshop.hosts.map((h) => h.name).join(', ') || 'nobody'}`,
      details: { ...change.details, hostIds: workshop.hosts.map((h) => h.id) },
      origin,
    });
  }

  /**
   * The workshop page: one statement (workshopsRepository.page), or none where this instance keeps
   * it (workshop-pages.ts), then the same view rule as authorize.
   */
  async get(actor: Actor, id: string): Promise<Workshop> {
    const page = await this.pages.get(this.tx.executor, id);
    if (!page || !can(actor, 'view', { status: page.row.status, hostIds: page.hosts.map((h) => h.id) })) throw notFound('Workshop');
    return presentPage(actor, page);
  }

  async list(actor: Actor, query: WorkshopListQuery) {
    const after = decodeCursor(query.cursor, ['time', 'text']) as [string, string] | undefined;
    const db = this.tx.executor;
    const rows = await this.workshops.list(db, {
      q: query.q,
      tag: query.tag,
      hostId: query.hostId,
      status: query.status,
      draftsVisibleTo: isAdmin(actor) ? undefined : actor.id,
      after,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.created_at, r.id]);
    return { items: await this.presentMany(db, actor, page.items), nextCursor: page.nextCursor };
  }

  async create(actor: Actor, input: CreateInput): Promise<Workshop> {
    const id = newId();
    const now = nowIso();
    await this.tx.transaction(async (trx) => {
      await this.workshops.insert(trx, {
        id,
        title: input.title,
        summary: input.summary,
        description: input.description,
        audience: input.audience ?? null,
        objectives: JSON.stringify(input.objectives),
        prerequisites: input.prerequisites ?? null,
        format: input.format,
        duration_minutes: input.durationMinutes ?? defaultDurationMinutes[input.format],
        materials: JSON.stringify(input.materials),
        status: 'draft',
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        published_at: null,
        is_series: input.isSeries ? 1 : 0,
        language: input.language,
      });
      await this.workshops.addHost(trx, { workshop_id: id, person_id: actor.id, role: 'owner', added_at: now });
      await this.workshops.replaceTags(trx, id, input.tags);
      await this.searchIndex.refresh(trx, [id]);
    });
    return this.present(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateInput, origin?: AuditOrigin): Promise<Workshop> {
    await this.tx.transaction(async (trx) => {
      const workshop = await this.authorize(trx, actor, id, 'edit');
      const { tags, objectives, materials, durationMinutes, isSeries, ...plain } = input;
      await this.workshops.update(trx, id, {
        ...plain,
        ...(objectives !== undefined ? { objectives: JSON.stringify(objectives) } : {}),
        ...(materials !== undefined ? { materials: JSON.stringify(materials) } : {}),
        ...(durationMinutes !== undefined ? { duration_minutes: durationMinutes } : {}),
        ...(isSeries !== undefined ? { is_series: isSeries ? 1 : 0 } : {}),
        updated_at: nowIso(),
      });
      if (tags !== undefined) await this.workshops.replaceTags(trx, id, tags);
      await this.searchIndex.refresh(trx, [id]);
      const fields = Object.keys(input).filter((k) => input[k as keyof UpdateInput] !== undefined);
      await this.auditAdminChange(
        trx,
        actor,
        workshop,
        { action: 'workshop.admin_edited', summary: 'Edited', details: { fields } },
        origin,
      );
    });
    return this.present(actor, id);
  }

  /** Draft → published, no approval step. Publishing twice is harmless. */
  async publish(actor: Actor, id: string, origin?: AuditOrigin): Promise<Workshop> {
    await this.tx.transaction(async (trx) => {
      const workshop = await this.authorize(trx, actor, id, 'edit');
      if (workshop.row.status === 'published') return;
      const now = nowIso();
      await this.workshops.update(trx, id, { status: 'published', published_at: now, updated_at: now });
      await this.auditAdminChange(trx, actor, workshop, { action: 'workshop.admin_published', summary: 'Published' }, origin);
    });
    return this.present(actor, id);
  }

  async addHost(actor: Actor, id: string, personId: string, origin?: AuditOrigin): Promise<Workshop> {
    await this.tx.transaction(async (trx) => {
      const workshop = await this.authorize(trx, actor, id, 'edit');
      const person = await this.people.findById(trx, personId);
      if (!person)
        throw new AppError('validation_failed', 'That person is not in the directory.', [
          { field: 'personId', message: 'Unknown person.' },
        ]);
      await this.workshops.addHost(trx, { workshop_id: id, person_id: personId, role: 'cohost', added_at: nowIso() });
      await this.searchIndex.refresh(trx, [id]);
      const change = { action: 'workshop.admin_host_added', summary: `Made ${person.name} a co-host of`, details: { personId } };
      await this.auditAdminChange(trx, actor, workshop, change, origin);
    });
    return this.present(actor, id);
  }

  async removeHost(actor: Actor, id: string, personId: string, origin?: AuditOrigin): Promise<Workshop> {
    await this.tx.transaction(async (trx) => {
      const workshop = await this.authorize(trx, actor, id, 'edit');
      const { hosts } = workshop;
      const removed = hosts.find((h) => h.id === personId);
      if (!removed) throw notFound('Host');
      if (hosts.length === 1) throw invalidState('A workshop needs at least one host; add another host first.');
      await this.workshops.removeHost(trx, id, personId);
      await this.searchIndex.refresh(trx, [id]);
      const change = { action: 'workshop.admin_host_removed', summary: `Removed ${removed.name} as a host of`, details: { personId } };
      await this.auditAdminChange(trx, actor, workshop, change, origin);
    });
    return this.present(actor, id);
  }

  /** The page after a change of this service's, committed: this instance forgets what it kept first. */
  private async present(actor: Actor, id: string): Promise<Workshop> {
    this.pages.changed([id]);
    const page = await this.pages.get(this.tx.executor, id);
    if (!page) throw notFound('Workshop');
    return presentPage(actor, page);
  }

  /** `knownHosts`: the hosts of `rows` when the caller has just read them. */
  private async presentMany(db: Executor, actor: Actor, rows: WorkshopRow[], knownHosts?: HostRow[]): Promise<Workshop[]> {
    const ids = rows.map((r) => r.id);
    const [hosts, tags, counts, checklists, channels] = await Promise.all([
      knownHosts ?? this.workshops.hostsOf(db, ids),
      this.workshops.tagsOf(db, ids),
      this.workshops.upcomingSessionCounts(db, ids, nowIso()),
      this.workshops.checklistSummaries(db, ids),
      this.workshops.channelsOf(db, ids),
    ]);
    return rows.map((row) => {
      const own = hosts.filter((h) => h.workshop_id === row.id);
      return presentWorkshop(row, {
        hosts: own,
        tags: tags.filter((t) => t.workshop_id === row.id).map((t) => t.tag),
        canEdit: can(actor, 'edit', { status: row.status, hostIds: own.map((h) => h.id) }),
        upcomingSessionCount: Number(counts.find((c) => c.workshop_id === row.id)?.n ?? 0),
        checklist: checklists.find((c) => c.workshop_id === row.id),
        channels: channels.filter((c) => c.workshop_id === row.id).map((c) => ({ slug: c.slug, name: c.name })),
      });
    });
  }
}
