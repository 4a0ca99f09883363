import type { Kysely } from 'kysely';
import { starterTemplates } from '../../modules/checklists/starter-templates.js';
import { newId } from '../../platform/ids.js';

/**
 * The three templates Lyceum ships, as data: version 1 of each, published. From here on the
 * education team edits them in the app (new versions), so this runs once per database.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  for (const template of starterTemplates) {
    const versionId = newId();
    await db
      .insertInto('checklist_templates')
      .values({
        id: template.id,
        name: template.name,
        description: template.description,
        formats: JSON.stringify(template.formats),
        status: 'active',
        current_version: 1,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('checklist_versions')
      .values({ id: versionId, template_id: template.id, version: 1, status: 'published', created_at: now, published_at: now })
      .execute();
    await db
      .insertInto('checklist_items')
      .values(
        template.items.map((item, position) => ({
          id: newId(),
          version_id: versionId,
          key: item.key,
          position,
          phase: item.phase,
          timing: item.when,
          text: item.text,
          guidance: item.guidance,
          offset_days: item.offsetDays,
          links: JSON.stringify(item.links),
        })),
      )
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('checklist_templates')
    .where(
      'id',
      'in',
      starterTemplates.map((t) => t.id),
    )
    .execute();
}
