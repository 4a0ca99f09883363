import { z } from 'zod';

/** True for IANA zone names this runtime knows ("Europe/Amsterdam", "UTC"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length > 0 && !/^[+-]?\d/.test(value);
  } catch {
    return false;
  }
}

export const id = z.string().min(1).max(64);
export const timeZone = z.string().max(64).refine(isTimeZone, { message: 'Unknown time zone: use an IANA name such as Europe/Amsterdam.' });
export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), { message: 'Must be an http(s) link.' });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 date-time, e.g. 2026-12-01T14:00:00Z.' });

export const listQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const personRef = z.object({ id: z.string(), name: z.string(), title: z.string().nullable() });
export type PersonRef = z.infer<typeof personRef>;

/** The `:id` of a path. */
export const idParams = z.strictObject({ id: z.string().min(1).max(64) });
