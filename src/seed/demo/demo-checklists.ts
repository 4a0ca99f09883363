/**
 * Checklists in progress for the demo: about half of the published workshops use the starter
 * template that fits their format, answered as far as their hosts have got. A few items are
 * answered "no" more often (the dry run, the follow-up), so the adoption view has a story to tell;
 * a handful of suggestions wait for the education team.
 */
import type { Insertable } from 'kysely';
import type {
  ChecklistAnswersTable,
  ChecklistPhase,
  ChecklistRunsTable,
  ChecklistSuggestionsTable,
  SessionsTable,
  WorkshopHostsTable,
  WorkshopsTable,
} from '../../server/db/schema.js';
import { DAY } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { WEAK_WORKSHOP } from './demo-feedback-data.js';
import { demoId } from './demo-ids.js';

export interface StarterVersion {
  templateId: string;
  versionId: string;
  formats: string[];
  items: { key: string; phase: ChecklistPhase; text: string }[];
}

export interface DemoChecklists {
  runs: ChecklistRunsTable[];
  answers: ChecklistAnswersTable[];
  suggestions: ChecklistSuggestionsTable[];
}

const CONFIDENCE_GAIN = [
  [0, 20],
  [1, 55],
  [2, 25],
] as const;

/**
 * How much of its checklist a workshop's hosts answered (0–1), or null for workshops without one
 * (about half; the clearly weaker workshop among them). Hosts who ran their workshop already got
 * far, most of them nearly all the way (and their sessions are rated a little better:
 * demo-feedback.ts); the others are part-way.
 */
export function checklistShare(
  workshop: Pick<Insertable<WorkshopsTable>, 'title' | 'status' | 'id'>,
  sessions: readonly Pick<Insertable<SessionsTable>, 'workshop_id' | 'ends_at'>[],
  nowMs: number,
): number | null {
  const random = new Random(`checklist-share:${workshop.title}`);
  if (workshop.status !== 'published' || workshop.title === WEAK_WORKSHOP || !random.chance(0.55)) return null;
  const ended = sessions.some((s) => s.workshop_id === workshop.id && Date.parse(String(s.ends_at)) < nowMs);
  if (!ended) return random.int(15, 80) / 100;
  return random.chance(0.75) ? random.int(85, 100) / 100 : random.int(30, 70) / 100;
}

const HARD_ITEMS = /dry run|rehears|follow[- ]up|30|90|fallback|clean machine/i;

export function buildDemoChecklists(
  workshops: Insertable<WorkshopsTable>[],
  hosts: WorkshopHostsTable[],
  sessions: Insertable<SessionsTable>[],
  starters: StarterVersion[],
  nowMs: number,
): DemoChecklists {
  const result: DemoChecklists = { runs: [], answers: [], suggestions: [] };
  const fallback = starters[0];
  if (!fallback) return result;
  for (const workshop of workshops) {
    const share = checklistShare(workshop, sessions, nowMs);
    if (share === null) continue;
    const random = new Random(`checklist:${workshop.title}`);
    const owner = hosts.find((h) => h.workshop_id === workshop.id && h.role === 'owner');
    const template = starters.find((s) => s.formats.includes(String(workshop.format))) ?? fallback;
    const own = sessions.filter((s) => s.workshop_id === workshop.id);
    const ended = own.some((s) => Date.parse(String(s.ends_at)) < nowMs);
    const before = random.chance(0.7) ? random.int(2, 4) : null;
    const startedMs = Math.min(nowMs - random.int(2, 30) * DAY, Date.parse(String(workshop.published_at ?? workshop.created_at)) + DAY);
    const runId = demoId(`checklist-run:${workshop.title}`);
    result.runs.push({
      id: runId,
      workshop_id: String(workshop.id),
      template_id: template.templateId,
      version_id: template.versionId,
      show_on_workshop: random.chance(0.5) ? 1 : 0,
      reminders: random.chance(0.3) ? 1 : 0,
      confidence_before: before,
      // Hosts who ran it feel surer afterwards, most by a point.
      confidence_after: ended && random.chance(0.7) ? Math.min(5, (before ?? random.int(2, 3)) + random.weighted(CONFIDENCE_GAIN)) : null,
      started_by: owner?.person_id ?? null,
      created_at: new Date(startedMs).toISOString(),
      updated_at: new Date(Math.min(nowMs - 3_600_000, startedMs + random.int(1, 10) * DAY)).toISOString(),
    });
    const answered = Math.round(template.items.length * share);
    template.items.slice(0, answered).forEach((item, i) => {
      const no = HARD_ITEMS.test(item.text) ? random.chance(0.55) : random.chance(0.1);
      result.answers.push({
        run_id: runId,
        item_key: item.key,
        answer: no ? 'no' : random.chance(0.05) ? 'na' : 'yes',
        note: no && random.chance(0.3) ? 'No time this round; next run.' : null,
        answered_by: owner?.person_id ?? null,
        answered_at: new Date(startedMs + i * 3_600_000).toISOString(),
      });
    });
  }
  result.suggestions = demoSuggestions(hosts, starters, nowMs);
  return result;
}

function demoSuggestions(hosts: WorkshopHostsTable[], starters: StarterVersion[], nowMs: number): ChecklistSuggestionsTable[] {
  const authors = [...new Set(hosts.map((h) => h.person_id))];
  const [essentials, lab] = starters;
  if (!essentials || !lab || authors.length < 4) return [];
  const at = (daysAgo: number) => new Date(nowMs - daysAgo * DAY).toISOString();
  const item = (s: StarterVersion, i: number) => s.items[i % s.items.length];
  const base = (n: number, s: StarterVersion) => ({
    id: demoId(`checklist-suggestion:${n}`),
    template_id: s.templateId,
    author_id: authors[(n * 7) % authors.length] as string,
    phase: null,
    timing: null,
    reply: null,
    applied_version: null,
    decided_by: null,
    decided_at: null,
  });
  return [
    {
      ...base(1, essentials),
      item_key: item(essentials, 6)?.key ?? null,
      item_text: item(essentials, 6)?.text ?? null,
      kind: 'reword',
      text: 'Write at most three objectives, each starting "You will be able to …", and put them in the announcement',
      reason: 'People read the announcement, not the description.',
      status: 'open',
      created_at: at(2),
    },
    {
      ...base(2, lab),
      item_key: null,
      item_text: null,
      kind: 'add',
      text: 'A cloud sandbox account is ready for attendees who cannot install tools locally',
      reason: 'Locked-down laptops cost us 20 minutes in the last Terraform lab.',
      phase: 'development',
      timing: 'before',
      status: 'open',
      created_at: at(5),
    },
    {
      ...base(3, essentials),
      item_key: item(essentials, 22)?.key ?? null,
      item_text: item(essentials, 22)?.text ?? null,
      kind: 'remove',
      text: '',
      reason: 'Feels like homework for a one-hour session.',
      status: 'declined',
      reply: 'Kept: the follow-up is how we learn whether people applied anything. It is optional, like every item.',
      created_at: at(20),
      decided_at: at(18),
    },
  ];
}
