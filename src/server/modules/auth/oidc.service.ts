import type { OidcConfig } from '../../config.js';
import type { AuditOrigin } from '../../platform/audit.js';
import type { CredentialChanges } from '../../platform/credential-changes.js';
import type { Transactor } from '../../platform/transaction.js';
import type { authRepository } from './auth.repository.js';
import { type FederatedIdentity, FederatedSignInService, SignInRefusal } from './federated-sign-in.service.js';
import type { Claims } from './oidc.client.js';

/**
 * Who an OpenID Connect sign-in is: the claims, read with the configured claim names, go through
 * the provisioning rules every single sign-on shares (federated-sign-in.service.ts).
 */

/** Why a sign-in was refused (the same class for every single sign-on, under the name the OIDC routes know). */
export const OidcRefusal = SignInRefusal;
export type OidcRefusal = SignInRefusal;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Groups come as an array (Okta, Entra ID, Keycloak) or, from some providers, as one comma-separated string. */
function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return value.split(',').map((g) => g.trim());
  return [];
}

/** The claims as the shared rules read them. */
export function identityFromClaims(claims: Claims, names: OidcConfig['claims']): FederatedIdentity {
  // Providers that say whether they checked the address must say they did (Entra ID says nothing).
  // email_verified speaks of the `email` claim only: another claim read as the email (upn,
  // preferred_username) is the provider's sign-in name, which it vouches for by signing in.
  const verified = names.email === 'email' ? claims.email_verified : undefined;
  return {
    method: 'oidc',
    email: text(claims[names.email]),
    emailVerified: verified === undefined ? undefined : verified === true || verified === 'true',
    emailSource: `${names.email} claim`,
    name: text(claims[names.name]),
    title: names.title ? (text(claims[names.title]) ?? null) : undefined,
    team: names.team ? (text(claims[names.team]) ?? null) : undefined,
    groups: groupsOf(claims[names.groups]),
    timeZone: text(claims.zoneinfo),
  };
}

export class OidcSignInService {
  private readonly federated: FederatedSignInService;

  constructor(
    tx: Transactor,
    auth: typeof authRepository,
    private readonly settings: OidcConfig,
    credentials?: CredentialChanges,
  ) {
    this.federated = new FederatedSignInService(tx, auth, settings.adminGroups, credentials);
  }

  /** The person these claims sign in as (made or updated), or an OidcRefusal; audited either way. */
  personFor(claims: Claims, origin: AuditOrigin): Promise<{ personId: string; name: string }> {
    return this.federated.personFor(identityFromClaims(claims, this.settings.claims), origin);
  }

  /** A refused sign-in, in the audit log: from where, and why. */
  recordFailure(refusal: OidcRefusal, origin: AuditOrigin): Promise<void> {
    return this.federated.recordFailure(refusal, 'oidc', origin);
  }
}
