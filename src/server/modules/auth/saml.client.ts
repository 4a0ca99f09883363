import { randomBytes } from 'node:crypto';
import {
  type CacheItem,
  type CacheProvider,
  type SamlConfig as NodeSamlConfig,
  type Profile,
  SAML,
  SamlStatusError,
  ValidateInResponseTo,
} from '@node-saml/node-saml';
import type { Kysely } from 'kysely';
import type { SamlConfig } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { type FederatedIdentity, SignInRefusal } from './federated-sign-in.service.js';
import { samlRepository } from './saml.repository.js';

/**
 * Lyceum as a SAML 2.0 service provider (@node-saml/node-saml): AuthnRequests by the
 * HTTP-Redirect binding, responses by the HTTP-POST binding. A response is taken only when its
 * assertion is signed by the identity provider's certificate, was issued by its entity id, is
 * meant for Lyceum (audience, recipient, destination), is in its time window, answers a request
 * this deployment made from this very browser, and was not taken before.
 */

/** Long enough to type a password and approve a second factor, short enough to be useless later. */
export const SAML_REQUEST_TTL_MS = 10 * 60_000;
/** Clocks of the provider and Lyceum may differ this much (NotBefore / NotOnOrAfter). */
const CLOCK_SKEW_MS = 60_000;
/** An assertion without NotOnOrAfter is remembered this long against replays. */
const ASSERTION_MEMORY_MS = 60 * 60_000;
const EMAIL_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** node-saml's request-id cache, in the database: every instance knows every request, each taken once. */
class DatabaseRequestCache implements CacheProvider {
  constructor(private readonly db: Kysely<Database>) {}

  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    const createdAt = Number.isNaN(Date.parse(value)) ? new Date() : new Date(value);
    await samlRepository.saveRequest(this.db, key, createdAt, new Date(createdAt.getTime() + SAML_REQUEST_TTL_MS));
    return { value, createdAt: createdAt.getTime() };
  }

  async getAsync(key: string): Promise<string | null> {
    return (await samlRepository.findRequest(this.db, key, new Date()))?.createdAt ?? null;
  }

  async removeAsync(key: string | null): Promise<string | null> {
    if (!key) return null;
    await samlRepository.deleteRequest(this.db, key);
    return key;
  }
}

type XmlJs = { $?: Record<string, string>; _?: string; [child: string]: unknown };
const children = (node: XmlJs | undefined, name: string): XmlJs[] => {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlJs[]) : [];
};

/** An attribute's first non-empty text value (a value may carry child elements: then it has none). */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(textOf).find((v) => v !== undefined);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function allTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allTexts);
  return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
}

