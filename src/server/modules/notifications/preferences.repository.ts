import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';
import type { MessageKind, PreferredChannel } from './preferences.js';

// Asked for every message queued, registrations included: compiled once.
const channelOf = prepared((db, personId: string, kind: string) =>
  db.selectFrom('notification_preferences').select('channel').where('person_id', '=', personId).where('kind', '=', kind),
);

export const preferencesRepository = {
  async of(db: Executor, personId: string): Promise<Map<string, PreferredChannel>> {
    const rows = await db.selectFrom('notification_preferences').select(['kind', 'channel']).where('person_id', '=', personId).execute();
    return new Map(rows.map((r) => [r.kind, r.channel]));
  },

  /** Email unless the person chose otherwise. */
  async channelFor(db: Executor, personId: string, kind: MessageKind): Promise<PreferredChannel> {
    const [row] = await channelOf(db, personId, kind);
    return row?.channel ?? 'email';
  },

  async set(db: Executor, personId: string, kind: MessageKind, channel: PreferredChannel, at: string): Promise<void> {
    await db
      .insertInto('notification_preferences')
      .values({ person_id: personId, kind, channel, updated_at: at })
      .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ channel, updated_at: at }))
      .execute();
  },
};
