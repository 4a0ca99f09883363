import type { WorkshopsTable } from '../../server/db/schema.js';
import type { TeamName } from './demo-people.js';

export type WorkshopFormat = WorkshopsTable['format'];
export type SessionMode = 'in_person' | 'online' | 'hybrid';

/** Who hosts: someone from a team, optionally with a word in their title ("SRE", "Designer"). */
export type HostPick = { team: TeamName; title?: string } | { email: string };

export interface ScheduleHints {
  /** How many sessions to plan; default: 1–4 at random for published workshops, none for drafts. */
  count?: number;
  /** Only upcoming sessions: the workshop is new. */
  fresh?: boolean;
  /** A weekly series on one weekday (1 = Monday), starting `fromWeek` weeks from this week. */
  series?: { weekday: 1 | 2 | 3 | 4 | 5; fromWeek: number; count: number; hour: number; minute?: number };
  /** Indexes, in start order, of sessions that were cancelled. */
  cancel?: number[];
  /** Restrict the modes this workshop runs in. */
  modes?: SessionMode[];
  /** Fixed seats for every session (null: unlimited). */
  seats?: number | null;
}

export interface WorkshopSpec {
  title: string;
  summary: string;
  description: string;
  audience: string;
  /** Each completes "You will be able to …". */
  objectives: string[];
  prerequisites: string | null;
  format: WorkshopFormat;
  durationMinutes: number;
  tags: string[];
  materials: { title: string; url: string }[];
  owner: HostPick;
  cohosts?: HostPick[];
  draft?: boolean;
  schedule?: ScheduleHints;
}
