import type { z } from 'zod';
import type { Channel, ChannelPage, createChannelBody, updateChannelBody } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type AuditOrigin, recordAudit } from '../../platform/audit.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { assertPublicDestination, type Outbound } from '../../platform/outbound/index.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { searchIndex as searchIndexRepository } from '../catalog/search-index.repository.js';
import type { peopleRepository } from '../people/people.repository.js';
import { can, maySetSlackWebhook } from './channels.policy.js';
import type { ChannelRow, channelsRepository } from './channels.repository.js';
import type { UpcomingSessions } from './ports.js';

type CreateInput = z.output<typeof createChannelBody>;
type UpdateInput = z.output<typeof updateChannelBody>;

/** What a change did to a channel's Slack connection, for the audit log; undefined when nothing. */
function slackChange(before: string | null, after: string | null | undefined): 'connected' | 'disconnected' | 'changed' | undefined {
  if (after === undefined || after === before) return undefined;
  if (after === null) return 'disconnected';
  return before === null ? 'connected' : 'changed';
}

/** Channels are topic hubs: admins create them, owners keep them, everyone follows. */
export class ChannelsService {
  constructor(
    private readonly tx: Transactor,
    private readonly channels: typeof channelsRepository,
    private readonly people: typeof peopleRepository,
    private readonly access: AccessChecker,
    private readonly search: UpcomingSessions,
    private readonly searchIndex: Pick<typeof searchIndexRepository, 'refresh'>,
    private readonly destinations: Pick<Outbound, 'refusedUrl'>,
    /** The workshop pages this instance keeps (they show their channels): told after each commit. */
    private readonly pages: { changed(workshopIds: readonly string[]): void } = { changed: () => undefined },
  ) {}

  private async channelOf(db: Executor, slug: string): Promise<ChannelRow> {
    const row = await this.channels.findBySlug(db, slug);
    if (!row) throw notFound('Channel');
    return row;
  }

  private async present(db: Executor, actor: Actor, rows: ChannelRow[]): Promise<Channel[]> {
    const ids = rows.map((r) => r.id);
    const [owners, stats, followed] = await Promise.all([
      this.channels.owners(db, ids),
      this.channels.stats(db, ids, nowIso()),
      this.channels.following(db, actor.id, 'channel'),
    ]);
    return rows.map((row) => {
      const own = owners.filter((o) => o.channel_id === row.id).map((o) => ({ id: o.id, name: o.name, title: o.title }));
      const s = stats.get(row.id);
      return {
        id: row.id,
        slug: row.slug,
        name: row.name,
        description: row.description,
        owners: own,
        followerCount: s?.followers ?? 0,
        upcomingCount: s?.upcoming ?? 0,
        workshopCount: s?.workshops ?? 0,
        following: followed.includes(row.id),
        canEdit: can(actor, 'edit', { ownerIds: own.map((o) => o.id) }),
        slackConnected: row.slack_webhook_url !== null,
      };
    });
  }

  async list(actor: Actor, query: { q?: string; following?: boolean; cursor?: string; limit: number }) {
    const db = this.tx.executor;
    const rows = await this.channels.list(db, {
      q: query.q,
      followedBy: query.following ? actor.id : undefined,
      after: decodeCursor(query.cursor, ['text', 'text']) as [string, string] | undefined,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
    return { items: await this.present(db, actor, page.items), nextCursor: page.nextCursor };
  }

  /** The channel page: upcoming sessions of its workshops, and past workshops worth another run. */
  async page(actor: Actor, slug: string): Promise<ChannelPage> {
    const db = this.tx.executor;
    const row = await this.channelOf(db, slug);
    const [[channel], upcoming, past] = await Promise.all([
      this.present(db, actor, [row]),
      this.search.upcoming({ channel: [slug] }, 30),
      this.channels.pastWorkshops(db, row.id, nowIso(), 20),
    ]);
    return {
      channel: channel as Channel,
      upcoming,
      past: past.map((p) => ({
        id: p.id,
        title: p.title,
        summary: p.summary,
        lastSessionAt: p.last_session_at ? String(p.last_session_at) : null,
      })),
    };
  }

  private async checkOwners(db: Executor, ids: string[]) {
    for (const [i, id] of ids.entries()) {
      if (!(await this.people.findById(db, id))) throw invalidField(`ownerIds.${i}`, 'Nobody with that id is in the directory.');
    }
  }

  async create(actor: Actor, input: CreateInput): Promise<Channel> {
    if (!can(actor, 'create')) throw forbidden('Only the education team (admins) creates channels.');
    await this.tx.transaction(async (trx) => {
      if (await this.channels.findBySlug(trx, input.slug))
        throw new AppError('conflict', `A channel called "${input.slug}" exists already.`);
      await this.checkOwners(trx, input.ownerIds);
      const id = newId();
      const now = nowIso();
      await this.channels.insert(trx, {
        id,
        slug: input.slug,
        name: input.name,
        description: input.description,
        created_at: now,
        updated_at: now,
      });
      await this.channels.replaceOwners(trx, id, input.ownerIds);
    });
    return (await this.page(actor, input.slug)).channel;
  }

  async update(actor: Actor, slug: string, input: UpdateInput, origin?: AuditOrigin): Promise<Channel> {
    let renamedIn: string[] = [];
    await this.tx.transaction(async (trx) => {
      const row = await this.channelOf(trx, slug);
      const [current] = await this.present(trx, actor, [row]);
      if (!current?.canEdit) throw forbidden("Only the channel's owners (and admins) can change it.");
      // null disconnects, which every owner may do.
      if (input.slackWebhookUrl) this.checkSlackWebhook(actor, input.slackWebhookUrl);
      await this.channels.update(trx, row.id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.slackWebhookUrl !== undefined && { slack_webhook_url: input.slackWebhookUrl }),
        updated_at: nowIso(),
      });
      const slack = slackChange(row.slack_webhook_url, input.slackWebhookUrl);
      if (slack)
        await recordAudit(trx, {
          actor,
          action: `slack.${slack}`,
          target: { type: 'channel', id: row.id },
          // Never the address itself: a Slack incoming webhook's URL is its secret.
          summary: `Slack ${slack === 'connected' ? 'connected to' : slack === 'disconnected' ? 'disconnected from' : 'address changed for'} channel "${row.name}"`,
          details: { channel: row.slug },
          origin,
        });
      if (input.ownerIds) {
        await this.checkOwners(trx, input.ownerIds);
        await this.channels.replaceOwners(trx, row.id, input.ownerIds);
      }
      // Channel names are part of their workshops' search documents and pages.
      if (input.name !== undefined && input.name !== row.name) {
        renamedIn = await this.channels.workshopIdsOf(trx, row.id);
        await this.searchIndex.refresh(trx, renamedIn);
      }
    });
    this.pages.changed(renamedIn);
    return (await this.page(actor, slug)).channel;
  }

