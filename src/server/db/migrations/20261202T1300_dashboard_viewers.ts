import type { Kysely } from 'kysely';
import { timestampType } from './column-types.js';

/** People the admins chose to see the education dashboard read-only (leadership, say). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dashboard_viewers')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('added_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('added_at', timestampType(db), (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dashboard_viewers').execute();
}
