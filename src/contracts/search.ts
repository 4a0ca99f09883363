import { z } from 'zod';
import { isoDateTime, personRef } from './common.js';
import { seatPool } from './registrations.js';
import { sessionMode } from './sessions.js';
import { workshopFormat } from './workshops.js';

/**
 * `?tag=a&tag=b` or `?tag=a`: always a list, empty when absent. The absence is a `default`, not a
 * preprocess step, so the OpenAPI document (which cannot see inside a preprocess) knows the
 * parameter is optional.
 */
const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item).max(20)).default([]);

export const searchSorts = ['relevance', 'soonest', 'popular', 'newest'] as const;

export const searchQuery = z.strictObject({
  /** Any text: quotes, `*`, `:`, emoji… are taken as plain words. */
  q: z.string().max(20_000).optional(),
  tag: many(z.string().trim().max(40)),
  /** Channel slugs. */
  channel: many(z.string().trim().max(80)),
  mode: many(sessionMode),
  format: many(workshopFormat),
  location: many(z.string().trim().max(300)),
  /** Host person ids. */
  host: many(z.string().trim().max(64)),
  language: z.string().trim().max(10).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  hasSeats: z.stringbool().optional(),
  /** Default: relevance with a query, soonest without. */
  sort: z.enum(searchSorts).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.input<typeof searchQuery>;

export const searchSession = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  mode: sessionMode,
  location: z.string().nullable(),
  seats: z.number().nullable(),
  onlineSeats: z.number().nullable(),
  /** Free seats (in person and online together); null when unlimited. */
  seatsLeft: z.number().nullable(),
  waitlistCount: z.number(),
  /** Each pool on its own (a hybrid session has two: in person, then online); capacity and left are null when unlimited. */
  pools: z.array(z.object({ pool: seatPool, capacity: z.number().nullable(), left: z.number().nullable(), waiting: z.number() })),
});

export const searchHit = z.object({
  workshop: z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    format: workshopFormat,
    language: z.string(),
    tags: z.array(z.string()),
    channels: z.array(z.object({ slug: z.string(), name: z.string() })),
    hosts: z.array(personRef),
    popularity: z.number(),
    /** When it was published (when it was created, for workshops published before this was recorded). */
    publishedAt: z.string(),
  }),
  /** The next session (matching the session filters, when there are any); null when none is scheduled. */
  nextSession: searchSession.nullable(),
  /** Whether a session of the workshop has a recording ("Recording available"). */
  hasRecording: z.boolean(),
  /** An excerpt with the matched words in <mark>; everything else is escaped text. Null without q. */
  highlight: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }));
export type Facet = z.infer<typeof facet>;

export const searchResponse = z.object({
  items: z.array(searchHit),
  facets: z.object({ tags: facet, channels: facet, modes: facet, formats: facet, locations: facet }),
  /** Workshops matching in all (not just this page). */
  total: z.number(),
  nextCursor: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof searchResponse>;
