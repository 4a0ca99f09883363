import { z } from 'zod';
import { httpUrl, listQuery } from './common.js';
import { workshopFormat } from './workshops.js';

/** The ADDIE model, in order. */
export const checklistPhases = ['analysis', 'design', 'development', 'implementation', 'evaluation'] as const;
export const checklistPhase = z.enum(checklistPhases);
export type ChecklistPhase = z.infer<typeof checklistPhase>;

export const phaseLabels: Record<ChecklistPhase, string> = {
  analysis: 'Analysis',
  design: 'Design',
  development: 'Development',
  implementation: 'Implementation',
  evaluation: 'Evaluation',
};

export const checklistWhen = z.enum(['before', 'during', 'after']);
export type ChecklistWhen = z.infer<typeof checklistWhen>;

export const checklistAnswer = z.enum(['yes', 'no', 'na']);
export type ChecklistAnswer = z.infer<typeof checklistAnswer>;

export const checklistLink = z.object({ title: z.string().trim().min(1).max(120), url: httpUrl });

/** One item as an admin writes it in a draft. `key` is kept across versions; new items get one. */
export const checklistItemInput = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Keys are lower-case letters, digits and dashes.')
    .optional(),
  phase: checklistPhase,
  when: checklistWhen,
  text: z.string().trim().min(3, 'Write the item as a short question or statement.').max(300),
  guidance: z.string().trim().max(4000).default(''),
  /** Suggested timing relative to the next session, in days: -21 is "3 weeks before", 1 "the day after". */
  offsetDays: z.number().int().min(-365).max(365).nullable().optional(),
  links: z.array(checklistLink).max(10).default([]),
});
export type ChecklistItemInput = z.input<typeof checklistItemInput>;

