import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ChannelsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type ChannelRow = Selectable<ChannelsTable>;

/** Channels, who owns and follows them, workshops' channels, follows of hosts and "notify me". */
export const channelsRepository = {
  findBySlug(db: Executor, slug: string): Promise<ChannelRow | undefined> {
    return db.selectFrom('channels').selectAll().where('slug', '=', slug).executeTakeFirst();
  },

  findBySlugOrId(db: Executor, key: string): Promise<ChannelRow | undefined> {
    return db
      .selectFrom('channels')
      .selectAll()
      .where((eb) => eb.or([eb('slug', '=', key), eb('id', '=', key)]))
      .executeTakeFirst();
  },

  /** By name, keyset-paged on (name, id). */
  list(db: Executor, f: { q?: string; followedBy?: string; after?: [string, string]; limit: number }): Promise<ChannelRow[]> {
    let query = db.selectFrom('channels as c').selectAll('c').orderBy('c.name').orderBy('c.id').limit(f.limit);
    if (f.q) {
      const q = `%${f.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      query = query.where((eb) => eb(eb.fn('lower', ['c.name']), 'like', q));
    }
    if (f.followedBy) {
      const person = f.followedBy;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('follows as f')
            .select('f.target_id')
            .where('f.person_id', '=', person)
            .where('f.kind', '=', 'channel')
            .whereRef('f.target_id', '=', 'c.id'),
        ),
      );
    }
    if (f.after) {
      const [name, id] = f.after;
      query = query.where((eb) => eb.or([eb('c.name', '>', name), eb.and([eb('c.name', '=', name), eb('c.id', '>', id)])]));
    }
    return query.execute();
  },

  insert(db: Executor, row: Insertable<ChannelsTable>) {
    return db.insertInto('channels').values(row).execute();
  },

  update(db: Executor, id: string, changes: Updateable<ChannelsTable>) {
    return db.updateTable('channels').set(changes).where('id', '=', id).execute();
  },

  async replaceOwners(db: Executor, channelId: string, personIds: string[]) {
    await db.deleteFrom('channel_owners').where('channel_id', '=', channelId).execute();
    if (personIds.length > 0) {
      await db
        .insertInto('channel_owners')
        .values(personIds.map((person_id) => ({ channel_id: channelId, person_id })))
        .execute();
    }
  },

  owners(db: Executor, channelIds: string[]) {
    if (channelIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('channel_owners as o')
      .innerJoin('people as p', 'p.id', 'o.person_id')
      .select(['o.channel_id', 'p.id', 'p.name', 'p.title'])
      .where('o.channel_id', 'in', channelIds)
      .orderBy('p.name')
      .execute();
  },

  /** Followers, workshops and workshops with an upcoming session, per channel. */
  async stats(db: Executor, channelIds: string[], now: string) {
    if (channelIds.length === 0) return new Map<string, { followers: number; workshops: number; upcoming: number }>();
    const [followers, workshops, upcoming] = await Promise.all([
      db
        .selectFrom('follows')
        .select(['target_id as id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'channel')
        .where('target_id', 'in', channelIds)
        .groupBy('target_id')
        .execute(),
      db
        .selectFrom('workshop_channels as wc')
        .innerJoin('workshops as w', 'w.id', 'wc.workshop_id')
        .select(['wc.channel_id as id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('wc.channel_id', 'in', channelIds)
        .where('w.status', '=', 'published')
        .groupBy('wc.channel_id')
        .execute(),
      db
        .selectFrom('workshop_channels as wc')
        .innerJoin('workshops as w', 'w.id', 'wc.workshop_id')
        .select(['wc.channel_id as id', (eb) => eb.fn.count<number>('wc.workshop_id').distinct().as('n')])
        .where('wc.channel_id', 'in', channelIds)
        .where('w.status', '=', 'published')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('sessions as s')
              .select('s.id')
              .whereRef('s.workshop_id', '=', 'w.id')
              .where('s.status', '=', 'scheduled')
              .where('s.starts_at', '>', now),
          ),
        )
        .groupBy('wc.channel_id')
        .execute(),
    ]);
    const count = (rows: { id: string; n: number }[], id: string) => Number(rows.find((r) => r.id === id)?.n ?? 0);
    return new Map(
      channelIds.map((id) => [id, { followers: count(followers, id), workshops: count(workshops, id), upcoming: count(upcoming, id) }]),
    );
  },

  /** A channel's published workshops with nothing upcoming, most recently run first. */
  pastWorkshops(db: Executor, channelId: string, now: string, limit: number) {
    return db
      .selectFrom('workshop_channels as wc')
      .innerJoin('workshops as w', 'w.id', 'wc.workshop_id')
      .leftJoin('sessions as s', (join) => join.onRef('s.workshop_id', '=', 'w.id').on('s.status', '=', 'scheduled'))
      .select(['w.id', 'w.title', 'w.summary', (eb) => eb.fn.max('s.starts_at').as('last_session_at')])
      .where('wc.channel_id', '=', channelId)
      .where('w.status', '=', 'published')
      .groupBy(['w.id', 'w.title', 'w.summary'])
      .having((eb) => eb.or([eb(eb.fn.max('s.starts_at'), 'is', null), eb(eb.fn.max('s.starts_at'), '<=', now)]))
      .orderBy('last_session_at', 'desc')
      .limit(limit)
      .execute();
  },

  workshopIdsOf(db: Executor, channelId: string): Promise<string[]> {
    return db
      .selectFrom('workshop_channels')
      .select('workshop_id')
      .where('channel_id', '=', channelId)
      .execute()
      .then((rows) => rows.map((r) => r.workshop_id));
  },

  async replaceWorkshopChannels(db: Executor, workshopId: string, channelIds: string[]) {
    await db.deleteFrom('workshop_channels').where('workshop_id', '=', workshopId).execute();
    if (channelIds.length > 0) {
      await db
        .insertInto('workshop_channels')
        .values(channelIds.map((channel_id) => ({ workshop_id: workshopId, channel_id })))
        .execute();
    }
  },

  async follow(db: Executor, personId: string, kind: 'channel' | 'host', targetId: string, at: string) {
    await db
      .insertInto('follows')
      .values({ person_id: personId, kind, target_id: targetId, created_at: at })
      .onConflict((oc) => oc.columns(['person_id', 'kind', 'target_id']).doNothing())
      .execute();
  },

  async unfollow(db: Executor, personId: string, kind: 'channel' | 'host', targetId: string) {
    await db.deleteFrom('follows').where('person_id', '=', personId).where('kind', '=', kind).where('target_id', '=', targetId).execute();
  },

  following(db: Executor, personId: string, kind: 'channel' | 'host'): Promise<string[]> {
    return db
      .selectFrom('follows')
      .select('target_id')
      .where('person_id', '=', personId)
      .where('kind', '=', kind)
      .execute()
      .then((rows) => rows.map((r) => r.target_id));
  },

  async followerCount(db: Executor, kind: 'channel' | 'host', targetId: string): Promise<number> {
    const row = await db
      .selectFrom('follows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', kind)
      .where('target_id', '=', targetId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async setInterest(db: Executor, workshopId: string, personId: string, interested: boolean, at: string) {
    if (interested) {
      await db
        .insertInto('workshop_interest')
        .values({ workshop_id: workshopId, person_id: personId, created_at: at })
        .onConflict((oc) => oc.columns(['workshop_id', 'person_id']).doNothing())
        .execute();
    } else {
      await db.deleteFrom('workshop_interest').where('workshop_id', '=', workshopId).where('person_id', '=', personId).execute();
    }
  },

  /** The workshop's channels connected to Slack. */
  async slackChannelsOf(db: Executor, workshopId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('workshop_channels as wc')
      .innerJoin('channels as c', 'c.id', 'wc.channel_id')
      .select('c.id')
      .where('wc.workshop_id', '=', workshopId)
      .where('c.slack_webhook_url', 'is not', null)
      .execute();
    return rows.map((r) => r.id);
  },

  /** Everyone waiting for the workshop to run again; their wish is granted, so it is cleared. */
  async takeInterest(db: Executor, workshopId: string): Promise<string[]> {
    const rows = await db.selectFrom('workshop_interest').select('person_id').where('workshop_id', '=', workshopId).execute();
    if (rows.length > 0) await db.deleteFrom('workshop_interest').where('workshop_id', '=', workshopId).execute();
    return rows.map((r) => r.person_id);
  },

  async interestedIn(db: Executor, workshopId: string): Promise<string[]> {
    const rows = await db.selectFrom('workshop_interest').select('person_id').where('workshop_id', '=', workshopId).execute();
    return rows.map((r) => r.person_id);
  },

  async interest(db: Executor, workshopId: string, personId: string) {
    const [count, mine] = await Promise.all([
      db
        .selectFrom('workshop_interest')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workshop_id', '=', workshopId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('workshop_interest')
        .select('person_id')
        .where('workshop_id', '=', workshopId)
        .where('person_id', '=', personId)
        .executeTakeFirst(),
    ]);
    return { interested: mine !== undefined, interestCount: Number(count.n) };
  },
};
