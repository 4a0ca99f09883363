import type { Config } from './config.js';
import { attendanceRepository } from './modules/analytics/attendance.repository.js';
import { AttendanceService } from './modules/analytics/attendance.service.js';
import { overviewRepository } from './modules/analytics/overview.repository.js';
import { OverviewService } from './modules/analytics/overview.service.js';
import { AnalyticsSettingsService } from './modules/analytics/settings.service.js';
import { tablesRepository } from './modules/analytics/tables.repository.js';
import { AnalyticsTablesService } from './modules/analytics/tables.service.js';
import { viewersRepository } from './modules/analytics/viewers.repository.js';
import { DashboardViewersService } from './modules/analytics/viewers.service.js';
import { weeklyRepository } from './modules/analytics/weekly.repository.js';
import { WeeklySummaryService } from './modules/analytics/weekly.service.js';
import { auditRepository } from './modules/audit/audit.repository.js';
import { AuditService } from './modules/audit/audit.service.js';
import { authRepository } from './modules/auth/auth.repository.js';
import { AuthService } from './modules/auth/auth.service.js';
import { calendarInvitations } from './modules/calendar/calendar.js';
import type { FeedVersion } from './modules/calendar/calendar.repository.js';
import { calendarRepository } from './modules/calendar/calendar.repository.js';
import { CALENDAR_TOPIC, CalendarService, FEED_VERSION_TTL_MS } from './modules/calendar/calendar.service.js';
import { catalogRepository } from './modules/catalog/catalog.repository.js';
import { CatalogService } from './modules/catalog/catalog.service.js';
import { searchRepository } from './modules/catalog/search.repository.js';
import { SearchService } from './modules/catalog/search.service.js';
import { searchIndex } from './modules/catalog/search-index.repository.js';
import { SearchKeeper } from './modules/catalog/search-keeper.js';
import { channelsRepository } from './modules/channels/channels.repository.js';
import { ChannelsService } from './modules/channels/channels.service.js';
import { recommendationsRepository } from './modules/channels/recommendations.repository.js';
import { RecommendationsService } from './modules/channels/recommendations.service.js';
import { AdoptionService } from './modules/checklists/adoption.service.js';
import { checklistsRepository } from './modules/checklists/checklists.repository.js';
import { RunsService } from './modules/checklists/runs.service.js';
import { suggestionsRepository } from './modules/checklists/suggestions.repository.js';
import { SuggestionsService } from './modules/checklists/suggestions.service.js';
import { TemplatesService } from './modules/checklists/templates.service.js';
import { FeedbackExportsService } from './modules/feedback/exports.service.js';
import { feedbackRepository } from './modules/feedback/feedback.repository.js';
import { FeedbackService } from './modules/feedback/feedback.service.js';
import { followUpsRepository } from './modules/feedback/follow-ups.repository.js';
import { FollowUpsService } from './modules/feedback/follow-ups.service.js';
import { questionsRepository } from './modules/feedback/questions.repository.js';
import { FeedbackQuestionsService } from './modules/feedback/questions.service.js';
import { roundsRepository } from './modules/feedback/rounds.repository.js';
import { FeedbackRoundsService } from './modules/feedback/rounds.service.js';
import { FeedbackSettingsService } from './modules/feedback/settings.service.js';
import { summaryRepository } from './modules/feedback/summary.repository.js';
import { FeedbackSummaryService } from './modules/feedback/summary.service.js';
import { mailboxRepository } from './modules/integrations/email/mailbox.repository.js';
import { MailboxService } from './modules/integrations/email/mailbox.service.js';
import { WebhookEvents } from './modules/integrations/webhooks/webhook-events.js';
import { webhooksRepository } from './modules/integrations/webhooks/webhooks.repository.js';
import { WebhooksService } from './modules/integrations/webhooks/webhooks.service.js';
import { MessageComposer } from './modules/notifications/composer.js';
import { deliveryRepository } from './modules/notifications/delivery.repository.js';
import { invitesRepository } from './modules/notifications/invites.repository.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { Notifier } from './modules/notifications/notifier.js';
import { preferencesRepository } from './modules/notifications/preferences.repository.js';
import { remindersRepository } from './modules/notifications/reminders.repository.js';
import { RemindersService } from './modules/notifications/reminders.service.js';
import { erasureRepository } from './modules/people/erasure.repository.js';
import { leaversRepository } from './modules/people/leavers.repository.js';
import { LeaversService } from './modules/people/leavers.service.js';
import { peopleRepository } from './modules/people/people.repository.js';
import { PeopleService } from './modules/people/people.service.js';
import { leaverSeats } from './modules/registrations/leaver-seats.js';
import { registrationsRepository } from './modules/registrations/registrations.repository.js';
import { RegistrationsService } from './modules/registrations/registrations.service.js';
import { rosterRepository } from './modules/registrations/roster.repository.js';
import { RosterService } from './modules/registrations/roster.service.js';
import { seatFiller } from './modules/registrations/seat-ledger.js';
import { SeriesService } from './modules/registrations/series.service.js';
import { requestsRepository } from './modules/requests/requests.repository.js';
import { RequestsService } from './modules/requests/requests.service.js';
import { scimRepository } from './modules/scim/scim.repository.js';
import { ScimService } from './modules/scim/scim.service.js';
import { sessionsRepository } from './modules/sessions/sessions.repository.js';
import { SessionsService } from './modules/sessions/sessions.service.js';
import { teamRepository } from './modules/team/team.repository.js';
import { TeamService } from './modules/team/team.service.js';
import { WorkshopPages } from './modules/workshops/workshop-pages.js';
import { workshopsRepository } from './modules/workshops/workshops.repository.js';
import { WorkshopsService } from './modules/workshops/workshops.service.js';
import { AccessChecker, accessRepository } from './platform/access/index.js';
import { type ChangeSignals, openChangeSignals } from './platform/change-signals.js';
import { credentialChanges } from './platform/credential-changes.js';
import type { DbHandle } from './platform/db.js';
import { orgSettingsRepository } from './platform/org-settings.repository.js';
import { createAddressPolicy, createOutbound } from './platform/outbound/index.js';
import { outboxRepository } from './platform/outbox/outbox.repository.js';
import { SignalledCache } from './platform/signalled-cache.js';
import { openSqliteReaders } from './platform/sqlite-readers.js';
import { createTransactor } from './platform/transaction.js';