/** The root element's Destination attribute (outside the signed assertion, so only compared when present). */
function destinationOf(responseXml: string): string | undefined {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?Response\b([^>]*)>/.exec(responseXml)?.[1];
  const match = root && /\sDestination\s*=\s*(["'])(.*?)\1/.exec(root);
  return match?.[2]?.replaceAll('&amp;', '&');
}

export class SamlClient {
  readonly acsUrl: string;
  private readonly options: NodeSamlConfig;
  /** Validates responses; one instance, as it keeps no state of its own (the cache is the database). */
  private readonly validator: SAML;

  constructor(
    private readonly settings: SamlConfig,
    private readonly db: Kysely<Database>,
    publicUrl: string,
    acsPath: string,
  ) {
    this.acsUrl = `${publicUrl}${acsPath}`;
    this.options = {
      entryPoint: settings.idpSsoUrl,
      issuer: settings.spEntityId,
      audience: settings.spEntityId,
      callbackUrl: this.acsUrl,
      idpCert: settings.idpCerts,
      idpIssuer: settings.idpIssuer,
      identifierFormat: EMAIL_NAME_ID,
      // Every assertion must carry the identity provider's own signature; a signed response around
      // an unsigned assertion is not enough.
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: CLOCK_SKEW_MS,
      // Only answers to requests this deployment made: unsolicited (IdP-initiated) responses are refused.
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: SAML_REQUEST_TTL_MS,
      cacheProvider: new DatabaseRequestCache(db),
      // Password, second factor or anything else the provider asks for: Lyceum does not prescribe one.
      disableRequestedAuthnContext: true,
      signatureAlgorithm: 'sha256',
      ...(settings.spSigning ? { privateKey: settings.spSigning.privateKey, publicCert: settings.spSigning.cert } : {}),
    };
    this.validator = new SAML(this.options);
  }

  /**
   * Lyceum's service provider metadata: entity id, ACS URL (HTTP-POST), NameID format email,
   * assertions signed; with SAML_SP_PRIVATE_KEY, the certificate its requests are signed with.
   */
  metadata(): string {
    return this.validator.generateServiceProviderMetadata(null, this.settings.spSigning?.cert ?? null);
  }

  /** The identity provider's address with a new AuthnRequest, and its id (kept in the browser's cookie and the database). */
  async start(next: string): Promise<{ url: string; requestId: string }> {
    // Made here so the id is known: node-saml saves it through the cache before answering.
    const requestId = `_${randomBytes(20).toString('hex')}`;
    const saml = new SAML({ ...this.options, generateUniqueId: () => requestId });
    const url = await saml.getAuthorizeUrlAsync('', undefined, {});
    await samlRepository.setNext(this.db, requestId, next);
    return { url, requestId };
  }

  /**
   * The identity in a posted response, and the page to land on; a SignInRefusal when anything is
   * wrong with it. `requestId` is the one this browser started (its cookie).
   */
  async finish(samlResponse: string | undefined, requestId: string | undefined): Promise<{ identity: FederatedIdentity; next: string }> {
    if (!samlResponse) throw new SignInRefusal('saml_failed', 'no SAMLResponse was posted');
    if (!requestId) throw new SignInRefusal('saml_failed', 'no sign-in in progress in this browser (its cookie is missing or expired)');
    const pending = await samlRepository.findRequest(this.db, requestId, new Date());

    let profile: Profile | null;
    try {
      ({ profile } = await this.validator.validatePostResponseAsync({ SAMLResponse: samlResponse }));
    } catch (cause) {
      if (cause instanceof SamlStatusError) throw new SignInRefusal('saml_denied', `the identity provider refused: ${cause.message}`);
      throw new SignInRefusal('saml_failed', `the response was refused: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
    if (!profile) throw new SignInRefusal('saml_failed', 'the response holds no assertion');
    if (profile.issuer !== this.settings.idpIssuer) {
      throw new SignInRefusal('saml_failed', `the assertion was issued by ${profile.issuer ?? 'nobody'}, not ${this.settings.idpIssuer}`);
    }
    // Binds the response to the browser that asked: an attacker's own response, posted to someone
    // else's browser, would sign them in as the attacker (login CSRF).
    if (profile.inResponseTo !== requestId) {
      throw new SignInRefusal('saml_failed', 'the response answers a sign-in that this browser did not start');
    }
    const assertion = (profile.getAssertion?.() as { Assertion?: XmlJs } | undefined)?.Assertion;
    const confirmations = children(children(assertion, 'Subject')[0], 'SubjectConfirmation').flatMap((c) =>
      children(c, 'SubjectConfirmationData'),
    );
    // node-saml checks the audience and the time window, not where the assertion was meant to be
    // delivered: every confirmation must name Lyceum's ACS.
    if (confirmations.length === 0 || confirmations.some((data) => data.$?.Recipient !== this.acsUrl)) {
      throw new SignInRefusal('saml_failed', `the assertion's recipient is not ${this.acsUrl}`);
    }
    const destination = destinationOf(profile.getSamlResponseXml?.() ?? '');
    if (destination !== undefined && destination !== this.acsUrl) {
      throw new SignInRefusal('saml_failed', `the response's destination is ${destination}, not ${this.acsUrl}`);
    }
    const assertionId = assertion?.$?.ID;
    if (!assertionId) throw new SignInRefusal('saml_failed', 'the assertion has no ID');
    const notOnOrAfter = children(assertion, 'Conditions')[0]?.$?.NotOnOrAfter ?? confirmations[0]?.$?.NotOnOrAfter;
    const until = Math.max(Date.parse(notOnOrAfter ?? '') || Date.now() + ASSERTION_MEMORY_MS, Date.now()) + CLOCK_SKEW_MS;
    if (!(await samlRepository.claimAssertion(this.db, `${profile.issuer} ${assertionId}`, new Date(until)))) {
      throw new SignInRefusal('saml_failed', `assertion ${assertionId} was used already (replayed)`);
    }
    return { identity: this.identityOf(profile), next: pending?.next ?? '/' };
  }

  /** The attributes as the shared provisioning rules read them, through the configured names. */
  private identityOf(profile: Profile): FederatedIdentity {
    const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
    const { attributes: names } = this.settings;
    const first = (list: string[]) => list.find((name) => attributes[name] !== undefined);
    const value = (list: string[]) => {
      const name = first(list);
      return name === undefined ? undefined : textOf(attributes[name]);
    };
    const emailFromNameId = profile.nameIDFormat === EMAIL_NAME_ID ? textOf(profile.nameID) : undefined;
    const given = value(names.givenName);
    const surname = value(names.surname);
    const fullName = value(names.name) ?? ([given, surname].filter(Boolean).join(' ') || undefined);
    // An attribute that is absent leaves the person's field as it is (providers leave out empty
    // attributes); one that is present but empty clears it.
    const optional = (list: string[]) => (first(list) === undefined ? undefined : (value(list) ?? null));
    const groupsName = first(names.groups);
    return {
      method: 'saml',
      email: value(names.email) ?? emailFromNameId,
      emailSource: `email attribute (${names.email.join(', ')}) nor an emailAddress NameID`,
      name: fullName,
      title: optional(names.title),
      team: optional(names.team),
      groups: groupsName === undefined ? [] : allTexts(attributes[groupsName]),
    };
  }
}
