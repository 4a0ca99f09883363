import { type Kysely, sql } from 'kysely';
import { timestampType } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('checklist_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('formats', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('current_version', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('checklist_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('checklist_templates.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('published_at', ts)
    .addUniqueConstraint('checklist_versions_number_uq', ['template_id', 'version'])
    .execute();
  // At most one open draft per template: two admins opening one at once get the same draft.
  await db.schema
    .createIndex('checklist_versions_one_draft_uq')
    .on('checklist_versions')
    .column('template_id')
    .unique()
    .where(sql.ref('status'), '=', 'draft')
    .execute();

  await db.schema
    .createTable('checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('checklist_versions.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('timing', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('offset_days', 'integer')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('checklist_items_key_uq', ['version_id', 'key'])
    .execute();
  await db.schema.createIndex('checklist_items_order_idx').on('checklist_items').columns(['version_id', 'position']).execute();

  await db.schema
    .createTable('checklist_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().unique().references('workshops.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (c) => c.notNull().references('checklist_templates.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('checklist_versions.id'))
    .addColumn('show_on_workshop', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confidence_before', 'integer')
    .addColumn('confidence_after', 'integer')
    .addColumn('started_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checklist_runs_version_idx').on('checklist_runs').columns(['template_id', 'version_id']).execute();

  await db.schema
    .createTable('checklist_answers')
    .addColumn('run_id', 'text', (c) => c.notNull().references('checklist_runs.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('note', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('answered_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('checklist_answers_pk', ['run_id', 'item_key'])
    .execute();

  await db.schema
    .createTable('checklist_reminders')
    .addColumn('run_id', 'text', (c) => c.notNull().references('checklist_runs.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('due_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('checklist_reminders_pk', ['run_id', 'item_key'])
    .execute();
  await db.schema.createIndex('checklist_reminders_due_idx').on('checklist_reminders').column('due_at').execute();

  await db.schema
    .createTable('checklist_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('checklist_templates.id').onDelete('cascade'))
    .addColumn('item_key', 'text')
    .addColumn('item_text', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('timing', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('reply', 'text')
    .addColumn('applied_version', 'integer')
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('decided_at', ts)
    .execute();
  await db.schema.createIndex('checklist_suggestions_status_idx').on('checklist_suggestions').columns(['status', 'created_at']).execute();
  await db.schema
    .createIndex('checklist_suggestions_author_idx')
    .on('checklist_suggestions')
    .columns(['author_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'checklist_suggestions',
    'checklist_reminders',
    'checklist_answers',
    'checklist_runs',
    'checklist_items',
    'checklist_versions',
    'checklist_templates',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