/**
 * Every repository and service of the app, built once. This is the only file that knows which
 * module's code fills which other module's port (the notifier behind the sessions service, the
 * search behind channels): modules themselves never import another module's service.
 */
export function createContainer(config: Config, database: DbHandle) {
  const tx = createTransactor(database.db);
  // "Something changed" for the caches each instance keeps (tokens, search): LISTEN/NOTIFY on PostgreSQL.
  const signals = openChangeSignals(config.database, database.db, config.databaseListenUrl);
  // Who someone is to Lyceum changed (tokens, sessions, deactivation, role): every instance's credential cache forgets them.
  const credentials = credentialChanges(signals);
  // The only way out of the server: webhooks and Slack never reach internal addresses.
  const outbound = createOutbound({
    policy: createAddressPolicy(config.outbound.allowedNetworks),
    timeoutMs: config.outbox.webhookTimeoutMs,
  });
  const access = new AccessChecker(accessRepository);

  // Valid tokens and sessions answered from memory for AUTH_CACHE_MS, but only while other instances' changes are heard.
  const auth = new AuthService(tx, authRepository, credentials, { ttlMs: config.authCacheMs, live: () => signals.status().listening });
  auth.listenTo(signals);
  const audit = new AuditService(tx, auditRepository, access);
  const people = new PeopleService(tx, peopleRepository);
  // Workshop pages answered from memory on PostgreSQL, dropped by the triggers' signals (workshop-pages.ts).
  const workshopPages = new WorkshopPages(
    workshopsRepository,
    database.dialect === 'postgres' ? { ttlMs: config.workshopPageCacheMs, signals } : undefined,
  );
  const workshops = new WorkshopsService(tx, workshopsRepository, peopleRepository, searchIndex, workshopPages);
  const webhookEvents = new WebhookEvents(outboxRepository, webhooksRepository);
  const notifier = new Notifier(
    outboxRepository,
    invitesRepository,
    {
      takeInterest: channelsRepository.takeInterest,
      slackChannelsOf: channelsRepository.slackChannelsOf,
      interestedIn: channelsRepository.interestedIn,
    },
    webhookEvents,
  );
  const seats = seatFiller({ registrations: registrationsRepository, sessions: sessionsRepository, notifier });
  // People who leave: their places to come go back through the seat ledger.
  const leavers = new LeaversService(
    tx,
    access,
    leaversRepository,
    leaverSeats({ registrations: registrationsRepository, sessions: sessionsRepository, notifier }),
    notifier,
    erasureRepository,
    credentials,
  );
  // SCIM provisioning: the identity provider's active:false is the same deactivation as an admin's.
  const scim = new ScimService(
    tx,
    scimRepository,
    leavers,
    {
      tokenHash: config.scim.tokenHash,
      adminGroups: config.scim.adminGroups,
      baseUrl: `${config.publicUrl}/scim/v2`,
    },
    credentials,
  );
  const sessions = new SessionsService(tx, sessionsRepository, registrationsRepository, access, notifier, seats, workshopPages);
  const registrations = new RegistrationsService(tx, access, registrationsRepository, sessionsRepository, peopleRepository, notifier);
  const roster = new RosterService(tx, access, rosterRepository, registrationsRepository, registrations, sessions);
  const series = new SeriesService(tx, access, registrationsRepository, sessionsRepository, notifier);
  // Search answers from memory, kept from the change log the triggers write (search-keeper.ts).
  const searchKeeper = new SearchKeeper(tx, searchRepository, database.dialect === 'postgres', signals);
  const search = new SearchService(tx, searchRepository, registrationsRepository, searchKeeper);
  const catalog = new CatalogService(tx, catalogRepository, workshopsRepository, registrationsRepository);
  const templates = new TemplatesService(tx, checklistsRepository, access);
  const checklists = {
    templates,
    runs: new RunsService(tx, checklistsRepository, templates, access, workshopPages),
    suggestions: new SuggestionsService(tx, suggestionsRepository, checklistsRepository, templates, access),
    adoption: new AdoptionService(tx, checklistsRepository, access),
  };
  const channels = new ChannelsService(tx, channelsRepository, peopleRepository, access, search, searchIndex, outbound, workshopPages);
  const recommendations = new RecommendationsService(tx, recommendationsRepository, channelsRepository, peopleRepository, search);
  const requests = new RequestsService(tx, requestsRepository, access);
  const team = new TeamService(tx, teamRepository, access, notifier);
  const webhooks = new WebhooksService(tx, webhooksRepository, webhookEvents, outbound);
  const notifications = new NotificationsService(tx, outboxRepository, mailboxRepository, preferencesRepository, {
    slackAvailable: config.slack.botToken !== undefined,
  });
  const calendar = new CalendarService(
    tx,
    calendarRepository,
    sessions,
    { publicUrl: config.publicUrl, mailFrom: config.mail.from },
    feedVersionCache(database.dialect, signals),
  );
  // What the email and Slack deliverers send: the notifications module writes it, with the calendar module's invitations.
  const composer = new MessageComposer(
    deliveryRepository,
    calendarInvitations({ mailFrom: config.mail.from, publicUrl: config.publicUrl }),
    { publicUrl: config.publicUrl },
  );
  const mailbox = new MailboxService(tx, mailboxRepository);
  const reminders = new RemindersService(tx, remindersRepository, checklistsRepository, notifier);
  const feedbackSettings = new FeedbackSettingsService(tx, orgSettingsRepository, access);
  const feedbackRounds = new FeedbackRoundsService(tx, feedbackRepository, notifier, roundsRepository);
  const feedback = {
    settings: feedbackSettings,
    rounds: feedbackRounds,
    followUps: new FollowUpsService(tx, followUpsRepository),
    questions: new FeedbackQuestionsService(tx, access, questionsRepository),
    summary: new FeedbackSummaryService(
      tx,
      access,
      summaryRepository,
      questionsRepository,
      feedbackRepository,
      checklistsRepository,
      workshopsRepository,
    ),
    exports: new FeedbackExportsService(tx, access, summaryRepository, questionsRepository, feedbackRepository),
    learners: new FeedbackService(
      tx,
      access,
      feedbackRepository,
      questionsRepository,
      workshopsRepository,
      feedbackRounds,
      feedbackSettings,
      notifier,
    ),
  };

  // The education dashboard: its services are added here as they land.
  const analyticsSettings = new AnalyticsSettingsService(tx, orgSettingsRepository, access);
  // SQLite files: the figures are read in worker threads (platform/sqlite-readers.ts); PostgreSQL's pool already reads in parallel.
  const target = config.database;
  const analyticsReader =
    database.dialect === 'sqlite' && target.dialect === 'sqlite' && target.path !== ':memory:' && config.analyticsReaders > 0
      ? openSqliteReaders(target.path, config.analyticsReaders)
      : undefined;
  const analytics = {
    settings: analyticsSettings,
    reader: analyticsReader,
    overview: new OverviewService(tx, access, overviewRepository, analyticsSettings, analyticsReader ?? tx.executor),
    tables: new AnalyticsTablesService(tx, tablesRepository, access, analyticsReader ?? tx.executor),
    attendance: new AttendanceService(tx, attendanceRepository, access, undefined, analyticsReader ?? tx.executor),
    viewers: new DashboardViewersService(tx, viewersRepository, access),
    weekly: new WeeklySummaryService(tx, weeklyRepository, orgSettingsRepository, notifier),
  };

  return {
    config,
    database,
    tx,
    outbound,
    access,
    auth,
    audit,
    people,
    leavers,
    scim,
    workshops,
    sessions,
    registrations,
    roster,
    series,
    search,
    catalog,
    checklists,
    feedback,
    analytics,
    channels,
    recommendations,
    requests,
    team,
    webhooks,
    notifications,
    reminders,
    notifier,
    calendar,
    composer,
    mailbox,
    signals,
    credentials,
  };
}

/**
 * Calendar feed versions kept in memory where triggers signal every change to every instance
 * (PostgreSQL, migration 20261204T0100); on SQLite the command line or plain SQL in another
 * process would change a feed unheard, so each request reads its version.
 */
function feedVersionCache(dialect: DbHandle['dialect'], signals: ChangeSignals): SignalledCache<FeedVersion> | undefined {
  if (dialect !== 'postgres') return undefined;
  const cache = new SignalledCache<FeedVersion>(FEED_VERSION_TTL_MS, () => signals.status().listening);
  cache.listenTo(signals, CALENDAR_TOPIC);
  return cache;
}

export type Container = ReturnType<typeof createContainer>;
