import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Container } from './container.js';
import type { Api } from './platform/http.js';
import type { PeriodicJob } from './platform/jobs.js';
import type { OutboxRow } from './platform/outbox/outbox.repository.js';
import type { Deliver } from './platform/outbox/outbox.worker.js';

/**
 * What a module plugin is given: the container (every repository and service, built once) and
 * the places it adds its background work to. Whatever it adds is collected first and started once
 * every module is registered, so the order modules are registered in does not matter.
 */
export interface ModuleContext {
  container: Container;
  /** A periodic sweep; the CLI and tests run it at once through `app.jobs[name]`. */
  addJob(job: PeriodicJob): void;
  /** Delivers the outbox messages of one channel (one deliverer per channel). */
  addDeliverer(channel: OutboxRow['channel'], deliver: Deliver): void;
  /** Runs at shutdown, after the outbox worker stopped and before the database closes. */
  onShutdown(stop: () => void | Promise<void>): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    lyceum: ModuleContext;
  }
}

/**
 * One module of Lyceum as a Fastify plugin: `modules/<domain>/index.ts` exports one, which
 * registers its routes, jobs and outbox deliverers. It declares what it needs from the container
 * (`needs`): the app refuses to start when one is missing, instead of failing on first use.
 */
export function lyceumModule(
  name: string,
  needs: readonly (keyof Container)[],
  register: (app: Api, context: ModuleContext) => void | Promise<void>,
) {
  return fp(
    async (app: FastifyInstance) => {
      const missing = needs.filter((need) => app.lyceum.container[need] === undefined);
      if (missing.length > 0) throw new Error(`Module ${name} needs ${missing.join(', ')} from the container.`);
      await register(app as unknown as Api, app.lyceum);
    },
    { name: `lyceum-${name}`, fastify: '5.x', decorators: { fastify: ['lyceum'] } },
  );
}
