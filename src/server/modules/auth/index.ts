import { lyceumModule } from '../../module.js';
import { unavailableReason } from '../../platform/db-errors.js';
import { authRoutes } from './auth.routes.js';

/** Signing in and out, API tokens. */
export default lyceumModule('auth', ['auth', 'people', 'config'], (app, { container, addJob, onShutdown }) => {
  const { auth } = container;
  authRoutes(app, auth, container.people, container.config);
  addJob({ name: 'record-token-use', everyMs: 15_000, run: () => auth.flushTokenUse() });
  // A database that is away at shutdown costs only the last minute of "last used" times.
  onShutdown(() =>
    auth.flushTokenUse().then(
      () => undefined,
      (error) => app.log.warn({ reason: unavailableReason(error) ?? String(error) }, 'token use not recorded'),
    ),
  );
});
