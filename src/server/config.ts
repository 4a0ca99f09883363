import { createPrivateKey, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { hashSecret } from './platform/ids.js';
import { invalidNetwork } from './platform/outbound/address-policy.js';
import { maskUrlPassword } from './platform/redact-url.js';

/**
 * Lyceum's settings, read from the environment ONCE at start-up. Nothing else reads process.env.
 * A wrong value stops start-up with one line that names the variable.
 */
const booleanish = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

const commaList = (v: string) =>
  v
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);

/** An identity provider on this very machine may be plain http (development, the tests' provider). */
function isLoopbackUrl(url: string): boolean {
  // Refinements run on values that already failed z.url (zod reports every issue): not a URL, not loopback.
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The name of one claim in the ID token or UserInfo answer (Entra ID's are URIs; none has spaces). */
const claimName = z.string().regex(/^\S+$/, 'must be one claim name, without spaces');

const envSchema = z.object({
  PORT: z.coerce.number('must be a port number').int('must be a port number').min(0).max(65535, 'must be at most 65535').default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/lyceum.sqlite')
    .refine((v) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(v), {
      message: 'must be sqlite:<path> or postgres://…',
    }),
  DB_CONNECT_TIMEOUT_S: z.coerce.number('must be seconds').int('must be whole seconds').min(0).max(3600).default(30),
  DB_QUERY_TIMEOUT_S: z.coerce.number('must be seconds').int('must be whole seconds').min(0).max(3600).default(15),
  DB_POOL_MAX: z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(1000).default(10),
  DB_PREPARED_STATEMENTS: booleanish.default(true),
  DATABASE_LISTEN_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
      message: 'must be postgres://… (PostgreSQL itself, not a pooler in transaction mode)',
    })
    .optional(),
  AUTH_CACHE_MS: z.coerce.number('must be milliseconds').int('must be whole milliseconds').min(0).max(60_000).default(5000),
  WORKSHOP_PAGE_CACHE_MS: z.coerce.number('must be milliseconds').int('must be whole milliseconds').min(0).max(3_600_000).default(60_000),
  ANALYTICS_READERS: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(16, 'must be at most 16')
    .default(2),
  AUTH_MODE: z.enum(['dev', 'oidc', 'saml'], 'must be dev, oidc or saml').default('dev'),
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, message: "must be the identity provider's issuer address, such as https://login.example.com" })
    .refine((v) => v.startsWith('https://') || isLoopbackUrl(v), 'must be https (http only for localhost)')
    .refine((v) => !URL.canParse(v) || (new URL(v).search === '' && new URL(v).hash === ''), 'must be the issuer alone, without ? or #')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z
    .string()
    .default('openid email profile')
    .refine((v) => !v.includes(','), 'must be separated by spaces, not commas (such as "openid email profile")')
    .refine((v) => v.split(/\s+/).includes('openid'), 'must include openid'),
  OIDC_EMAIL_CLAIM: claimName.default('email'),
  OIDC_NAME_CLAIM: claimName.default('name'),
  OIDC_GROUPS_CLAIM: claimName.default('groups'),
  OIDC_ADMIN_GROUPS: z.string().transform(commaList).default([]),
  OIDC_TITLE_CLAIM: claimName.optional(),
  OIDC_TEAM_CLAIM: claimName.optional(),
  OIDC_PROVIDER_NAME: z
    .string()
    .min(1)
    .max(60, 'must be at most 60 characters (it is the button: "Sign in with …")')
    .default('your company account'),
  SAML_IDP_SSO_URL: z
    .url({
      protocol: /^https?$/,
      message: "must be the identity provider's single sign-on address, such as https://login.example.com/saml/sso",
    })
    .refine((v) => v.startsWith('https://') || isLoopbackUrl(v), 'must be https (http only for localhost)')
    .optional(),
  SAML_IDP_ISSUER: z.string().trim().min(1).max(1000).optional(),
  SAML_IDP_CERT: z
    .string()
    .transform((v, ctx) => {
      const certs = parseCertificates(v);
      if (typeof certs === 'string') {
        ctx.addIssue({ code: 'custom', message: certs });
        return z.NEVER;
      }
      return certs;
    })
    .optional(),
  SAML_SP_ENTITY_ID: z.string().trim().min(1).max(1000).optional(),
  SAML_SP_PRIVATE_KEY: z
    .string()
    .refine((v) => {
      try {
        return createPrivateKey(v).asymmetricKeyType === 'rsa';
      } catch {
        return false;
      }
    }, 'must be an RSA private key in PEM (unencrypted)')
    .optional(),
  SAML_SP_CERT: z
    .string()
    .transform((v, ctx) => {
      const certs = parseCertificates(v);
      if (typeof certs === 'string' || certs.length !== 1) {
        ctx.addIssue({ code: 'custom', message: typeof certs === 'string' ? certs : 'must be one certificate' });
        return z.NEVER;
      }
      return certs[0] as string;
    })
    .optional(),
  SAML_EMAIL_ATTRIBUTE: z
    .string()
    .transform(commaList)
    .default(['email', 'mail', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'urn:oid:0.9.2342.19200300.100.1.3']),
  SAML_NAME_ATTRIBUTE: z
    .string()
    .transform(commaList)
    .default(['name', 'displayName', 'http://schemas.microsoft.com/identity/claims/displayname', 'urn:oid:2.16.840.1.113730.3.1.241']),
  SAML_GIVEN_NAME_ATTRIBUTE: z
    .string()
    .transform(commaList)
    .default(['firstName', 'givenName', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'urn:oid:2.5.4.42']),
  SAML_SURNAME_ATTRIBUTE: z
    .string()
    .transform(commaList)
    .default(['lastName', 'surname', 'sn', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'urn:oid:2.5.4.4']),
  SAML_GROUPS_ATTRIBUTE: z
    .string()
    .transform(commaList)
    .default(['groups', 'memberOf', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups']),
  SAML_TITLE_ATTRIBUTE: z
    .string()
    .transform(commaList)
    .default(['title', 'jobTitle', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/title']),
  SAML_TEAM_ATTRIBUTE: z
    .string()
    .transform(commaList)
    .default(['department', 'team', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/department']),
  SAML_ADMIN_GROUPS: z.string().transform(commaList).default([]),
  SAML_PROVIDER_NAME: z.string().min(1).max(60).default('your company account'),
  SEED_DEMO: booleanish.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be fatal, error, warn, info, debug, trace or silent')
    .default('info'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) address such as https://lyceum.example.com' }).optional(),
  TRUST_PROXY: booleanish.default(false),
  SEARCH_CACHE_MS: z.coerce.number('must be milliseconds').int().min(0).max(60_000).default(2000),
  COMPRESS_RESPONSES: booleanish.default(false),
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be smtp://host:port or smtps://user:password@host:port' }).optional(),
  MAIL_FROM: z.string().min(3).default('Lyceum <lyceum@localhost>'),
  SMTP_TIMEOUT_MS: z.coerce.number('must be milliseconds').int().min(100).max(120_000).default(10_000),
  OUTBOX_WORKER: booleanish.default(true),
  OUTBOX_POLL_MS: z.coerce.number('must be milliseconds').int().min(10).max(60_000).default(1000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number('must be a number').int().min(1).max(50).default(8),
  OUTBOX_RETRY_MS: z.coerce.number('must be milliseconds').int().min(0).max(3_600_000).default(30_000),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xox[a-z]-/, 'must be a Slack bot token (xoxb-…)')
    .optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }).default('https://slack.com/api'),
  OUTBOX_RETENTION_DAYS: z.coerce.number('must be a number of days').int().min(1).max(3650).default(30),
  SCIM_TOKEN: z
    .string()
    .min(32, 'must be at least 32 characters (run `openssl rand -base64 32`, or use `lyceum scim-token create`)')
    .optional(),
  SCIM_ADMIN_GROUPS: z.string().transform(commaList).optional(),
  AUDIT_RETENTION_DAYS: z.coerce
    .number('must be a number of days')
    .int('must be whole days')
    .min(1, 'must be at least 1')
    .max(3650, 'must be at most 3650')
    .default(400),
  WEBHOOK_TIMEOUT_MS: z.coerce.number('must be milliseconds').int().min(100).max(120_000).default(10_000),
  OUTBOUND_ALLOWED_NETWORKS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    )
    .superRefine((networks, ctx) => {
      const bad = invalidNetwork(networks);
      if (bad !== undefined)
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not a network; list CIDRs such as 10.20.0.0/16,fd00:1::/32` });
    })
    .default([]),
});

export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string }
  /** poolMax: connections this process may hold at once (DB_POOL_MAX; 10 when not given). */
  | {
      dialect: 'postgres';
      url: string;
      poolMax?: number;
      /**
       * Whether the hottest queries are named prepared statements, parsed and planned once per
       * connection (DB_PREPARED_STATEMENTS, default true). Off behind PgBouncer in transaction mode
       * before 1.21 (or without max_prepared_statements), which cannot keep them.
       */
      preparedStatements?: boolean;
    };

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** At start-up, how long an unreachable database is retried before giving up. */
  databaseConnectTimeoutMs: number;
  /**
   * While serving, how long one query may wait for its answer (PostgreSQL) before the request gets
   * 503 database_unavailable; undefined (DB_QUERY_TIMEOUT_S=0): as long as it takes.
   */
  databaseQueryTimeoutMs: number | undefined;
  /**
   * PostgreSQL: where the one connection that LISTENs for other instances' changes goes, when
   * DATABASE_URL is a pooler in transaction mode (LISTEN needs a session of its own); undefined: DATABASE_URL.
   */
  databaseListenUrl: string | undefined;
  /**
   * How long a valid API token or browser session is answered from this instance's memory (0: a
   * database read on every request). Changes reach every instance at once through change signals;
   * this bounds how stale an answer can be when a signal is lost.
   */
  authCacheMs: number;
  /**
   * PostgreSQL: how long a workshop page is answered from this instance's memory (0: a database
   * read on every request). Triggers signal every change to every instance; this bounds how stale
   * a page can be when a signal is lost. SQLite reads every page (another process may write unheard).
   */
  workshopPageCacheMs: number;
  /**
   * SQLite: read-only worker connections the dashboard's figures are read on (off the event loop,
   * several at once); 0 reads them on the server's own connection. Unused on PostgreSQL (its pool).
   */
  analyticsReaders: number;
  /**
   * The environment the programs Lyceum runs (pg_dump, pg_restore) get: the one Lyceum was
   * started with, as any child process would. They are found on its PATH and read libpq's own
   * settings from it (PG* variables, HOME for ~/.pgpass and certificates, Kerberos, locale),
   * which Lyceum passes on without interpreting.
   */
  childEnvironment: Readonly<Record<string, string | undefined>>;
  authMode: 'dev' | 'oidc' | 'saml';
  /** Set in oidc mode only (AUTH_MODE=oidc): how people sign in through the company's identity provider. */
  oidc: OidcConfig | undefined;
  /** Set in saml mode only (AUTH_MODE=saml): Lyceum as a SAML 2.0 service provider of the company's identity provider. */
  saml: SamlConfig | undefined;
  /** undefined: decide at start-up (new embedded database in dev mode). */
  seedDemo: boolean | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  publicUrl: string;
  /** Cookies get the Secure flag when Lyceum is served over https. */
  secureCookies: boolean;
  /**
   * Whether X-Forwarded-For is believed (behind a load balancer). Off by default: otherwise any
   * client could pick its own address and dodge the sign-in rate limit.
   */
  trustProxy: boolean;
  /** How long an identical catalog search may be answered from memory (0: never). */
  searchCacheMs: number;
  /**
   * Whether API answers above 1 KB are compressed for clients that accept it. Off by default: it
   * costs far more than 10 % of the catalog's throughput (bench:catalog, BENCH_COMPRESSION=compare).
   */
  compressResponses: boolean;
  mail: {
    /** undefined: mail goes to the built-in mailbox that admins can read. */
    smtpUrl: string | undefined;
    from: string;
    timeoutMs: number;
  };
  slack: {
    /** For direct messages; channel announcements need only each channel's webhook address. */
    botToken: string | undefined;
    apiUrl: string;
  };
  outbound: {
    /** CIDRs that webhooks and Slack may reach although they are internal (an on-premise install's own hosts). */
    allowedNetworks: string[];
  };
  /** Audit log entries older than this many days are deleted (a sweep every six hours). */
  auditRetentionDays: number;
  scim: {
    /** SHA-256 of SCIM_TOKEN (never the token itself); tokens made by the CLI live in the database. */
    tokenHash: string | undefined;
    /** Members of these SCIM groups are admins (default: the sign-in mode's admin groups). */
    adminGroups: string[];
  };
  outbox: {
    /** Whether this instance delivers (every instance may; they share the work). */
    worker: boolean;
    pollMs: number;
    maxAttempts: number;
    /** The first retry's delay; each later one doubles it (capped at six hours). */
    retryMs: number;
    webhookTimeoutMs: number;
    /** Delivered messages and built-in mail older than this are forgotten. */
    retentionDays: number;
    /** How long a claimed batch is held without renewal: a dead instance's messages go out again after it. */
    leaseMs: number;
    /** The longest the worker waits for one delivery before counting it as a failed attempt. */
    deliveryTimeoutMs: number;
  };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** The sign-in button's words: "Sign in with <providerName>". */
  providerName: string;
  claims: { email: string; name: string; groups: string; title: string | undefined; team: string | undefined };
  /** Members of any of these groups are admins (role_source 'directory'). */
  adminGroups: string[];
}

export interface SamlConfig {
  /** Where the browser is sent with the AuthnRequest (HTTP-Redirect binding). */
  idpSsoUrl: string;
  /** The identity provider's entity id: the only Issuer whose assertions are taken. */
  idpIssuer: string;
  /** The identity provider's signing certificates (PEM), several while it rolls its key over. */
  idpCerts: string[];
  /** Lyceum's entity id: the audience assertions must be meant for. */
  spEntityId: string;
  /** When set, AuthnRequests are signed (RSA-SHA256) and the certificate is in Lyceum's metadata. */
  spSigning: { privateKey: string; cert: string } | undefined;
  providerName: string;
  /** Attribute names tried in order (the first one present wins), so one default fits Okta, Entra ID, Google and Keycloak. */
  attributes: {
    email: string[];
    name: string[];
    givenName: string[];
    surname: string[];
    groups: string[];
    title: string[];
    team: string[];
  };
  adminGroups: string[];
}

export class ConfigError extends Error {}

/**
 * SAML_IDP_CERT: one or several certificates, as PEM blocks or as their base64 bodies (what
 * metadata files and admin consoles show) separated by commas or spaces. Answers the PEMs, or why not.
 */
function parseCertificates(value: string): string[] | string {
  const pems = value.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  const bodies = pems ?? value.split(/[\s,]+/).filter(Boolean);
  if (bodies.length === 0) return 'must be a PEM certificate or its base64 body';
  const certs: string[] = [];
  for (const body of bodies) {
    try {
      certs.push(new X509Certificate(pems ? body : Buffer.from(body, 'base64')).toString());
    } catch {
      return `certificate ${certs.length + 1} is not a valid X.509 certificate (PEM or base64)`;
    }
  }
  return certs;
}

/** saml mode needs its identity provider: each missing setting stops start-up, named. */
function samlConfig(e: z.infer<typeof envSchema>, publicUrl: string): SamlConfig | undefined {
  if (e.AUTH_MODE !== 'saml') return undefined;
  for (const name of ['SAML_IDP_SSO_URL', 'SAML_IDP_ISSUER', 'SAML_IDP_CERT'] as const) {
    if (e[name] === undefined) throw new ConfigError(`Missing ${name}: AUTH_MODE=saml needs it (see Single sign-on in the README)`);
  }
  const [key, cert] = [e.SAML_SP_PRIVATE_KEY, e.SAML_SP_CERT];
  if ((key === undefined) !== (cert === undefined)) {
    const [missing, other] = key === undefined ? ['SAML_SP_PRIVATE_KEY', 'SAML_SP_CERT'] : ['SAML_SP_CERT', 'SAML_SP_PRIVATE_KEY'];
    throw new ConfigError(
      `Missing ${missing}: ${other} needs it (Lyceum signs its requests with the key, the provider checks them with the certificate)`,
    );
  }
  if (key && cert && !new X509Certificate(cert).checkPrivateKey(createPrivateKey(key))) {
    throw new ConfigError('Invalid SAML_SP_CERT=(its public key): it is not the certificate of SAML_SP_PRIVATE_KEY');
  }
  if (e.SAML_EMAIL_ATTRIBUTE.length === 0) throw new ConfigError('Invalid SAML_EMAIL_ATTRIBUTE="": must name at least one attribute');
  return {
    idpSsoUrl: e.SAML_IDP_SSO_URL as string,
    idpIssuer: e.SAML_IDP_ISSUER as string,
    idpCerts: e.SAML_IDP_CERT as string[],
    spEntityId: e.SAML_SP_ENTITY_ID ?? `${publicUrl}/api/v1/auth/saml/metadata`,
    spSigning: key && cert ? { privateKey: key, cert } : undefined,
    providerName: e.SAML_PROVIDER_NAME,
    attributes: {
      email: e.SAML_EMAIL_ATTRIBUTE,
      name: e.SAML_NAME_ATTRIBUTE,
      givenName: e.SAML_GIVEN_NAME_ATTRIBUTE,
      surname: e.SAML_SURNAME_ATTRIBUTE,
      groups: e.SAML_GROUPS_ATTRIBUTE,
      title: e.SAML_TITLE_ATTRIBUTE,
      team: e.SAML_TEAM_ATTRIBUTE,
    },
    adminGroups: e.SAML_ADMIN_GROUPS,
  };
}

/** oidc mode needs its issuer and client: each missing one stops start-up, named. */
function oidcConfig(e: z.infer<typeof envSchema>): OidcConfig | undefined {
  if (e.AUTH_MODE !== 'oidc') {
    // An issuer without AUTH_MODE=oidc would leave the demo sign-in (anyone as anyone) open: refused.
    if (e.OIDC_ISSUER !== undefined) {
      throw new ConfigError(
        `Invalid AUTH_MODE=${JSON.stringify(e.AUTH_MODE)}: OIDC_ISSUER is set, so set AUTH_MODE=oidc to sign people in through it (or unset OIDC_ISSUER)`,
      );
    }
    return undefined;
  }
  for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
    if (e[name] === undefined) throw new ConfigError(`Missing ${name}: AUTH_MODE=oidc needs it (see Single sign-on in the README)`);
  }
  return {
    issuer: e.OIDC_ISSUER as string,
    clientId: e.OIDC_CLIENT_ID as string,
    clientSecret: e.OIDC_CLIENT_SECRET as string,
    scopes: e.OIDC_SCOPES.trim().split(/\s+/).join(' '),
    providerName: e.OIDC_PROVIDER_NAME,
    claims: {
      email: e.OIDC_EMAIL_CLAIM,
      name: e.OIDC_NAME_CLAIM,
      groups: e.OIDC_GROUPS_CLAIM,
      title: e.OIDC_TITLE_CLAIM,
      team: e.OIDC_TEAM_CLAIM,
    },
    adminGroups: e.OIDC_ADMIN_GROUPS,
  };
}

/** Settings whose values are secret in whole (tokens) or in part (a password inside a URL). */
const SECRET_SETTINGS = new Set(['SLACK_BOT_TOKEN', 'OIDC_CLIENT_SECRET', 'SAML_SP_PRIVATE_KEY', 'SCIM_TOKEN']);
const URL_SETTINGS_WITH_PASSWORDS = new Set(['DATABASE_URL', 'DATABASE_LISTEN_URL', 'SMTP_URL']);

/** A wrong value as the start-up error may show it: never a token, never a password. */
function shownValue(name: string, value: string | undefined): string {
  if (value === undefined) return '""';
  if (SECRET_SETTINGS.has(name)) return '(hidden)';
  if (URL_SETTINGS_WITH_PASSWORDS.has(name)) return JSON.stringify(maskUrlPassword(value));
  return JSON.stringify(value);
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', path: url.slice('sqlite:'.length) };
  return { dialect: 'postgres', url };
}

function withPool(target: DatabaseTarget, poolMax: number, preparedStatements: boolean): DatabaseTarget {
  return target.dialect === 'postgres' ? { ...target, poolMax, preparedStatements } : target;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${name}=${shownValue(name, cleaned[name])}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    database: withPool(parseDatabaseUrl(e.DATABASE_URL), e.DB_POOL_MAX, e.DB_PREPARED_STATEMENTS),
    databaseListenUrl: e.DATABASE_LISTEN_URL,
    authCacheMs: e.AUTH_CACHE_MS,
    workshopPageCacheMs: e.WORKSHOP_PAGE_CACHE_MS,
    databaseConnectTimeoutMs: e.DB_CONNECT_TIMEOUT_S * 1000,
    databaseQueryTimeoutMs: e.DB_QUERY_TIMEOUT_S > 0 ? e.DB_QUERY_TIMEOUT_S * 1000 : undefined,
    analyticsReaders: e.ANALYTICS_READERS,
    childEnvironment: { ...env },
    authMode: e.AUTH_MODE,
    oidc: oidcConfig(e),
    saml: samlConfig(e, publicUrl),
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    searchCacheMs: e.SEARCH_CACHE_MS,
    compressResponses: e.COMPRESS_RESPONSES,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, timeoutMs: e.SMTP_TIMEOUT_MS },
    slack: { botToken: e.SLACK_BOT_TOKEN, apiUrl: e.SLACK_API_URL.replace(/\/$/, '') },
    outbound: { allowedNetworks: e.OUTBOUND_ALLOWED_NETWORKS },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    scim: {
      tokenHash: e.SCIM_TOKEN === undefined ? undefined : hashSecret(e.SCIM_TOKEN),
      adminGroups: e.SCIM_ADMIN_GROUPS ?? (e.AUTH_MODE === 'saml' ? e.SAML_ADMIN_GROUPS : e.OIDC_ADMIN_GROUPS),
    },
    outbox: {
      worker: e.OUTBOX_WORKER,
      pollMs: e.OUTBOX_POLL_MS,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      retryMs: e.OUTBOX_RETRY_MS,
      webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retentionDays: e.OUTBOX_RETENTION_DAYS,
      // Renewed on a timer while a batch is in progress, so no delivery has to fit in it: it only
      // says how soon a dead instance's messages go out again.
      leaseMs: 60_000,
      // A Slack direct message is two requests of WEBHOOK_TIMEOUT_MS each; SMTP_TIMEOUT_MS bounds
      // every wait of an SMTP conversation, not the whole of it.
      deliveryTimeoutMs: 3 * Math.max(e.SMTP_TIMEOUT_MS, e.WEBHOOK_TIMEOUT_MS),
    },
  };
}
