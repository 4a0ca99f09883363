import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DbHandle } from './db.js';
import { unavailableReason } from './db-errors.js';

/** Prometheus metrics: requests and latency by route, database pool, the outbox, and the process defaults. */
export function installMetrics(
  app: FastifyInstance,
  database: DbHandle,
  sources: { outboxCounts: () => Promise<Record<string, number>> },
): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({ name: 'lyceum_http_requests_total', help: 'HTTP requests', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'lyceum_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'lyceum_db_pool_connections',
    help: 'Database connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const s = database.poolStats();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });

  new Gauge({
    name: 'lyceum_outbox_messages',
    help: 'Outbox messages by status (pending, done, dead): dead letters need a look',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      // While the database is away the last counts stay: the scrape still answers, with the pool figures that show why.
      const counts = await sources.outboxCounts().catch((error: unknown) => {
        if (unavailableReason(error)) return {};
        throw error;
      });
      for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL, so ids do not explode the label set.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
