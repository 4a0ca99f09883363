import type { Executor } from '../../platform/transaction.js';
import type { MessageKind, PreferredChannel } from './preferences.js';

export const preferencesRepository = {
  async of(db: Executor, personId: string): Promise<Map<string, PreferredChannel>> {
    const rows = await db.selectFrom('notification_preferences').select(['kind', 'channel']).where('person_id', '=', personId).execute();
    return new Map(rows.map((r) => [r.kind, r.channel]));
  },

  async set(db: Executor, personId: string, kind: MessageKind, channel: PreferredChannel, at: string): Promise<void> {
    await db
      .insertInto('notification_preferences')
      .values({ person_id: personId, kind, channel, updated_at: at })
      .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ channel, updated_at: at }))
      .execute();
  },
};
