import type { Executor } from './transaction.js';

/**
 * The organisation's settings that admins change in the app (not start-up configuration, which is
 * config.ts): one JSON value per key. Each module names its keys and keeps its own defaults.
 */
export const orgSettingsRepository = {
  async get<T>(db: Executor, key: string): Promise<T | undefined> {
    const row = await db.selectFrom('org_settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.value) as T) : undefined;
  },

  async set(db: Executor, key: string, value: unknown, by: string | null, at: string): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('org_settings')
      .values({ key, value: json, updated_by: by, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: by, updated_at: at }))
      .execute();
  },
};
