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
  // Optional here: written by the lifecycle only; a new person gets the database's defaults.
  /** 1, or 0 once deactivated (20261202T1600_people_lifecycle_and_audit). */
  active?: number;
  deactivated_at?: string | null;
  deactivated_by?: string | null;
  erased_at?: string | null;
  /** 'manual': an admin set the role; 'directory': the identity provider's groups did. */
  role_source?: 'manual' | 'directory';
  /** SCIM (20261203T0700_scim): the provider's userName when it is not the email, lower-cased. */
  scim_user_name?: string | null;
  /** SCIM externalId: the provider's own id for the person. */
  external_id?: string | null;
  /** The provider deleted the person: kept (deactivated) for the figures, 404 to SCIM. */
  scim_deleted_at?: string | null;
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
  /** `read` tokens may only look; `write` tokens act fully as their person (the default). */
  scope: Generated<'read' | 'write'>;
  /** Null: never expires. */
  expires_at: string | null;
}

export interface LoginSessionsTable {
  id: string;
  person_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** OIDC sign-ins: the ID token, sealed (oidc.state.ts), for `id_token_hint` when signing out of the provider (20261203T0710). Never logged. */
  id_token?: string | null;
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
  /** 1 when the sessions belong together (register for all parts); SQLite has no boolean. */
  is_series: Generated<number>;
  /** The language it is taught in, as a short code ("en", "de"). */
  language: Generated<string>;
  /** Registrations of the last year, refreshed periodically, for "most popular". */
  popularity: Generated<number>;
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
  online_seats: number | null;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  promotion: Generated<'auto' | 'offer'>;
  offer_hours: Generated<number>;
  check_in_code: string | null;
  status: 'scheduled' | 'cancelled';
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
  /** Seats held in each pool (enrolled, offered, attended), kept by triggers on registrations. */
  in_person_taken: Generated<number>;
  online_taken: Generated<number>;
  /** Places waiting in each pool (waitlisted), kept by triggers on registrations. */
  in_person_waiting: Generated<number>;
  online_waiting: Generated<number>;
  /** The start the hosts were warned of low turnout for. */
  low_turnout_warned_for: Generated<string | null>;
  /** After the session (20261203T0730): its recording, its own materials (JSON [{ title, url }]), when a recording first came. */
  recording_url: Generated<string | null>;
  session_materials: Generated<string | null>;
  recording_added_at: Generated<string | null>;
}

export type RegistrationStatus = 'enrolled' | 'waitlisted' | 'offered' | 'cancelled' | 'attended' | 'no_show';
export type SeatPool = 'in_person' | 'online';

export interface RegistrationsTable {
  id: string;
  session_id: string;
  person_id: string;
  /** The seat pool: the session's own mode, or the chosen one for hybrid sessions. */
  mode: SeatPool;
  status: RegistrationStatus;
  /** Waitlist position within the pool, 1-based and gap-free; null unless waitlisted. */
  position: number | null;
  offer_expires_at: string | null;
  late_cancellation: number;
  walk_in: number;
  series_key: string | null;
  checked_in_at: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
  /** The session start its 48-hour and 1-hour reminders were queued for; the thank-you's time. */
  reminded_48h_for: Generated<string | null>;
  reminded_1h_for: Generated<string | null>;
  thanked_at: Generated<string | null>;
}