export const checklistItem = z.object({
  id: z.string(),
  key: z.string(),
  phase: checklistPhase,
  when: checklistWhen,
  text: z.string(),
  guidance: z.string(),
  offsetDays: z.number().nullable(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const templateStatus = z.enum(['active', 'retired']);

export const checklistTemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** Workshop formats this template suits; Lyceum suggests it for them. */
  formats: z.array(workshopFormat),
  status: templateStatus,
  /** The published version new runs use; null until the first publish. */
  currentVersion: z.number().nullable(),
  /** The open draft, if any (admins only; null for everyone else). */
  draftVersion: z.number().nullable(),
  itemCount: z.number(),
  /** Set when listing for a workshop (`?workshopId=`): the template that fits its format. */
  suggested: z.boolean(),
  updatedAt: z.string(),
});
export type ChecklistTemplateSummary = z.infer<typeof checklistTemplateSummary>;

export const checklistTemplate = checklistTemplateSummary.extend({
  /** The version shown: the current one, or the one asked for with `?version=`. */
  version: z.number().nullable(),
  versionStatus: z.enum(['draft', 'published', 'superseded']).nullable(),
  items: z.array(checklistItem),
  versions: z.array(
    z.object({ version: z.number(), status: z.enum(['draft', 'published', 'superseded']), publishedAt: z.string().nullable() }),
  ),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplate>;

export const templatesQuery = listQuery.extend({
  workshopId: z.string().max(64).optional(),
  /** Admins: include retired templates. */
  includeRetired: z.stringbool().optional(),
});

export const templateVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const createTemplateBody = z.strictObject({
  name: z.string().trim().min(3).max(120),
  description: z.string().trim().max(2000).default(''),
  formats: z.array(workshopFormat).max(10).default([]),
});
export type CreateTemplateBody = z.input<typeof createTemplateBody>;

// Written out: a partial of the create body would still apply its defaults and wipe the description and formats.
export const updateTemplateBody = z.strictObject({
  name: z.string().trim().min(3).max(120).optional(),
  description: z.string().trim().max(2000).optional(),
  formats: z.array(workshopFormat).max(10).optional(),
});

export const draftItemsBody = z.strictObject({ items: z.array(checklistItemInput).max(200) });
export type DraftItemsBody = z.input<typeof draftItemsBody>;

export const versionCreated = z.object({ templateId: z.string(), version: z.number() });

// ---- runs: one workshop's answers ----

export const phaseProgress = z.object({
  total: z.number(),
  answered: z.number(),
  yes: z.number(),
  no: z.number(),
  na: z.number(),
  /** Answered share, 0–100. */
  percent: z.number(),
});
export type PhaseProgress = z.infer<typeof phaseProgress>;

export const checklistProgress = z.object({
  overall: phaseProgress,
  phases: z.record(checklistPhase, phaseProgress),
});
export type ChecklistProgress = z.infer<typeof checklistProgress>;

export const checklistRunItem = checklistItem.extend({
  answer: checklistAnswer.nullable(),
  note: z.string().nullable(),
  /** When it is suggested, from the next session and `offsetDays`; null without either. */
  dueAt: z.string().nullable(),
});
export type ChecklistRunItem = z.infer<typeof checklistRunItem>;

export const confidence = z.number().int().min(1).max(5);

export const checklistRun = z.object({
  workshopId: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  templateVersion: z.number(),
  /** The template's current version, when newer than the run's: the host may upgrade. */
  latestVersion: z.number().nullable(),
  items: z.array(checklistRunItem),
  progress: checklistProgress,
  showOnWorkshop: z.boolean(),
  reminders: z.boolean(),
  confidenceBefore: confidence.nullable(),
  confidenceAfter: confidence.nullable(),
  nextSessionAt: z.string().nullable(),
  /** Whether the viewer may answer (the workshop's hosts); admins can look without answering. */
  canAnswer: z.boolean(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type ChecklistRun = z.infer<typeof checklistRun>;

export const startRunBody = z.strictObject({ templateId: z.string().min(1).max(64) });

export const updateRunBody = z.strictObject({
  showOnWorkshop: z.boolean().optional(),
  /** Opt in to reminders of open items at their suggested time. */
  reminders: z.boolean().optional(),
  confidenceBefore: confidence.nullable().optional(),
  confidenceAfter: confidence.nullable().optional(),
});
export type UpdateRunBody = z.input<typeof updateRunBody>;

export const answerBody = z.strictObject({
  answer: checklistAnswer.nullable(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type AnswerBody = z.input<typeof answerBody>;

// ---- suggestions ----

export const suggestionKind = z.enum(['reword', 'add', 'remove']);
export const suggestionStatus = z.enum(['open', 'accepted', 'declined']);

export const createSuggestionBody = z
  .strictObject({
    templateId: z.string().min(1).max(64),
    itemId: z.string().min(1).max(64).optional(),
    kind: suggestionKind,
    text: z.string().trim().max(1000).default(''),
    reason: z.string().trim().min(3, 'Say briefly why: it helps the education team decide.').max(2000),
    /** For "add": where the new item goes (defaults: the phase of `itemId`'s item, or design; before). */
    phase: checklistPhase.optional(),
    when: checklistWhen.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind !== 'add' && !body.itemId) ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'Choose the item to change.' });
    if (body.kind !== 'remove' && body.text.length < 3)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Write the item as you would like it.' });
  });
export type CreateSuggestionBody = z.input<typeof createSuggestionBody>;

export const checklistSuggestion = z.object({
  id: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  itemKey: z.string().nullable(),
  /** The item's text when the suggestion was made (reword / remove). */
  itemText: z.string().nullable(),
  kind: suggestionKind,
  text: z.string(),
  reason: z.string(),
  phase: checklistPhase.nullable(),
  when: checklistWhen.nullable(),
  status: suggestionStatus,
  reply: z.string().nullable(),
  /** The draft version an accepted suggestion went into. */
  appliedToVersion: z.number().nullable(),
  author: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ChecklistSuggestion = z.infer<typeof checklistSuggestion>;

export const suggestionsQuery = listQuery.extend({
  status: suggestionStatus.optional(),
  templateId: z.string().max(64).optional(),
  /** Only the viewer's own (admins otherwise see everyone's). */
  mine: z.stringbool().optional(),
});

export const decideSuggestionBody = z.strictObject({ reply: z.string().trim().max(2000).optional() });
export const declineSuggestionBody = z.strictObject({ reply: z.string().trim().min(3, 'Tell the person why.').max(2000) });

// ---- adoption (admins) ----

export const adoptionRow = z.object({
  templateId: z.string(),
  templateName: z.string(),
  version: z.number(),
  workshops: z.number(),
  /** Average answered share per phase across the runs, 0–100. */
  completion: z.record(checklistPhase, z.number()),
  overallCompletion: z.number(),
  /** Items most often answered "no": where presenters struggle. */
  mostNo: z.array(z.object({ itemKey: z.string(), text: z.string(), phase: checklistPhase, no: z.number(), answered: z.number() })),
  confidenceBefore: z.object({ average: z.number().nullable(), count: z.number() }),
  confidenceAfter: z.object({ average: z.number().nullable(), count: z.number() }),
});
export type AdoptionRow = z.infer<typeof adoptionRow>;

export const adoption = z.object({ items: z.array(adoptionRow), workshopsWithChecklist: z.number(), workshopsTotal: z.number() });
export type Adoption = z.infer<typeof adoption>;

/** "3 weeks before", "2 days before", "on the day", "1 day after". */
export function describeOffset(days: number | null): string | null {
  if (days === null) return null;
  if (days === 0) return 'On the day';
  const n = Math.abs(days);
  const unit = n % 7 === 0 && n >= 7 ? (n === 7 ? '1 week' : `${n / 7} weeks`) : n === 1 ? '1 day' : `${n} days`;
  return days < 0 ? `${unit} before` : `${unit} after`;
}
