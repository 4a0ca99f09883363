import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validate as validateSchema } from '@authenio/samlify-node-xmllint';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as samlify from 'samlify';
import { generate } from 'selfsigned';

/**
 * A real SAML 2.0 identity provider (samlify) on 127.0.0.1 for the single sign-on tests. Its
 * single sign-on address takes Lyceum's AuthnRequest (HTTP-Redirect binding, checked against
 * the SAML schema) and answers the page a browser gets: a form that posts the signed response to
 * Lyceum's assertion consumer service. Which person logs in, and what is wrong with the response
 * (for the refusal tests), the test says with each sign-in.
 */
samlify.setSchemaValidator({ validate: validateSchema });

const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const PERSISTENT_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

export interface SamlUser {
  /** Sent as an emailAddress NameID (unless nameId says otherwise) and as the `email` attribute. */
  email?: string;
  /** A persistent (non-email) NameID instead of the email one. */
  nameId?: string;
  attributes?: Record<string, string | string[]>;
}

/** What a broken or hostile response changes (each refusal test sets one). */
export interface Tweak {
  issuer?: string;
  audience?: string;
  recipient?: string;
  destination?: string;
  inResponseTo?: string;
  /** The assertion's ID (a new one each time otherwise). */
  assertionId?: string;
  /** Conditions and SubjectConfirmationData NotOnOrAfter. */
  notOnOrAfter?: Date;
  notBefore?: Date;
  /** Signed by a key Lyceum does not know. */
  otherKey?: boolean;
  /** Only the Response is signed, not the assertion. */
  unsignedAssertion?: boolean;
  /** No signature at all. */
  unsigned?: boolean;
  /** The provider says no (a status other than Success, e.g. the person is not assigned to the app): no assertion. */
  status?: string;
  /** Changes the XML after it was signed. */
  tamper?: (xml: string) => string;
}

interface Keys {
  key: string;
  cert: string;
}

async function keys(name: string): Promise<Keys> {
  const pems = await generate([{ name: 'commonName', value: name }], { keySize: 2048, algorithm: 'sha256' });
  return { key: pems.private, cert: pems.cert };
}

export interface TestIdp {
  entityId: string;
  ssoUrl: string;
  /** The signing certificate (PEM), for SAML_IDP_CERT. */
  cert: string;
  /** Lyceum's metadata (from its /metadata route): the IdP learns the ACS URL and entity id there. */
  trust(spMetadata: string): void;
  /** What the next visit with this key logs in as (its key goes in the SSO URL's `login` parameter). */
  login(user: SamlUser, tweak?: Tweak): string;
  /** Who a visit without a `login` parameter logs in as (a real browser's visit, which nobody can add it to). */
  loginAnyVisitAs(user: SamlUser, tweak?: Tweak): void;
  /** The AuthnRequests received, as samlify read them. */
  requests: { id: string; issuer: string; acsUrl: string | undefined; nameIdFormat: string | undefined }[];
  close(): Promise<void>;
}

const xmlText = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function attributeStatement(attributes: Record<string, string | string[]>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  const attribute = ([name, value]: [string, string | string[]]) =>
    `<saml:Attribute Name="${xmlText(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">${(Array.isArray(value)
      ? value
      : [value]
    )
      .map((v) => `<saml:AttributeValue xsi:type="xs:string">${xmlText(v)}</saml:AttributeValue>`)
      .join('')}</saml:Attribute>`;
  return `<saml:AttributeStatement>${entries.map(attribute).join('')}</saml:AttributeStatement>`;
}

