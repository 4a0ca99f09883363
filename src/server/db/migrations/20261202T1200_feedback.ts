import { type Kysely, sql } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * Evaluation (Kirkpatrick levels 1 and 3): the questions hosts add to a workshop, one feedback
 * round per ended session (who was asked, when it closes, when the hosts got the summary), one
 * row per person asked (their answer, or their "I didn't attend"), the 30-day follow-up of those
 * who planned to apply it, and the organisation's settings (NPS on/off, follow-up delay).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('feedback_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rating', 'text')`))
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_questions_workshop_idx').on('feedback_questions').columns(['workshop_id', 'position']).execute();

  await db.schema
    .createTable('feedback_rounds')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('ended_at', ts, (c) => c.notNull())
    .addColumn('closes_at', ts, (c) => c.notNull())
    .addColumn('summary_sent_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_rounds_workshop_idx').on('feedback_rounds').columns(['workshop_id', 'ended_at']).execute();
  await db.schema
    .createIndex('feedback_rounds_unsummarized_idx')
    .on('feedback_rounds')
    .column('closes_at')
    .where(sql.ref('summary_sent_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('feedback_rounds.session_id').onDelete('cascade'))
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'answered', 'declined')`))
    .addColumn('asked_at', ts, (c) => c.notNull())
    .addColumn('closes_at', ts, (c) => c.notNull())
    .addColumn('reminded_at', ts)
    .addColumn('answered_at', ts)
    .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('usefulness', 'integer', (c) => c.check(sql`usefulness between 1 and 5`))
    .addColumn('worked', 'text')
    .addColumn('improve', 'text')
    .addColumn('will_apply', 'integer', (c) => c.check(sql`will_apply in (0, 1)`))
    .addColumn('apply_how', 'text')
    .addColumn('nps', 'integer', (c) => c.check(sql`nps between 0 and 10`))
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('signed', 'integer', (c) => c.notNull().defaultTo(0).check(sql`signed in (0, 1)`))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('feedback_once_uq', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('feedback_person_idx').on('feedback').columns(['person_id', 'closes_at']).execute();
  await db.schema.createIndex('feedback_workshop_idx').on('feedback').columns(['workshop_id', 'status']).execute();
  await db.schema.createIndex('feedback_unreminded_idx').on('feedback').column('asked_at').where(sql.ref('status'), '=', 'open').execute();

  await db.schema
    .createTable('feedback_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().unique().references('feedback.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addColumn('applied', 'text', (c) => c.check(sql`applied in ('not_yet', 'a_little', 'a_lot')`))
    .addColumn('example', 'text')
    .addColumn('answered_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_follow_ups_person_idx').on('feedback_follow_ups').columns(['person_id', 'due_at']).execute();
  await db.schema
    .createIndex('feedback_follow_ups_unsent_idx')
    .on('feedback_follow_ups')
    .column('due_at')
    .where(sql.ref('sent_at'), 'is', null)
    .execute();

  // The organisation's settings an admin changes in the app: one JSON value per key.
  await db.schema
    .createTable('org_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('org_settings').execute();
  await db.schema.dropTable('feedback_follow_ups').execute();
  await db.schema.dropTable('feedback').execute();
  await db.schema.dropTable('feedback_rounds').execute();
  await db.schema.dropTable('feedback_questions').execute();
}