  private checkSlackWebhook(actor: Actor, url: string): void {
    if (!maySetSlackWebhook(actor, url))
      throw invalidField(
        'slackWebhookUrl',
        'Paste a Slack incoming-webhook address (https://hooks.slack.com/…); only admins may connect another address.',
      );
    assertPublicDestination(this.destinations, 'slackWebhookUrl', url);
  }

  async follow(actor: Actor, slug: string, following: boolean) {
    return this.tx.transaction(async (trx) => {
      const row = await this.channelOf(trx, slug);
      if (following) await this.channels.follow(trx, actor.id, 'channel', row.id, nowIso());
      else await this.channels.unfollow(trx, actor.id, 'channel', row.id);
      return { following, followerCount: await this.channels.followerCount(trx, 'channel', row.id) };
    });
  }

  async followHost(actor: Actor, personId: string, following: boolean) {
    return this.tx.transaction(async (trx) => {
      if (!(await this.people.findById(trx, personId))) throw notFound('Person');
      if (personId === actor.id && following) throw invalidField('id', 'You cannot follow yourself.');
      if (following) await this.channels.follow(trx, actor.id, 'host', personId, nowIso());
      else await this.channels.unfollow(trx, actor.id, 'host', personId);
      return { following, followerCount: await this.channels.followerCount(trx, 'host', personId) };
    });
  }

  async hostFollowState(actor: Actor, personId: string) {
    const db = this.tx.executor;
    if (!(await this.people.findById(db, personId))) throw notFound('Person');
    const followed = await this.channels.following(db, actor.id, 'host');
    return { following: followed.includes(personId), followerCount: await this.channels.followerCount(db, 'host', personId) };
  }

  /** Hosts put their workshop in channels; the search index follows in the same transaction. */
  async setWorkshopChannels(actor: Actor, workshopId: string, slugs: string[]) {
    await this.tx.transaction(async (trx) => {
      await this.access.workshop(trx, actor, 'workshop.edit', workshopId);
      const ids: string[] = [];
      for (const [i, slug] of [...new Set(slugs)].entries()) {
        const row = await this.channels.findBySlug(trx, slug);
        if (!row) throw invalidField(`channels.${i}`, `There is no channel "${slug}".`);
        ids.push(row.id);
      }
      await this.channels.replaceWorkshopChannels(trx, workshopId, ids);
      await this.searchIndex.refresh(trx, [workshopId]);
    });
    this.pages.changed([workshopId]);
    return { channels: slugs };
  }

  /** "Notify me when it runs again" (and its opposite); hosts see the count as demand. */
  async setInterest(actor: Actor, workshopId: string, interested: boolean) {
    return this.tx.transaction(async (trx) => {
      await this.access.workshop(trx, actor, 'workshop.view', workshopId);
      await this.channels.setInterest(trx, workshopId, actor.id, interested, nowIso());
      return this.channels.interest(trx, workshopId, actor.id);
    });
  }

  async interest(actor: Actor, workshopId: string) {
    const db = this.tx.executor;
    await this.access.workshop(db, actor, 'workshop.view', workshopId);
    return this.channels.interest(db, workshopId, actor.id);
  }
}
