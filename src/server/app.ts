import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import { createContainer } from './container.js';
import type { ModuleContext } from './module.js';
import { modules as allModules } from './modules/index.js';
import { installAuthentication } from './platform/authenticate.js';
import { installCompression } from './platform/compression.js';
import { type DbHandle, optimizeStatistics } from './platform/db.js';
import { installErrorHandling } from './platform/error-handler.js';
import type { Api } from './platform/http.js';
import { installIdempotency } from './platform/idempotency.js';
import { purgeIdempotencyKeys } from './platform/idempotency.repository.js';
import { newId } from './platform/ids.js';
import { installInputGuards } from './platform/input-guards.js';
import { type PeriodicJob, startPeriodicJobs } from './platform/jobs.js';
import { loggerOptions } from './platform/logging.js';
import { installMetrics } from './platform/metrics.js';
import { installOpenApi } from './platform/openapi.js';
import { operationsRoutes } from './platform/operations.js';
import type { OutboxRow } from './platform/outbox/outbox.repository.js';
import { outboxRepository } from './platform/outbox/outbox.repository.js';
import { type Deliver, deliverTo, OutboxWorker } from './platform/outbox/outbox.worker.js';
import { installSecurityHeaders } from './platform/security-headers.js';
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
  /** The module plugins, in the order they are registered (tests change the order: it must not matter). */
  modules?: readonly (typeof allModules)[number][];
}

/** Builds the whole Lyceum app without listening: what main.ts serves and tests inject into. */
export async function buildApp({
  config,
  database,
  logger = true,
  logStream,
  runJobs = false,
  modules = allModules,
}: AppOptions): Promise<FastifyInstance> {
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

  const container = createContainer(config, database);
  container.signals.reportTo(app.log);
  installAuthentication(app, container.auth);
  installIdempotency(app, container.tx.executor);
  installInputGuards(app);
  installMetrics(app, database, { outboxCounts: () => outboxRepository.countsByStatus(database.db) });
  operationsRoutes(app, database);

  const jobs: PeriodicJob[] = [];
  const deliverers: Partial<Record<OutboxRow['channel'], Deliver>> = {};
  const shutdowns: (() => void | Promise<void>)[] = [];
  app.decorate('lyceum', {
    container,
    addJob: (job) => void jobs.push(job),
    addDeliverer: (channel, deliver) => {
      if (deliverers[channel]) throw new Error(`Two modules deliver the outbox channel ${channel}.`);
      deliverers[channel] = deliver;
    },
    onShutdown: (stop) => void shutdowns.push(stop),
  } satisfies ModuleContext);
  for (const module of modules) await app.register(module);
  await installWebApp(app);

  const outbox = new OutboxWorker(
    container.tx,
    outboxRepository,
    (row, signal) => deliverTo(deliverers, row, signal),
    config.outbox,
    app.log,
  );
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
  // Idempotency-Keys of every opted-in route are kept a day (IDEMPOTENCY_RETENTION_MS).
  jobs.push({ name: 'purge-idempotency-keys', everyMs: 3_600_000, run: () => purgeIdempotencyKeys(database.db) });
  jobs.push({ name: 'optimize-statistics', everyMs: 3_600_000, run: () => optimizeStatistics(database) });
  app.addHook('onClose', async () => {
    // Claimed messages are finished or given back before anything they need closes.
    await outbox.stop();
    for (const stop of shutdowns) await stop();
    await container.outbound.close();
    await container.signals.close();
  });
  // Exposed so the CLI and tests can run a sweep now instead of waiting for its tick.
  app.decorate('jobs', Object.fromEntries(jobs.map((j) => [j.name, j.run])));
  if (runJobs) startPeriodicJobs(app, jobs);

  return app;
}
