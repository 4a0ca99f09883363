import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import type { Config } from './config.js';
import { authRepository } from './modules/auth/auth.repository.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { catalogRepository } from './modules/catalog/catalog.repository.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { CatalogService } from './modules/catalog/catalog.service.js';
import { searchRepository } from './modules/catalog/search.repository.js';
import { SearchService } from './modules/catalog/search.service.js';
import { searchIndex } from './modules/catalog/search-index.repository.js';
import { channelsRepository } from './modules/channels/channels.repository.js';
import { channelsRoutes } from './modules/channels/channels.routes.js';
import { ChannelsService } from './modules/channels/channels.service.js';
import { recommendationsRepository } from './modules/channels/recommendations.repository.js';
import { RecommendationsService } from './modules/channels/recommendations.service.js';
import { AdoptionService } from './modules/checklists/adoption.service.js';
import { checklistsRepository } from './modules/checklists/checklists.repository.js';
import { checklistsRoutes } from './modules/checklists/checklists.routes.js';
import { RunsService } from './modules/checklists/runs.service.js';
import { suggestionsRepository } from './modules/checklists/suggestions.repository.js';
import { SuggestionsService } from './modules/checklists/suggestions.service.js';
import { TemplatesService } from './modules/checklists/templates.service.js';
import { calendarRepository } from './modules/notifications/calendar.repository.js';
import { deliveryRepository } from './modules/notifications/delivery.repository.js';
import { emailDelivery } from './modules/notifications/email.js';
import { invitesRepository } from './modules/notifications/invites.repository.js';
import { mailboxRepository } from './modules/notifications/mailbox.repository.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { Notifier } from './modules/notifications/notifier.js';
import { outboxRepository } from './modules/notifications/outbox.repository.js';
import { deliverTo, OutboxWorker } from './modules/notifications/outbox.worker.js';
import { preferencesRepository } from './modules/notifications/preferences.repository.js';
import { remindersRepository } from './modules/notifications/reminders.repository.js';
import { RemindersService } from './modules/notifications/reminders.service.js';
import { slackAnnouncements, slackDirectMessages } from './modules/notifications/slack.js';
import { webhookDelivery } from './modules/notifications/webhook-delivery.js';
import { WebhookEvents } from './modules/notifications/webhook-events.js';
import { webhooksRepository } from './modules/notifications/webhooks.repository.js';
import { webhooksRoutes } from './modules/notifications/webhooks.routes.js';
import { WebhooksService } from './modules/notifications/webhooks.service.js';
import { peopleRepository } from './modules/people/people.repository.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { PeopleService } from './modules/people/people.service.js';
import { registrationsRepository } from './modules/registrations/registrations.repository.js';
import { registrationsRoutes } from './modules/registrations/registrations.routes.js';
import { RegistrationsService } from './modules/registrations/registrations.service.js';
import { rosterRepository } from './modules/registrations/roster.repository.js';
import { RosterService } from './modules/registrations/roster.service.js';
import { SeriesService } from './modules/registrations/series.service.js';
import { requestsRepository } from './modules/requests/requests.repository.js';
import { requestsRoutes } from './modules/requests/requests.routes.js';
import { RequestsService } from './modules/requests/requests.service.js';
import { sessionsRepository } from './modules/sessions/sessions.repository.js';
import { sessionsRoutes } from './modules/sessions/sessions.routes.js';
import { SessionsService } from './modules/sessions/sessions.service.js';
import { workshopsRepository } from './modules/workshops/workshops.repository.js';
import { workshopsRoutes } from './modules/workshops/workshops.routes.js';
import { WorkshopsService } from './modules/workshops/workshops.service.js';
import { installAuthentication } from './platform/authenticate.js';
import { installCompression } from './platform/compression.js';
import { type DbHandle, ping } from './platform/db.js';
import { DATABASE_UNAVAILABLE_MESSAGE, unavailableReason } from './platform/db-errors.js';
import { installErrorHandling, sendError } from './platform/error-handler.js';
import type { Api } from './platform/http.js';
import { newId } from './platform/ids.js';
import { installInputGuards } from './platform/input-guards.js';
import { type PeriodicJob, startPeriodicJobs } from './platform/jobs.js';
import { loggerOptions } from './platform/logging.js';
import { installMetrics } from './platform/metrics.js';
import { installOpenApi } from './platform/openapi.js';
import { createAddressPolicy, createOutbound } from './platform/outbound/index.js';
import { installSecurityHeaders } from './platform/security-headers.js';
import { createTransactor } from './platform/transaction.js';
import { installWebApp } from './platform/web.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppOptions {
  config: Config;
  database: DbHandle;
  /** Tests pass false to keep output quiet. */
  logger?: boolean;
  /** Where log lines go instead of stdout (tests that read the log). */
  logStream?: DestinationStream;
  /** Run background sweeps (offer expiry, no-shows); `lyceum serve` does, tests call them directly. */
  runJobs?: boolean;
}