/** `signedRequests`: the provider refuses AuthnRequests not signed with the key in Lyceum's metadata. */
export async function startTestIdp(options: { signedRequests?: boolean } = {}): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${base}/saml/metadata`;
  const ssoUrl = `${base}/saml/sso`;
  const own = await keys('Test IdP');
  const stranger = await keys('Someone else');
  const idpWith = (k: Keys) =>
    samlify.IdentityProvider({
      entityID: entityId,
      privateKey: k.key,
      signingCert: k.cert,
      nameIDFormat: [EMAIL_FORMAT],
      singleSignOnService: [{ Binding: REDIRECT, Location: ssoUrl }],
      wantAuthnRequestsSigned: options.signedRequests === true,
      requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    });
  const idp = idpWith(own);
  const otherIdp = idpWith(stranger);
  let sp: ReturnType<typeof samlify.ServiceProvider> | undefined;
  let spWithoutSignedAssertions: ReturnType<typeof samlify.ServiceProvider> | undefined;
  const logins = new Map<string, { user: SamlUser; tweak: Tweak }>();
  const requests: TestIdp['requests'] = [];
  let anyVisit: { user: SamlUser; tweak: Tweak } | undefined;

  async function respond(url: URL): Promise<string> {
    if (!sp || !spWithoutSignedAssertions) throw new Error('trust(spMetadata) first');
    const query = Object.fromEntries(url.searchParams);
    // What the signature covers: the parameters exactly as they were sent, in the binding's order.
    const raw = url.search.slice(1).split('&');
    const octetString = ['SAMLRequest', 'RelayState', 'SigAlg']
      .map((name) => raw.find((pair) => pair.startsWith(`${name}=`)))
      .filter(Boolean)
      .join('&');
    const parsed = await idp.parseLoginRequest(sp, 'redirect', { query, octetString } as never);
    const request = parsed.extract.request as { id: string; issuer?: string; assertionConsumerServiceUrl?: string };
    requests.push({
      id: request.id,
      issuer: String(parsed.extract.issuer ?? ''),
      acsUrl: request.assertionConsumerServiceUrl,
      nameIdFormat: (parsed.extract.nameIDPolicy as { format?: string } | undefined)?.format,
    });
    const login = logins.get(url.searchParams.get('login') ?? '') ?? anyVisit;
    if (!login) throw new Error('no login for this visit');
    const { user, tweak } = login;
    const acs = sp.entityMeta.getAssertionConsumerService('post') as string;
    const now = new Date();
    const until = tweak.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000);
    const attributes = { ...(user.email ? { email: user.email } : {}), ...user.attributes };
    const values: Record<string, string> = {
      ID: `_${randomBytes(16).toString('hex')}`,
      AssertionID: tweak.assertionId ?? `_${randomBytes(16).toString('hex')}`,
      Destination: tweak.destination ?? acs,
      Audience: tweak.audience ?? (sp.entityMeta.getEntityID() as string),
      SubjectRecipient: tweak.recipient ?? acs,
      Issuer: tweak.issuer ?? entityId,
      IssueInstant: now.toISOString(),
      StatusCode: tweak.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success',
      ConditionsNotBefore: (tweak.notBefore ?? new Date(now.getTime() - 1000)).toISOString(),
      ConditionsNotOnOrAfter: until.toISOString(),
      SubjectConfirmationDataNotOnOrAfter: until.toISOString(),
      NameIDFormat: user.nameId ? PERSISTENT_FORMAT : EMAIL_FORMAT,
      NameID: user.nameId ?? user.email ?? '',
      InResponseTo: tweak.inResponseTo ?? request.id,
    };
    // Escaped when they go in through samlify's tags: these two are XML, put in as they are.
    const elements: Record<string, string> = {
      AuthnStatement: `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_s${randomBytes(8).toString('hex')}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
      AttributeStatement: attributeStatement(attributes),
    };
    const signer = tweak.otherKey ? otherIdp : idp;
    const target = tweak.unsignedAssertion || tweak.unsigned || tweak.status ? spWithoutSignedAssertions : sp;
    const response = (await signer.createLoginResponse(target, parsed as never, 'post', {}, (template: string) => ({
      id: values.ID as string,
      context: samlify.SamlLib.replaceTagsByValue(template, values)
        .replace('{AuthnStatement}', elements.AuthnStatement as string)
        .replace('{AttributeStatement}', elements.AttributeStatement as string)
        .replace(tweak.status ? /<saml:Assertion[\s\S]*<\/saml:Assertion>/ : /$^/, ''),
    }))) as { context: string };
    let xml = Buffer.from(response.context, 'base64').toString('utf8');
    if (tweak.unsigned) xml = xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, '');
    if (tweak.tamper) xml = tweak.tamper(xml);
    const relayState = url.searchParams.get('RelayState');
    // The page a browser gets: it posts itself to Lyceum.
    return `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${xmlText(acs)}">
<input type="hidden" name="SAMLResponse" value="${Buffer.from(xml, 'utf8').toString('base64')}">
${relayState ? `<input type="hidden" name="RelayState" value="${xmlText(relayState)}">` : ''}
</form></body></html>`;
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname !== '/saml/sso') return void res.writeHead(404).end();
    respond(url).then(
      (page) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
      (error: unknown) => res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });

  return {
    entityId,
    ssoUrl,
    cert: own.cert,
    requests,
    trust(spMetadata) {
      sp = samlify.ServiceProvider({ metadata: spMetadata });
      const acs = sp.entityMeta.getAssertionConsumerService('post') as string;
      spWithoutSignedAssertions = samlify.ServiceProvider({
        entityID: sp.entityMeta.getEntityID() as string,
        assertionConsumerService: [{ Binding: POST, Location: acs }],
        wantAssertionsSigned: false,
        wantMessageSigned: true,
      });
    },
    login(user, tweak = {}) {
      const key = randomBytes(8).toString('hex');
      logins.set(key, { user, tweak });
      return key;
    },
    loginAnyVisitAs(user, tweak = {}) {
      anyVisit = { user, tweak };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let addresses = 0;

/** A browser: Lyceum through app.inject, the identity provider over real HTTP. */
export function samlBrowser(app: FastifyInstance, publicUrl: string, idp: TestIdp) {
  addresses++;
  const remoteAddress = `10.252.${Math.floor(addresses / 250) % 250}.${(addresses % 250) + 1}`;

  const browser = {
    remoteAddress,
    start: (next?: string) =>
      app.inject({ method: 'GET', url: `/api/v1/auth/saml/start${next ? `?next=${encodeURIComponent(next)}` : ''}`, remoteAddress }),

    /** Visits the IdP's address as `user`; answers the form it would post (fields and ACS path). */
    async atIdp(location: string, user: SamlUser, tweak?: Tweak): Promise<{ path: string; fields: Record<string, string> }> {
      const url = new URL(location);
      url.searchParams.set('login', idp.login(user, tweak));
      const res = await fetch(url, { redirect: 'manual' });
      const page = await res.text();
      if (res.status !== 200) throw new Error(`the identity provider answered ${res.status}: ${page.slice(0, 300)}`);
      const action = /action="([^"]+)"/.exec(page)?.[1] ?? '';
      const fields = Object.fromEntries([...page.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      if (!action.startsWith(publicUrl)) throw new Error(`the form posts to ${action}`);
      return { path: action.slice(publicUrl.length), fields: fields as Record<string, string> };
    },

    post: (
      form: { path: string; fields: Record<string, string> },
      requestCookie: string | undefined,
      extraCookies: Record<string, string> = {},
    ) =>
      app.inject({
        method: 'POST',
        url: form.path,
        remoteAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(idp.ssoUrl).origin },
        cookies: { ...(requestCookie === undefined ? {} : { lyceum_saml: requestCookie }), ...extraCookies },
        payload: new URLSearchParams(form.fields).toString(),
      }),

    /** start → identity provider → ACS: the ACS's answer and the session cookies it set. */
    async signIn(user: SamlUser, next?: string, tweak?: Tweak) {
      const started = await browser.start(next);
      if (started.statusCode !== 302) throw new Error(`start answered ${started.statusCode}: ${started.body}`);
      const requestCookie = started.cookies.find((c) => c.name === 'lyceum_saml')?.value;
      const form = await browser.atIdp(String(started.headers.location), user, tweak);
      const acs: LightMyRequestResponse = await browser.post(form, requestCookie);
      const cookie = (name: string) => acs.cookies.find((c) => c.name === name)?.value ?? '';
      return { acs, form, requestCookie, session: cookie('lyceum_session'), csrf: cookie('lyceum_csrf') };
    },
  };
  return browser;
}