export interface IdempotencyKeysTable {
  person_id: string;
  key: string;
  request: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface SessionMessagesTable {
  id: string;
  session_id: string;
  author_id: string;
  subject: string;
  body: string;
  created_at: string;
}

export type ChecklistPhase = 'analysis' | 'design' | 'development' | 'implementation' | 'evaluation';
export type ChecklistTiming = 'before' | 'during' | 'after';

export interface ChecklistTemplatesTable {
  id: string;
  name: string;
  description: string;
  /** JSON array of workshop formats the template suits. */
  formats: string;
  status: 'active' | 'retired';
  /** The published version new runs use. */
  current_version: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChecklistVersionsTable {
  id: string;
  template_id: string;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  created_at: string;
  published_at: string | null;
}

export interface ChecklistItemsTable {
  id: string;
  version_id: string;
  /** Stable across versions: answers follow it when a run is upgraded. */
  key: string;
  position: number;
  phase: ChecklistPhase;
  timing: ChecklistTiming;
  text: string;
  guidance: string;
  offset_days: number | null;
  /** JSON array of { title, url }. */
  links: string;
}

export interface ChecklistRunsTable {
  id: string;
  workshop_id: string;
  template_id: string;
  version_id: string;
  show_on_workshop: number;
  reminders: number;
  confidence_before: number | null;
  confidence_after: number | null;
  started_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChecklistAnswersTable {
  run_id: string;
  item_key: string;
  answer: 'yes' | 'no' | 'na' | null;
  note: string | null;
  answered_by: string | null;
  answered_at: string;
}

/** Open items of runs whose hosts opted in to reminders, with when each is due. */
export interface ChecklistRemindersTable {
  run_id: string;
  item_key: string;
  due_at: string;
}

export interface ChecklistSuggestionsTable {
  id: string;
  template_id: string;
  item_key: string | null;
  item_text: string | null;
  kind: 'reword' | 'add' | 'remove';
  text: string;
  reason: string;
  phase: ChecklistPhase | null;
  timing: ChecklistTiming | null;
  status: 'open' | 'accepted' | 'declined';
  reply: string | null;
  applied_version: number | null;
  author_id: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface ChannelsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** A Slack incoming webhook: new sessions of the channel's workshops are announced there. */
  slack_webhook_url: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface ChannelOwnersTable {
  channel_id: string;
  person_id: string;
}

export interface WorkshopChannelsTable {
  workshop_id: string;
  channel_id: string;
}

export interface FollowsTable {
  person_id: string;
  kind: 'channel' | 'host';
  target_id: string;
  created_at: string;
}

export interface WorkshopInterestTable {
  workshop_id: string;
  person_id: string;
  created_at: string;
}

export interface WorkshopRequestsTable {
  id: string;
  title: string;
  description: string;
  author_id: string;
  status: 'open' | 'claimed' | 'answered';
  claimed_by: string | null;
  workshop_id: string | null;
  votes: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RequestVotesTable {
  request_id: string;
  person_id: string;
  created_at: string;
}

/**
 * The full-text document of a workshop. SQLite: an FTS5 table (title, summary, description,
 * tags, channels, hosts); PostgreSQL: title plus a weighted tsvector. Only search-index.repository.ts touches it.
 */
/**
 * What changed for search (20261203T0800), written by triggers: the workshop whose search data
 * changed, or null when the channel list did. Instances read it to keep their in-memory index.
 */
export interface SearchChangesTable {
  seq: Generated<number>;
  workshop_id: string | null;
  changed_at: Generated<string>;
}

/**
 * What changed in personal calendar feeds (20261204T0000), written by triggers for people who
 * have a feed: a feed's version is the sum of its person's numbers, its Last-Modified the latest.
 */
export interface CalendarChangesTable {
  seq: Generated<number>;
  person_id: string;
  changed_at: Generated<string>;
}

export interface WorkshopSearchTable {
  workshop_id: string;
  title: string;
  summary?: string;
  description?: string;
  tags?: string;
  channels?: string;
  hosts?: string;
  document?: string;
}

export interface OutboxTable {
  id: string;
  /** Where the message goes: email, a Slack channel's webhook, a Slack direct message, an integrator's webhook. */
  channel: 'email' | 'slack' | 'slack_dm' | 'webhook';
  /** The message type, e.g. 'registration.enrolled'. */
  topic: string;
  dedup_key: string;
  /** JSON: what the message is about (ids, the invitation's sequence), rendered when delivered. */
  payload: string;
  person_id: string | null;
  session_id: string | null;
  /** For webhook deliveries: the subscription (its delivery log). */
  subscription_id: string | null;
  status: Generated<'pending' | 'done' | 'dead'>;
  attempts: Generated<number>;
  run_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface MailboxTable {
  id: string;
  outbox_id: string;
  person_id: string | null;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  calendar: string | null;
  created_at: string;
}

export interface CalendarInvitesTable {
  session_id: string;
  person_id: string;
  sequence: number;
  updated_at: string;
}

export interface CalendarFeedsTable {
  person_id: string;
  /** SHA-256 of the secret in the feed's address; the address itself is shown once. */
  token_hash: string;
  /** Its last four characters, to tell addresses apart. */
  hint: string;
  created_at: string;
}

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  description: Generated<string>;
  /** JSON list of event types. */
  events: string;
  secret: string;
  active: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationPreferencesTable {
  person_id: string;
  /** A kind of message (see notifications/preferences.ts). */
  kind: string;
  channel: 'email' | 'slack' | 'none';
  updated_at: string;
}

export interface FeedbackQuestionsTable {
  id: string;
  workshop_id: string;
  position: number;
  kind: 'rating' | 'text';
  prompt: string;
  created_at: string;
  updated_at: string;
}

/** One ended session's feedback: opened when it ends, closed 14 days later, summarized to the hosts once. */
export interface FeedbackRoundsTable {
  session_id: string;
  workshop_id: string;
  ended_at: string;
  closes_at: string;
  summary_sent_at: string | null;
  created_at: string;
}

export type FeedbackStatus = 'open' | 'answered' | 'declined';

/** One person asked about one session, and their answer (null fields until they answer). */
export interface FeedbackTable {
  id: string;
  session_id: string;
  workshop_id: string;
  person_id: string;
  status: FeedbackStatus;
  asked_at: string;
  closes_at: string;
  reminded_at: string | null;
  answered_at: string | null;
  rating: number | null;
  usefulness: number | null;
  worked: string | null;
  improve: string | null;
  /** 1 yes, 0 no, null not said (SQLite has no boolean). */
  will_apply: number | null;
  apply_how: string | null;
  nps: number | null;
  /** JSON object: question id → number (rating) or string (text). */
  answers: Generated<string>;
  signed: Generated<number>;
  updated_at: string;
}

export type AppliedAnswer = 'not_yet' | 'a_little' | 'a_lot';

/** "Have you applied it?", asked of those who planned to, some weeks after the session. */
export interface FeedbackFollowUpsTable {
  id: string;
  feedback_id: string;
  person_id: string;
  session_id: string;
  due_at: string;
  sent_at: string | null;
  applied: AppliedAnswer | null;
  example: string | null;
  answered_at: string | null;
  created_at: string;
}

/** Settings the admins change in the app; `value` is JSON. */
export interface OrgSettingsTable {
  key: string;
  value: string;
  updated_by: string | null;
  updated_at: string;
}

/** People the admins chose to see the education dashboard read-only. */
export interface DashboardViewersTable {
  person_id: string;
  added_by: string | null;
  added_at: string;
}

/** Per session: its registrations and feedback counted (kept by triggers; 20261202T1500_analytics_rollups). */
export interface SessionTalliesTable {
  session_id: string;
  seats: number;
  attended: number;
  no_shows: number;
  waitlisted: number;
  late_cancellations: number;
  asked: number;
  declined: number;
  answered: number;
  ratings: number;
  rating_sum: number;
  rating_1: number;
  rating_2: number;
  rating_3: number;
  rating_4: number;
  rating_5: number;
  usefulness_n: number;
  usefulness_sum: number;
}

/** Per person and UTC day (YYYY-MM-DD): scheduled sessions starting that day they attended (kept by triggers). */
export interface LearningDaysTable {
  person_id: string;
  day: string;
  sessions: number;
}

/** Per person and 60-month block: bit k set when they attended in month block × 60 + k (kept by triggers). */
export interface LearnerMonthsTable {
  person_id: string;
  block: number;
  mask: number | string | bigint;
}

/** Append-only: who did what, when, from where (20261202T1600_people_lifecycle_and_audit). */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  /** Who, as shown: a name and email at the time, "SCIM", "system"; kept after an erasure. */
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: string;
  /** JSON, or null. */
  details: string | null;
  ip: string | null;
  request_id: string | null;
}

/** A manager's suggestion of a workshop to one of their reports (20261202T1630_manager_suggestions). */
export interface ManagerSuggestionsTable {
  id: string;
  manager_id: string;
  person_id: string;
  workshop_id: string;
  note: string | null;
  created_at: string;
}

/** An AuthnRequest this deployment sent (SAML single sign-on): its response is taken once, before expires_at. */
export interface SamlRequestsTable {
  id: string;
  created_at: string;
  expires_at: string;
  next: Generated<string>;
}

/** A group of the identity provider's (SCIM): members of the admin groups are admins. */
export interface ScimGroupsTable {
  id: string;
  display_name: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ScimGroupMembersTable {
  group_id: string;
  person_id: string;
}

/** A SCIM bearer token made with `lyceum scim-token create`: only its SHA-256 is kept. */
export interface ScimTokensTable {
  id: string;
  token_hash: string;
  hint: string;
  created_at: string;
  revoked_at: string | null;
}

/** A SAML assertion already taken, kept until it would expire anyway: a replay is refused. */
export interface SamlAssertionsTable {
  id: string;
  expires_at: string;
}

export interface Database {
  channels: ChannelsTable;
  channel_owners: ChannelOwnersTable;
  workshop_channels: WorkshopChannelsTable;
  follows: FollowsTable;
  workshop_interest: WorkshopInterestTable;
  workshop_requests: WorkshopRequestsTable;
  request_votes: RequestVotesTable;
  workshop_search: WorkshopSearchTable;
  search_changes: SearchChangesTable;
  calendar_changes: CalendarChangesTable;
  checklist_templates: ChecklistTemplatesTable;
  checklist_versions: ChecklistVersionsTable;
  checklist_items: ChecklistItemsTable;
  checklist_runs: ChecklistRunsTable;
  checklist_answers: ChecklistAnswersTable;
  checklist_reminders: ChecklistRemindersTable;
  checklist_suggestions: ChecklistSuggestionsTable;
  registrations: RegistrationsTable;
  idempotency_keys: IdempotencyKeysTable;
  session_messages: SessionMessagesTable;
  people: PeopleTable;
  api_tokens: ApiTokensTable;
  login_sessions: LoginSessionsTable;
  workshops: WorkshopsTable;
  workshop_hosts: WorkshopHostsTable;
  workshop_tags: WorkshopTagsTable;
  sessions: SessionsTable;
  outbox: OutboxTable;
  mailbox: MailboxTable;
  calendar_invites: CalendarInvitesTable;
  calendar_feeds: CalendarFeedsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  notification_preferences: NotificationPreferencesTable;
  feedback_questions: FeedbackQuestionsTable;
  feedback_rounds: FeedbackRoundsTable;
  feedback: FeedbackTable;
  feedback_follow_ups: FeedbackFollowUpsTable;
  org_settings: OrgSettingsTable;
  dashboard_viewers: DashboardViewersTable;
  session_tallies: SessionTalliesTable;
  learning_days: LearningDaysTable;
  learner_months: LearnerMonthsTable;
  audit_log: AuditLogTable;
  manager_suggestions: ManagerSuggestionsTable;
  saml_requests: SamlRequestsTable;
  scim_groups: ScimGroupsTable;
  scim_group_members: ScimGroupMembersTable;
  scim_tokens: ScimTokensTable;
  saml_assertions: SamlAssertionsTable;
}
