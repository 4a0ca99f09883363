import { authApi } from '../../../contracts/index.js';
import { lyceumModule } from '../../module.js';
import { unavailableReason } from '../../platform/db-errors.js';
import { authRepository } from './auth.repository.js';
import { authRoutes } from './auth.routes.js';
import { FederatedSignInService } from './federated-sign-in.service.js';
import { OidcClient } from './oidc.client.js';
import { oidcRoutes } from './oidc.routes.js';
import { OidcSignInService } from './oidc.service.js';
import { openIdToken } from './oidc.state.js';
import { SamlClient } from './saml.client.js';
import { samlRepository } from './saml.repository.js';
import { samlRoutes } from './saml.routes.js';

/** Signing in and out (demo mode, or single sign-on through OpenID Connect or SAML), API tokens. */
export default lyceumModule('auth', ['auth', 'people', 'config', 'tx', 'outbound'], async (app, { container, addJob, onShutdown }) => {
  const { auth, config } = container;
  const settings = config.oidc;
  // Built here, not in the container: nothing outside this module signs people in.
  const client = settings
    ? new OidcClient(settings, container.outbound, `${config.publicUrl}${authApi.oidcCallback.path}`, `${config.publicUrl}/sign-in`)
    : undefined;
  authRoutes(
    app,
    auth,
    container.people,
    config,
    client && settings && ((sealed) => client.endSessionUrl(openIdToken(settings.clientSecret, sealed))),
  );
  const signIn = settings && new OidcSignInService(container.tx, authRepository, settings, container.credentials);
  oidcRoutes(app, settings && client && signIn ? { auth, client, signIn, settings, config } : undefined);
  const saml = config.saml && {
    auth,
    client: new SamlClient(config.saml, container.tx.executor, config.publicUrl, authApi.samlAcs.path),
    signIn: new FederatedSignInService(container.tx, authRepository, config.saml.adminGroups, container.credentials),
  };
  await samlRoutes(app, config, saml);
  if (saml) {
    // Requests nobody came back with and assertions past their time: nothing can use them any more.
    addJob({ name: 'purge-saml-state', everyMs: 60 * 60_000, run: () => samlRepository.purgeExpired(container.tx.executor, new Date()) });
  }
  addJob({ name: 'record-token-use', everyMs: 15_000, run: () => auth.flushTokenUse() });
  // A database that is away at shutdown costs only the last minute of "last used" times.
  onShutdown(() =>
    auth.flushTokenUse().then(
      () => undefined,
      (error) => app.log.warn({ reason: unavailableReason(error) ?? String(error) }, 'token use not recorded'),
    ),
  );
});
