/**
 * Checklist runs for about 30 % of the published workshops, on the starter templates the
 * migrations ship (read from the database, so the runs use the versions and item keys really
 * there). Most runs are answered well (80–100 % of the items), the rest got part of the way;
 * hosts give their confidence before, and after once a session has been held. The returned
 * `completion` lets the feedback lean a little better for well-prepared workshops.
 */
import type { Kysely } from 'kysely';
import type { ChecklistAnswersTable, ChecklistPhase, ChecklistRunsTable, Database } from '../../server/db/schema.js';
import { DAY, HOUR, iso, seconds } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { ID_KIND, type OrgClock, orgId } from './org-clock.js';
import type { OrgSession } from './org-sessions.js';
import type { OrgWorkshop } from './org-workshops.js';

export const CHECKLIST_SHARE = 0.3;
/** The share of runs answered at least this far (the dashboard's usual threshold). */
export const WELL_ANSWERED = 0.8;

export interface StarterVersion {
  templateId: string;
  versionId: string;
  formats: string[];
  items: { key: string; phase: ChecklistPhase }[];
}

export interface OrgChecklists {
  runs: ChecklistRunsTable[];
  answers: ChecklistAnswersTable[];
  /** Answered items ÷ items of the version, by workshop index; absent: no run. */
  completion: Map<number, number>;
}

/** The published current version of every active template, with its items in order. */
export async function starterVersions(db: Kysely<Database>): Promise<StarterVersion[]> {
  const rows = await db
    .selectFrom('checklist_templates as t')
    .innerJoin('checklist_versions as v', (j) => j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.current_version'))
    .innerJoin('checklist_items as i', 'i.version_id', 'v.id')
    .select(['t.id as templateId', 't.formats', 'v.id as versionId', 'i.key', 'i.phase'])
    .where('t.status', '=', 'active')
    .where('v.status', '=', 'published')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .orderBy('i.position')
    .execute();
  const byVersion = new Map<string, StarterVersion>();
  for (const r of rows) {
    let v = byVersion.get(r.versionId);
    if (!v) {
      v = { templateId: r.templateId, versionId: r.versionId, formats: JSON.parse(r.formats) as string[], items: [] };
      byVersion.set(r.versionId, v);
    }
    v.items.push({ key: r.key, phase: r.phase });
  }
  return [...byVersion.values()];
}

export function buildOrgChecklists(
  workshops: readonly OrgWorkshop[],
  sessions: readonly OrgSession[],
  starters: readonly StarterVersion[],
  clock: OrgClock,
): OrgChecklists {
  const out: OrgChecklists = { runs: [], answers: [], completion: new Map() };
  const fallback = starters[0];
  if (!fallback) return out;
  const firstHeldMs = new Map<number, number>();
  for (const s of sessions) {
    if (s.cancelledMs !== null || s.endMs > clock.nowMs) continue;
    const w = s.workshop.index;
    firstHeldMs.set(w, Math.min(firstHeldMs.get(w) ?? s.startMs, s.startMs));
  }
  let serial = 0;
  for (const w of workshops) {
    const random = new Random(`org:checklist:${w.index}`);
    if (w.status !== 'published' || !random.chance(CHECKLIST_SHARE)) continue;
    const template = starters.find((s) => s.formats.includes(w.format)) ?? fallback;
    const owner = w.hosts[0]?.id ?? null;
    const held = firstHeldMs.get(w.index);
    // Started while the workshop was being prepared: after it was created, before its first session.
    const latestMs = Math.min(clock.nowMs - HOUR, (held ?? clock.nowMs) - DAY);
    const createdMs = seconds(Math.max(w.createdMs, Math.min(latestMs, w.createdMs + random.int(0, 10) * DAY)));
    const well = random.chance(0.6);
    const share = well ? WELL_ANSWERED + random.float() * (1 - WELL_ANSWERED) : 0.15 + random.float() * 0.6;
    const answered = Math.min(template.items.length, Math.round(template.items.length * share));
    const id = orgId(ID_KIND.checklistRun, serial++, createdMs, clock);
    const before = random.chance(0.75) ? random.int(2, 4) : null;
    const gain = well ? random.int(0, 2) : random.int(-1, 1);
    const after = held !== undefined && random.chance(0.7) ? clampConfidence((before ?? 3) + gain) : null;
    let lastMs = createdMs;
    template.items.slice(0, answered).forEach((item, i) => {
      const answeredMs = seconds(Math.min(clock.nowMs - HOUR, createdMs + i * random.int(1, 20) * HOUR));
      lastMs = Math.max(lastMs, answeredMs);
      const no = random.chance(0.1);
      out.answers.push({
        run_id: id,
        item_key: item.key,
        answer: no ? 'no' : random.chance(0.05) ? 'na' : 'yes',
        note: null,
        answered_by: owner,
        answered_at: iso(answeredMs),
      });
    });
    out.runs.push({
      id,
      workshop_id: w.id,
      template_id: template.templateId,
      version_id: template.versionId,
      show_on_workshop: random.chance(0.5) ? 1 : 0,
      reminders: random.chance(0.3) ? 1 : 0,
      confidence_before: before,
      confidence_after: after,
      started_by: owner,
      created_at: iso(createdMs),
      updated_at: iso(lastMs),
    });
    out.completion.set(w.index, template.items.length === 0 ? 0 : answered / template.items.length);
  }
  return out;
}

const clampConfidence = (n: number) => Math.max(1, Math.min(5, n));
