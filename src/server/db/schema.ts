/**
 * Row types of Lyceum's tables, as Kysely sees them. Timestamps are ISO-8601 UTC strings on
 * both databases (PostgreSQL's timestamptz is parsed back to that form in platform/db.ts);
 * list-valued columns (objectives, materials) hold JSON text so one migration fits both.
 */
import type { Generated } from 'kysely';

export interface PeopleTable {
  id: string;
  email: string;
  name: string;
  title: string | null;
  team: string | null;
  location: string | null;
  time_zone: string;
  manager_id: string | null;
  role: 'member' | 'admin';
  created_at: string;
  updated_at: string;
}

export interface ApiTokensTable {
  id: string;
  person_id: string;
  name: string;
  token_hash: string;
  hint: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginSessionsTable {
  id: string;
  person_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface WorkshopsTable {
  id: string;
  title: string;
  summary: string;
  description: string;
  audience: string | null;
  objectives: string;
  prerequisites: string | null;
  format: 'talk' | 'hands_on_lab' | 'discussion' | 'course' | 'office_hours';
  duration_minutes: number;
  materials: string;
  status: 'draft' | 'published';
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface WorkshopHostsTable {
  workshop_id: string;
  person_id: string;
  role: 'owner' | 'cohost';
  added_at: string;
}

export interface WorkshopTagsTable {
  workshop_id: string;
  tag: string;
}

export interface SessionsTable {
  id: string;
  workshop_id: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  mode: 'in_person' | 'online' | 'hybrid';
  location: string | null;
  video_url: string | null;
  seats: number | null;
  status: 'scheduled' | 'cancelled';
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  people: PeopleTable;
  api_tokens: ApiTokensTable;
  login_sessions: LoginSessionsTable;
  workshops: WorkshopsTable;
  workshop_hosts: WorkshopHostsTable;
  workshop_tags: WorkshopTagsTable;
  sessions: SessionsTable;
}

// Kept for future tables with generated columns.
export type { Generated };
