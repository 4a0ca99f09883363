import { type Insertable, type Selectable, sql } from 'kysely';
import type { MailboxTable } from '../../../db/schema.js';
import type { Executor } from '../../../platform/transaction.js';

export type MailRow = Selectable<MailboxTable>;

/** The built-in mailbox: where mail lands when no SMTP server is configured, for admins to read. */
export const mailboxRepository = {
  /** Keeps one mail per outbox message: delivering the same message twice stores it once. */
  async insert(db: Executor, row: Insertable<MailboxTable>): Promise<void> {
    await db
      .insertInto('mailbox')
      .values(row)
      .onConflict((oc) => oc.column('outbox_id').doNothing())
      .execute();
  },

  /** Newest first, keyset-paged on (created_at, id); optionally one recipient's mail. */
  list(db: Executor, f: { to?: string; after?: [string, string]; limit: number }) {
    let query = db
      .selectFrom('mailbox')
      .select([
        'id',
        'outbox_id',
        'person_id',
        'to_address',
        'subject',
        'created_at',
        sql<number>`calendar is not null`.as('has_calendar'),
      ]);
    if (f.to) query = query.where('to_address', '=', f.to);
    if (f.after) {
      const [at, id] = f.after;
      query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  },

  async purge(db: Executor, before: string, limit: number): Promise<number> {
    const old = db.selectFrom('mailbox').select('id').where('created_at', '<', before).limit(limit);
    const result = await db.deleteFrom('mailbox').where('id', 'in', old).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  findById(db: Executor, id: string): Promise<MailRow | undefined> {
    return db.selectFrom('mailbox').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
