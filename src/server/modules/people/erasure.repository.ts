import { sql } from 'kysely';
import { escapeLike } from '../../platform/text-search.js';
import type { Executor } from '../../platform/transaction.js';
import { ERASED_NAME } from './leavers.repository.js';

/**
 * What leaving and erasure touch beyond credentials: mail still waiting for the leaver, the
 * feedback they gave, and the audit log's words about them.
 */
export const erasureRepository = {
  /**
   * Withdraws the messages still waiting for the person (mail and Slack direct messages): a
   * deactivated person is told nothing more. Webhooks and channel posts are for others and stay.
   * How many were withdrawn.
   */
  async withdrawPendingMessages(db: Executor, personId: string): Promise<number> {
    const result = await db
      .deleteFrom('outbox')
      .where('person_id', '=', personId)
      .where('status', '=', 'pending')
      .where('channel', 'in', ['email', 'slack_dm'])
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** The built-in mailbox's copies of mail sent to them (addressed by name and email). */
  async deleteMailboxCopies(db: Executor, personId: string, email: string): Promise<number> {
    const result = await db
      .deleteFrom('mailbox')
      .where((eb) => eb.or([eb('person_id', '=', personId), eb(sql`lower(to_address)`, '=', email.toLowerCase())]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /**
   * Feedback becomes anonymous figures: no comment stays signed (hosts saw the name only when it
   * was), and the row keeps pointing at the erased person, who names nobody. Ratings, usefulness,
   * statuses and comments stay, so every figure and summary counts the same.
   */
  async unsignFeedback(db: Executor, personId: string, at: string): Promise<number> {
    const result = await db
      .updateTable('feedback')
      .set({ signed: 0, updated_at: at })
      .where('person_id', '=', personId)
      .where('signed', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /**
   * The audit log keeps what was done to and by the person, under their id, but not their name
   * or email: every entry that names them (as actor, in its one-line summary or its details) says
   * "Former colleague" instead. This is the only change ever made to an existing entry; the log
   * has no route that updates or deletes, and the retention sweep is its only other writer.
   */
  async redactAuditEntries(db: Executor, personId: string, identity: { name: string; email: string }): Promise<number> {
    const name = identity.name.trim();
    const email = identity.email.trim();
    const like = (column: 'summary' | 'details' | 'actor_label', text: string) =>
      sql<boolean>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
    const rows = await db
      .selectFrom('audit_log')
      .select(['id', 'actor_id', 'actor_label', 'summary', 'details'])
      .where((eb) =>
        eb.or([
          eb('actor_id', '=', personId),
          eb('target_id', '=', personId),
          ...(['summary', 'details', 'actor_label'] as const).flatMap((c) => [name, email].filter(Boolean).map((w) => like(c, w))),
        ]),
      )
      .execute();
    const redact = redactor(name, email);
    let changed = 0;
    for (const row of rows) {
      const next = {
        actor_label: row.actor_id === personId ? ERASED_NAME : redact(row.actor_label),
        summary: redact(row.summary),
        details: row.details === null ? null : redactJson(row.details, redact),
      };
      if (next.actor_label === row.actor_label && next.summary === row.summary && next.details === row.details) continue;
      await db.updateTable('audit_log').set(next).where('id', '=', row.id).execute();
      changed++;
    }
    return changed;
  },
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces the email (any case) and the name (as written, a whole word: "Al" leaves "Alice"
 * alone) by "Former colleague".
 */
function redactor(name: string, email: string): (text: string) => string {
  const patterns = [
    ...(email ? [new RegExp(escapeRegExp(email), 'gi')] : []),
    ...(name ? [new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu')] : []),
  ];
  return (text) => patterns.reduce((out, pattern) => out.replace(pattern, ERASED_NAME), text);
}

/** The same inside a JSON document, value by value, so the document stays valid. */
function redactJson(json: string, redact: (text: string) => string): string {
  try {
    const walk = (value: unknown): unknown => {
      if (typeof value === 'string') return redact(value);
      if (Array.isArray(value)) return value.map(walk);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
      return value;
    };
    return JSON.stringify(walk(JSON.parse(json)));
  } catch {
    return redact(json);
  }
}
