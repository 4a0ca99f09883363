import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { unavailableReason } from './db-errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Record<string, () => Promise<number>>;
  }
}

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(): Promise<number>;
  /** What a scheduled tick does, when it is less than `run` (a bounded slice of a backlog). */
  tick?(): Promise<number>;
  /**
   * Work that can wait (delivering mail) steps aside while the process is busy answering
   * requests, for at most MAX_DEFERRALS ticks in a row: a burst of registrations is not slowed
   * by the mail it causes.
   */
  deferWhenBusy?: boolean;
}

/** Share of the last tick the event loop was busy above which deferrable work waits. */
const BUSY = 0.8;
const MAX_DEFERRALS = 30;

/**
 * A small in-process scheduler for sweeps that are safe to run on every instance at once (each
 * unit of work takes its own lock). Stops when the app closes; a failed run is logged and retried
 * on the next tick (a database outage included: nothing here may end the process).
 */
export function startPeriodicJobs(app: FastifyInstance, jobs: PeriodicJob[]): void {
  const timers = jobs.map((job) => {
    let running = false;
    let deferred = 0;
    let lastUse = performance.eventLoopUtilization();
    // While the database is away each tick fails the same way: said once per job, not every second.
    let waitingForDatabase = false;
    const timer = setInterval(async () => {
      if (running) return;
      if (job.deferWhenBusy) {
        const use = performance.eventLoopUtilization();
        const busy = performance.eventLoopUtilization(use, lastUse).utilization;
        lastUse = use;
        if (busy > BUSY && deferred < MAX_DEFERRALS) {
          deferred++;
          return;
        }
        deferred = 0;
      }
      running = true;
      try {
        const changed = await (job.tick ?? job.run)();
        waitingForDatabase = false;
        if (changed > 0) app.log.info({ job: job.name, changed }, 'job done');
      } catch (error) {
        const unreachable = unavailableReason(error);
        if (!unreachable) app.log.error({ err: error, job: job.name }, 'job failed');
        else if (!waitingForDatabase)
          app.log.warn({ job: job.name, reason: unreachable }, 'job waits for the database; retrying every tick');
        waitingForDatabase = unreachable !== undefined;
      } finally {
        running = false;
      }
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  app.addHook('onClose', async () => {
    for (const timer of timers) clearInterval(timer);
  });
}