/** Builds the whole Lyceum app without listening: what main.ts serves and tests inject into. */
export async function buildApp({ config, database, logger = true, logStream, runJobs = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(config.logLevel, logStream) : false,
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => newId(),
    trustProxy: config.trustProxy,
  }).withTypeProvider() as unknown as Api;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // An empty body with a JSON content type (curl -X DELETE -H 'content-type: application/json')
  // means "no body", not malformed JSON; anything else is parsed strictly.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installSecurityHeaders(app, { hsts: config.secureCookies });
  if (config.compressResponses) await installCompression(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Too many attempts; try again in ${context.after}.`) as Error & { statusCode: number };
      error.statusCode = 429;
      return error;
    },
  });
  await installOpenApi(app, config);

  const tx = createTransactor(database.db);
  // The only way out of the server: webhooks and Slack never reach internal addresses.
  const outbound = createOutbound({
    policy: createAddressPolicy(config.outbound.allowedNetworks),
    timeoutMs: config.outbox.webhookTimeoutMs,
  });
  const auth = new AuthService(tx, authRepository);
  const people = new PeopleService(tx, peopleRepository);
  const workshops = new WorkshopsService(tx, workshopsRepository, peopleRepository, searchIndex);
  const webhookEvents = new WebhookEvents(outboxRepository, webhooksRepository);
  const notifier = new Notifier(
    outboxRepository,
    invitesRepository,
    { takeInterest: channelsRepository.takeInterest, slackChannelsOf: channelsRepository.slackChannelsOf },
    webhookEvents,
  );
  const sessions = new SessionsService(tx, sessionsRepository, workshopsRepository, workshops, registrationsRepository, notifier);
  const registrations = new RegistrationsService(
    tx,
    registrationsRepository,
    rosterRepository,
    sessionsRepository,
    peopleRepository,
    workshops,
    notifier,
  );
  const roster = new RosterService(tx, rosterRepository, registrationsRepository, sessionsRepository, registrations, sessions);
  const catalog = new CatalogService(tx, catalogRepository, workshopsRepository, registrationsRepository);
  const templates = new TemplatesService(tx, checklistsRepository, workshops);
  const checklists = {
    templates,
    runs: new RunsService(tx, checklistsRepository, templates, workshops),
    suggestions: new SuggestionsService(tx, suggestionsRepository, checklistsRepository, templates),
    adoption: new AdoptionService(tx, checklistsRepository),
  };

  installAuthentication(app, auth);
  installInputGuards(app);
  installMetrics(app, database, { outboxCounts: () => outboxRepository.countsByStatus(database.db) });

  const operations = ['operations'];
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: operations,
        operationId: 'getHealth',
        description: 'Answers 200 as long as the process runs, whatever the database does: restart the instance when it does not.',
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  const readiness = {
    tags: operations,
    operationId: 'getReadiness',
    description: 'Answers 200 when the database answers and 503 when it does not: send requests only to instances that are ready.',
    summary: 'Readiness',
    response: { 200: z.object({ status: z.literal('ready') }) },
  };
  app.get('/readyz', { config: { public: true }, schema: readiness }, async (request, reply) => {
    try {
      await ping(database.db);
      return { status: 'ready' as const };
    } catch (error) {
      // A lost connection is logged once by the pool; load balancers probe every few seconds.
      if (!unavailableReason(error)) request.log.warn({ err: error }, 'database not ready');
      return sendError(reply, request, 'database_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    }
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, auth, people, config);
  peopleRoutes(app, people);
  workshopsRoutes(app, workshops);
  sessionsRoutes(app, sessions);
  const search = new SearchService(tx, searchRepository, workshopsRepository, registrationsRepository, config.searchCacheMs);
  catalogRoutes(app, catalog, search);
  channelsRoutes(
    app,
    new ChannelsService(tx, channelsRepository, peopleRepository, workshops, search, searchIndex, outbound),
    new RecommendationsService(tx, recommendationsRepository, channelsRepository, peopleRepository, search),
  );
  registrationsRoutes(app, registrations, roster, new SeriesService(tx, registrationsRepository, sessionsRepository, workshops, notifier));
  webhooksRoutes(app, new WebhooksService(tx, webhooksRepository, webhookEvents, outbound));
  const notifications = new NotificationsService(
    tx,
    outboxRepository,
    mailboxRepository,
    calendarRepository,
    sessions,
    preferencesRepository,
    {
      publicUrl: config.publicUrl,
      slackAvailable: config.slack.botToken !== undefined,
      mailFrom: config.mail.from,
    },
  );
  notificationsRoutes(app, notifications);
  checklistsRoutes(app, checklists);
  requestsRoutes(app, new RequestsService(tx, requestsRepository, workshops));
  await installWebApp(app);
  const jobs: PeriodicJob[] = [
    { name: 'expire-offers', everyMs: 30_000, run: () => roster.expireOffers() },
    { name: 'mark-no-shows', everyMs: 60_000, run: () => roster.markNoShows() },
    { name: 'record-token-use', everyMs: 15_000, run: () => auth.flushTokenUse() },
    { name: 'refresh-popularity', everyMs: 10 * 60_000, run: () => search.refreshPopularity() },
  ];
  const email = emailDelivery(
    tx,
    { delivery: deliveryRepository, mailbox: mailboxRepository },
    { ...config.mail, publicUrl: config.publicUrl },
  );
  const slackSettings = { ...config.slack, outbound, publicUrl: config.publicUrl };
  const deliverers = {
    email: email.deliver,
    webhook: webhookDelivery(database.db, webhooksRepository, outbound),
    slack: slackAnnouncements(database.db, deliveryRepository, slackSettings),
    slack_dm: slackDirectMessages(database.db, deliveryRepository, slackSettings),
  };
  const outbox = new OutboxWorker(tx, outboxRepository, (row, signal) => deliverTo(deliverers, row, signal), config.outbox, app.log);
  const reminders = new RemindersService(tx, remindersRepository, notifier);
  jobs.push({ name: 'send-reminders', everyMs: 60_000, run: () => reminders.run() });
  jobs.push({ name: 'purge-outbox', everyMs: 6 * 3_600_000, run: () => notifications.purgeOlderThan(config.outbox.retentionDays) });
  // Every instance may deliver; they share the outbox without sending anything twice.
  if (config.outbox.worker)
    jobs.push({
      name: 'deliver-outbox',
      everyMs: config.outbox.pollMs,
      // Run on demand (CLI, tests) it delivers everything due; a scheduled tick takes five batches.
      run: () => outbox.drain(),
      tick: () => outbox.drain(5),
      deferWhenBusy: true,
    });
  app.addHook('onClose', async () => {
    // Claimed messages are finished or given back before the database closes.
    await outbox.stop();
    email.close();
    await outbound.close();
    // A database that is away at shutdown costs only the last minute of "last used" times.
    await auth
      .flushTokenUse()
      .catch((error) => app.log.warn({ reason: unavailableReason(error) ?? String(error) }, 'token use not recorded'));
  });
  // Exposed so the CLI and tests can run a sweep now instead of waiting for its tick.
  app.decorate('jobs', Object.fromEntries(jobs.map((j) => [j.name, j.run])));
  if (runJobs) startPeriodicJobs(app, jobs);

  return app;
}
