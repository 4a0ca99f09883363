import type { z } from 'zod';
import {
  type CreateWorkshopBody,
  createWorkshopBody,
  type UpdateWorkshopBody,
  updateWorkshopBody,
  type Workshop,
  type WorkshopFormat,
} from '../../../contracts/index.js';
import { contractValidator, type FieldErrors } from '../../lib/forms';

export type WorkshopFormValues = {
  title: string;
  summary: string;
  format: WorkshopFormat | null;
  description: string;
  durationMinutes: number | string;
  tags: string[];
  audience: string;
  objectives: string[];
  prerequisites: string;
  materials: { title: string; url: string }[];
  isSeries: boolean;
};

export const basicFields = ['title', 'summary', 'format'] as const;

export function emptyValues(title = ''): WorkshopFormValues {
  return {
    title,
    summary: '',
    format: null,
    description: '',
    durationMinutes: '',
    tags: [],
    audience: '',
    objectives: [],
    prerequisites: '',
    materials: [],
    isSeries: false,
  };
}

export function valuesFromWorkshop(w: Workshop): WorkshopFormValues {
  return {
    title: w.title,
    summary: w.summary,
    format: w.format,
    description: w.description,
    durationMinutes: w.durationMinutes,
    tags: w.tags,
    audience: w.audience ?? '',
    objectives: w.objectives,
    prerequisites: w.prerequisites ?? '',
    materials: w.materials.map((m) => ({ ...m })),
    isSeries: w.isSeries,
  };
}

/**
 * The request body, plus where each sent list item sits in the form: empty objective and
 * material rows are dropped, so `objectives.0` in an error may be the form's third row.
 */
function toBody(v: WorkshopFormValues) {
  const objectiveRows = v.objectives.map((o, i) => [o, i] as const).filter(([o]) => o.trim() !== '');
  const materialRows = v.materials.map((m, i) => [m, i] as const).filter(([m]) => m.title.trim() !== '' || m.url.trim() !== '');
  const duration =
    typeof v.durationMinutes === 'number' ? v.durationMinutes : v.durationMinutes.trim() === '' ? undefined : Number(v.durationMinutes);
  const body = {
    title: v.title,
    summary: v.summary,
    format: v.format ?? undefined,
    description: v.description,
    ...(duration === undefined ? {} : { durationMinutes: duration }),
    tags: v.tags,
    audience: v.audience.trim() === '' ? null : v.audience,
    objectives: objectiveRows.map(([o]) => o),
    prerequisites: v.prerequisites.trim() === '' ? null : v.prerequisites,
    materials: materialRows.map(([m]) => ({ title: m.title, url: m.url })),
    isSeries: v.isSeries,
  };
  return { body, index: { objectives: objectiveRows.map(([, i]) => i), materials: materialRows.map(([, i]) => i) } };
}

type IndexMap = ReturnType<typeof toBody>['index'];

/** Turn body paths ("materials.0.url") into form paths ("materials.2.url"). */
export function remapErrors(errors: FieldErrors, index: IndexMap): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const [list, n, ...rest] = key.split('.');
    if ((list === 'objectives' || list === 'materials') && n !== undefined && /^\d+$/.test(n)) {
      const formIndex = index[list][Number(n)] ?? Number(n);
      out[[list, String(formIndex), ...rest].join('.')] = message;
    } else {
      out[key] = message;
    }
  }
  if (out.format) out.format = 'Pick a format.';
  if (out.durationMinutes) out.durationMinutes = 'A session lasts 5 to 1440 minutes (24 hours); for longer, schedule several sessions.';
  return out;
}

export type Validated<T> = { ok: true; body: T; index: IndexMap } | { ok: false; errors: FieldErrors; index: IndexMap };

/** The form checked by the contract's schema for its body; errors land on the form's own rows. */
function checkedBy<S extends z.ZodType>(schema: S): (v: WorkshopFormValues) => Validated<z.output<S>> {
  const check = contractValidator(schema);
  return (v) => {
    const { body, index } = toBody(v);
    const errors = check(body);
    if (Object.keys(errors).length > 0) return { ok: false, errors: remapErrors(errors, index), index };
    return { ok: true, body: schema.parse(body), index };
  };
}

const checkCreate = checkedBy(createWorkshopBody);
const checkUpdate = checkedBy(updateWorkshopBody);

export function validateCreate(v: WorkshopFormValues): Validated<CreateWorkshopBody> {
  return checkCreate(v);
}

export function validateUpdate(v: WorkshopFormValues): Validated<UpdateWorkshopBody> {
  // A workshop keeps its format: the body may leave it out, the form may not.
  if (!v.format) return { ok: false, errors: { format: 'Pick a format.' }, index: toBody(v).index };
  return checkUpdate(v);
}
