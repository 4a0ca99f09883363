import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Record<string, () => Promise<number>>;
  }
}

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(): Promise<number>;
}

/**
 * A small in-process scheduler for sweeps that are safe to run on every instance at once (each
 * unit of work takes its own lock). Stops when the app closes; a failed run is logged and retried
 * on the next tick.
 */
export function startPeriodicJobs(app: FastifyInstance, jobs: PeriodicJob[]): void {
  const timers = jobs.map((job) => {
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const changed = await job.run();
        if (changed > 0) app.log.info({ job: job.name, changed }, 'job done');
      } catch (error) {
        app.log.error({ err: error, job: job.name }, 'job failed');
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
