import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults that start Lyceum on its embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { dialect: 'sqlite', path: './data/lyceum.sqlite' },
      authMode: 'dev',
      seedDemo: undefined,
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      trustProxy: false,
    });
  });

  it('reads PostgreSQL URLs, booleans and https public addresses', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/lyceum',
      SEED_DEMO: 'false',
      PUBLIC_URL: 'https://learn.example.com/',
      PORT: '8080',
    });
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://u@db:5432/lyceum', poolMax: 10, preparedStatements: true });
    expect(config.seedDemo).toBe(false);
    expect(config.publicUrl).toBe('https://learn.example.com');
    expect(config.secureCookies).toBe(true);
    expect(config.port).toBe(8080);
  });

  it('sizes the PostgreSQL pool with DB_POOL_MAX, turns prepared statements off for an old PgBouncer, listens where DATABASE_LISTEN_URL says, caches credentials for AUTH_CACHE_MS', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@pgbouncer:6432/lyceum',
      DB_POOL_MAX: '25',
      DB_PREPARED_STATEMENTS: 'false',
      DATABASE_LISTEN_URL: 'postgres://u:secret@db:5432/lyceum',
      AUTH_CACHE_MS: '0',
    });
    expect(config.database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@pgbouncer:6432/lyceum',
      poolMax: 25,
      preparedStatements: false,
    });
    expect(() => loadConfig({ DB_PREPARED_STATEMENTS: 'no' })).toThrow('Invalid DB_PREPARED_STATEMENTS="no": must be true or false');
    expect(config.databaseListenUrl).toBe('postgres://u:secret@db:5432/lyceum');
    expect(config.authCacheMs).toBe(0);
    expect(loadConfig({}).authCacheMs).toBe(5000);
    expect(() => loadConfig({ DB_POOL_MAX: '0' })).toThrow('Invalid DB_POOL_MAX="0": must be at least 1');
    // The listening connection's password is masked like DATABASE_URL's.
    expect(() => loadConfig({ DATABASE_LISTEN_URL: 'mysql://u:secret@db/x' })).toThrow(
      /^Invalid DATABASE_LISTEN_URL="mysql:\/\/u:\*+@db\/x"/,
    );
  });

  it('waits 30 s for an unreachable database at start-up unless DB_CONNECT_TIMEOUT_S says otherwise', () => {
    expect(loadConfig({}).databaseConnectTimeoutMs).toBe(30_000);
    expect(loadConfig({ DB_CONNECT_TIMEOUT_S: '2' }).databaseConnectTimeoutMs).toBe(2_000);
  });

  it('bounds a query at 15 s while serving unless DB_QUERY_TIMEOUT_S says otherwise (0: no bound)', () => {
    expect(loadConfig({}).databaseQueryTimeoutMs).toBe(15_000);
    expect(loadConfig({ DB_QUERY_TIMEOUT_S: '2' }).databaseQueryTimeoutMs).toBe(2_000);
    expect(loadConfig({ DB_QUERY_TIMEOUT_S: '0' }).databaseQueryTimeoutMs).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://db/lyceum'],
    ['AUTH_MODE', 'ldap'],
    ['SEED_DEMO', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['PUBLIC_URL', 'ftp://files'],
    ['DB_CONNECT_TIMEOUT_S', '2.5'],
    ['DB_CONNECT_TIMEOUT_S', '-1'],
    ['DB_QUERY_TIMEOUT_S', '0.5'],
    ['DB_QUERY_TIMEOUT_S', 'soon'],
  ])('stops with one line naming %s when it is %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid ${name}=`));
  });

  it('never shows a password or a token in the start-up error', () => {
    const databaseError = () => loadConfig({ DATABASE_URL: 'mysql://lyceum:s3cret@db/lyceum' });
    expect(databaseError).toThrow('Invalid DATABASE_URL="mysql://lyceum:***@db/lyceum"');
    expect(() => loadConfig({ SMTP_URL: 'http://mailer:hunter2@mail:25' })).toThrow('Invalid SMTP_URL="http://mailer:***@mail:25"');
    // An '@' left unencoded in the password: none of the password shows.
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@ss@db/lyceum' })).toThrow('Invalid DATABASE_URL="mysql://u:***@db/lyceum"');
    expect(() => loadConfig({ SMTP_URL: 'http://u:p@ss@mail:25' })).toThrow('Invalid SMTP_URL="http://u:***@mail:25"');
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'secret-token-value' })).toThrow('Invalid SLACK_BOT_TOKEN=(hidden)');
    expect(() => loadConfig({ SCIM_TOKEN: 'too-short' })).toThrow(/^Invalid SCIM_TOKEN=\(hidden\): must be at least 32 characters/);
  });

  it("keeps only the SCIM token's hash, and takes the sign-in mode's admin groups unless told otherwise", () => {
    const token = 'a-scim-token-of-at-least-32-characters';
    const config = loadConfig({ SCIM_TOKEN: token, OIDC_ADMIN_GROUPS: 'Admins' });
    expect(JSON.stringify(config.scim)).not.toContain(token);
    expect(config.scim).toEqual({ tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/), adminGroups: ['Admins'] });
    expect(loadConfig({ SCIM_ADMIN_GROUPS: 'Lyceum Admins, Education', OIDC_ADMIN_GROUPS: 'Admins' }).scim.adminGroups).toEqual([
      'Lyceum Admins',
      'Education',
    ]);
    expect(loadConfig({}).scim).toEqual({ tokenHash: undefined, adminGroups: [] });
  });

  it('reads the internal networks webhooks may reach, and names a bad one', () => {
    expect(loadConfig({}).outbound.allowedNetworks).toEqual([]);
    expect(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: ' 10.20.0.0/16, fd00:1::/32 ' }).outbound.allowedNetworks).toEqual([
      '10.20.0.0/16',
      'fd00:1::/32',
    ]);
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '10.20.0.0/16,10.0.0/8' })).toThrow(
      'Invalid OUTBOUND_ALLOWED_NETWORKS="10.20.0.0/16,10.0.0/8": "10.0.0/8" is not a network',
    );
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: 'intranet' })).toThrow(ConfigError);
  });

  describe('single sign-on (AUTH_MODE=oidc)', () => {
    const oidc = {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://login.example.com/realms/staff',
      OIDC_CLIENT_ID: 'lyceum',
      OIDC_CLIENT_SECRET: 'client-secret-value',
    };

    it('reads the provider, the client and the claims, with defaults', () => {
      const config = loadConfig(oidc);
      expect(config.authMode).toBe('oidc');
      expect(config.oidc).toEqual({
        issuer: 'https://login.example.com/realms/staff',
        clientId: 'lyceum',
        clientSecret: 'client-secret-value',
        scopes: 'openid email profile',
        providerName: 'your company account',
        claims: { email: 'email', name: 'name', groups: 'groups', title: undefined, team: undefined },
        adminGroups: [],
      });
      const custom = loadConfig({
        ...oidc,
        OIDC_SCOPES: 'openid  email profile groups',
        OIDC_EMAIL_CLAIM: 'upn',
        OIDC_GROUPS_CLAIM: 'roles',
        OIDC_ADMIN_GROUPS: 'lyceum-admins, education ',
        OIDC_TITLE_CLAIM: 'jobTitle',
        OIDC_TEAM_CLAIM: 'department',
      }).oidc;
      expect(custom).toMatchObject({
        scopes: 'openid email profile groups',
        claims: { email: 'upn', groups: 'roles', title: 'jobTitle', team: 'department' },
        adminGroups: ['lyceum-admins', 'education'],
      });
      expect(loadConfig({}).oidc).toBeUndefined();
    });

    it.each(['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'])('stops start-up with one line naming a missing %s', (name) => {
      const load = () => loadConfig({ ...oidc, [name]: '' });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(new RegExp(`^Missing ${name}: AUTH_MODE=oidc needs it`));
      try {
        load();
      } catch (error) {
        expect(String((error as Error).message)).not.toContain('\n');
      }
    });

    it('names a wrong setting and never shows the client secret', () => {
      expect(() => loadConfig({ AUTH_MODE: 'ldap' })).toThrow('Invalid AUTH_MODE="ldap": must be dev, oidc or saml');
      expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'login.example.com' })).toThrow(/^Invalid OIDC_ISSUER="login.example.com"/);
      expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'http://login.example.com' })).toThrow(/OIDC_ISSUER.*must be https/);
      expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer).toBe('http://127.0.0.1:9000');
      expect(() => loadConfig({ ...oidc, OIDC_SCOPES: 'email profile' })).toThrow(/^Invalid OIDC_SCOPES=.*must include openid/);
    });

    it.each([
      ['OIDC_ISSUER', 'https://login.example.com/realms/staff?x=1', 'without ? or #'],
      ['OIDC_ISSUER', 'https://login.example.com/#/', 'without ? or #'],
      ['OIDC_ISSUER', 'ftp://login.example.com', "must be the identity provider's issuer address"],
      ['OIDC_SCOPES', 'openid,email,profile', 'separated by spaces, not commas'],
      ['OIDC_SCOPES', 'profile email', 'must include openid'],
      ['OIDC_EMAIL_CLAIM', 'e mail', 'one claim name, without spaces'],
      ['OIDC_NAME_CLAIM', ' ', 'one claim name, without spaces'],
      ['OIDC_GROUPS_CLAIM', 'groups roles', 'one claim name, without spaces'],
      ['OIDC_TITLE_CLAIM', 'job title', 'one claim name, without spaces'],
      ['OIDC_TEAM_CLAIM', 'depart ment', 'one claim name, without spaces'],
      ['OIDC_PROVIDER_NAME', 'x'.repeat(61), 'at most'],
    ])('stops start-up with one line naming %s=%j', (name, value, message) => {
      const load = () => loadConfig({ ...oidc, [name]: value });
      expect(load).toThrow(ConfigError);
      let line = '';
      try {
        load();
      } catch (error) {
        line = (error as Error).message;
      }
      expect(line.startsWith(`Invalid ${name}=`)).toBe(true);
      expect(line).toContain(message);
      expect(line).not.toContain('\n');
    });

    it('takes claim names as the providers spell them (Entra ID: URIs)', () => {
      const claims = loadConfig({
        ...oidc,
        OIDC_EMAIL_CLAIM: 'preferred_username',
        OIDC_GROUPS_CLAIM: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
      }).oidc?.claims;
      expect(claims).toMatchObject({
        email: 'preferred_username',
        groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
      });
    });

    it('never shows the client secret, even when it is what is wrong', () => {
      const config = loadConfig({ ...oidc, OIDC_CLIENT_SECRET: 'client-secret-value' });
      expect(JSON.stringify({ ...config, childEnvironment: undefined })).toContain('client-secret-value');
      for (const env of [
        { ...oidc, OIDC_ISSUER: 'nope' },
        { ...oidc, OIDC_SCOPES: 'profile' },
      ]) {
        expect(() => loadConfig(env)).toThrow(ConfigError);
        try {
          loadConfig(env);
        } catch (error) {
          expect((error as Error).message).not.toContain('client-secret-value');
        }
      }
    });

    it('refuses an issuer without AUTH_MODE=oidc: the demo sign-in would be left open', () => {
      const { AUTH_MODE: _, ...withoutMode } = oidc;
      expect(() => loadConfig(withoutMode)).toThrow(/^Invalid AUTH_MODE="dev": OIDC_ISSUER is set, so set AUTH_MODE=oidc/);
      expect(() => loadConfig({ ...oidc, AUTH_MODE: 'saml' })).toThrow(ConfigError);
    });
  });

  describe('single sign-on (AUTH_MODE=saml)', () => {
    let cert = '';
    let other = '';
    let spKey = '';
    let otherKey = '';
    beforeAll(async () => {
      const first = await generate([{ name: 'commonName', value: 'idp' }], { keySize: 2048 });
      const second = await generate([{ name: 'commonName', value: 'idp next' }], { keySize: 2048 });
      [cert, spKey, other, otherKey] = [first.cert, first.private, second.cert, second.private];
    });
    const saml = () => ({
      AUTH_MODE: 'saml',
      PUBLIC_URL: 'https://lyceum.example.com',
      SAML_IDP_SSO_URL: 'https://login.example.com/app/lyceum/sso/saml',
      SAML_IDP_ISSUER: 'http://www.okta.com/exk123',
      SAML_IDP_CERT: cert,
    });
    const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');

    it('reads the identity provider, derives the entity id from PUBLIC_URL and has attribute names for the usual providers', () => {
      const config = loadConfig(saml());
      expect(config.authMode).toBe('saml');
      expect(config.oidc).toBeUndefined();
      expect(config.saml).toMatchObject({
        idpSsoUrl: 'https://login.example.com/app/lyceum/sso/saml',
        idpIssuer: 'http://www.okta.com/exk123',
        spEntityId: 'https://lyceum.example.com/api/v1/auth/saml/metadata',
        providerName: 'your company account',
        adminGroups: [],
      });
      expect(config.saml?.idpCerts).toHaveLength(1);
      expect(config.saml?.attributes.email).toContain('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress');
      expect(config.saml?.attributes.groups).toContain('http://schemas.microsoft.com/ws/2008/06/identity/claims/groups');
      const custom = loadConfig({
        ...saml(),
        SAML_SP_ENTITY_ID: 'urn:lyceum',
        SAML_EMAIL_ATTRIBUTE: 'mail',
        SAML_ADMIN_GROUPS: 'admins, l&d',
        SAML_PROVIDER_NAME: 'Okta',
      }).saml;
      expect(custom).toMatchObject({ spEntityId: 'urn:lyceum', adminGroups: ['admins', 'l&d'], providerName: 'Okta' });
      expect(custom?.attributes.email).toEqual(['mail']);
    });

    it('takes several certificates (a key roll-over), as PEM or as base64 bodies', () => {
      expect(loadConfig({ ...saml(), SAML_IDP_CERT: `${cert}\n${other}` }).saml?.idpCerts).toHaveLength(2);
      const bodies = loadConfig({ ...saml(), SAML_IDP_CERT: `${body(cert)}, ${body(other)}` }).saml?.idpCerts;
      expect(bodies).toHaveLength(2);
      expect(bodies?.[0]).toMatch(/^-----BEGIN CERTIFICATE-----/);
    });

    it.each(['SAML_IDP_SSO_URL', 'SAML_IDP_ISSUER', 'SAML_IDP_CERT'])('stops start-up with one line naming a missing %s', (name) => {
      const load = () => loadConfig({ ...saml(), [name]: undefined });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(new RegExp(`^Missing ${name}: AUTH_MODE=saml needs it`));
    });

    it.each([
      ['SAML_IDP_SSO_URL', 'login.example.com/sso', /must be the identity provider's single sign-on address/],
      ['SAML_IDP_SSO_URL', 'http://login.example.com/sso', /must be https/],
      ['SAML_IDP_CERT', 'not a certificate', /certificate 1 is not a valid X.509 certificate/],
      ['SAML_PROVIDER_NAME', 'x'.repeat(61), /.+/],
    ])('stops with one line naming %s when it is wrong (%s)', (name, value, message) => {
      const load = () => loadConfig({ ...saml(), [name]: value });
      expect(load).toThrow(new RegExp(`^Invalid ${name}=`));
      expect(load).toThrow(message);
      try {
        load();
      } catch (error) {
        expect(String((error as Error).message)).not.toContain('\n');
      }
    });

    it('signs requests with SAML_SP_PRIVATE_KEY and SAML_SP_CERT together, whose key must match, never showing the key', () => {
      expect(loadConfig(saml()).saml?.spSigning).toBeUndefined();
      expect(loadConfig({ ...saml(), SAML_SP_PRIVATE_KEY: spKey, SAML_SP_CERT: cert }).saml?.spSigning).toEqual({
        privateKey: spKey,
        cert: expect.stringMatching(/^-----BEGIN CERTIFICATE-----/),
      });
      expect(() => loadConfig({ ...saml(), SAML_SP_PRIVATE_KEY: spKey })).toThrow(/^Missing SAML_SP_CERT: SAML_SP_PRIVATE_KEY needs it/);
      expect(() => loadConfig({ ...saml(), SAML_SP_CERT: cert })).toThrow(/^Missing SAML_SP_PRIVATE_KEY: SAML_SP_CERT needs it/);
      expect(() => loadConfig({ ...saml(), SAML_SP_PRIVATE_KEY: otherKey, SAML_SP_CERT: cert })).toThrow(
        /^Invalid SAML_SP_CERT=.*not the certificate of SAML_SP_PRIVATE_KEY/,
      );
      const broken = `${spKey.slice(0, 80)}garbage`;
      expect(() => loadConfig({ ...saml(), SAML_SP_PRIVATE_KEY: broken, SAML_SP_CERT: cert })).toThrow(
        'Invalid SAML_SP_PRIVATE_KEY=(hidden): must be an RSA private key in PEM (unencrypted)',
      );
      expect(other).not.toBe(cert);
    });

    it('takes a plain http identity provider on this machine (development)', () => {
      expect(loadConfig({ ...saml(), SAML_IDP_SSO_URL: 'http://127.0.0.1:8080/sso' }).saml?.idpSsoUrl).toBe('http://127.0.0.1:8080/sso');
    });
  });
});
