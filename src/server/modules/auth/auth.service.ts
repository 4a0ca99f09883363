import type { ApiToken, CreatedToken, TokenScope } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { type AuditOrigin, recordAudit } from '../../platform/audit.js';
import type { ChangeSignals } from '../../platform/change-signals.js';
import { type CredentialChanges, noCredentialChanges } from '../../platform/credential-changes.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hashSecret, newId, newSecret, nowIso } from '../../platform/ids.js';
import { SignalledCache } from '../../platform/signalled-cache.js';
import type { Transactor } from '../../platform/transaction.js';
import { assertCanCreateToken } from './auth.policy.js';
import { presentToken } from './auth.presenter.js';
import type { authRepository } from './auth.repository.js';

const SESSION_DAYS = 14;
// Writing last_used_at on every request would turn reads into writes; a minute's precision is plenty.
const TOKEN_TOUCH_INTERVAL_MS = 60_000;
/** Token uses written per statement (two parameters each). */
const TOUCHES_PER_STATEMENT = 500;

export interface ResolvedActor {
  actor: Actor;
  /** Present for cookie sessions: the token state-changing requests must echo. */
  csrfToken?: string;
}

/** What an API token turned out to be: expired tokens are told apart so the refusal can say so. */
export type ApiTokenCheck = { status: 'valid'; actor: Actor } | { status: 'expired'; expiredAt: string } | { status: 'unknown' };

export interface NewTokenOptions {
  name: string;
  scope: TokenScope;
  /** Null: the token never expires. */
  expiresInDays: number | null;
}

/** A valid token as this instance keeps it for a few seconds (signalled-cache.ts). */
interface CachedToken {
  actor: Actor;
  tokenId: string;
  /** When this instance last queued a "last used" time for it (ms), so a cached token is not touched per request. */
  touchedAt: number;
}

interface CachedSession {
  actor: Actor;
  csrfToken: string;
}

const copyActor = (actor: Actor): Actor => (actor.apiToken ? { ...actor, apiToken: { ...actor.apiToken } } : { ...actor });

export class AuthService {
  /** Token use to record: written in batches, so authenticating a request never writes. */
  private readonly pendingTouches = new Map<string, string>();
  /** Valid tokens and sessions by their hash: most requests are authenticated without a database read. */
  private readonly tokens: SignalledCache<CachedToken>;
  private readonly sessions: SignalledCache<CachedSession>;

  /**
   * Writes the buffered "last used" times (a periodic job, and once more at shutdown): a statement
   * per slice of TOUCHES_PER_STATEMENT tokens, not one per token, so a crowd's first requests
   * (thousands of tokens seen for the first time) cost a few round trips.
   */
  async flushTokenUse(): Promise<number> {
    if (this.pendingTouches.size === 0) return 0;
    // In token order, so instances flushing the same tokens at once lock their rows in the same order.
    const touches = [...this.pendingTouches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.pendingTouches.clear();
    try {
      for (let from = 0; from < touches.length; from += TOUCHES_PER_STATEMENT) {
        await this.auth.touchTokens(this.tx.executor, touches.slice(from, from + TOUCHES_PER_STATEMENT));
      }
    } catch (error) {
      // Kept for the next flush (the database may be back by then); a use recorded since is newer.
      // A slice already written is written again then, which changes nothing.
      for (const [tokenId, at] of touches) if (!this.pendingTouches.has(tokenId)) this.pendingTouches.set(tokenId, at);
      throw error;
    }
    return touches.length;
  }

  /**
   * `credentials`: where this service says that a person's credentials changed (after commit), so
   * every instance's cache forgets them; `cache`: how long valid credentials are kept (AUTH_CACHE_MS,
   * 0: read every time) and whether other instances' changes are heard now.
   */
  constructor(
    private readonly tx: Transactor,
    private readonly auth: typeof authRepository,
    private readonly credentials: CredentialChanges = noCredentialChanges,
    cache: { ttlMs: number; live?: () => boolean } = { ttlMs: 0 },
  ) {
    this.tokens = new SignalledCache(cache.ttlMs, cache.live);
    this.sessions = new SignalledCache(cache.ttlMs, cache.live);
  }

  /** Both caches forget whom the signals name, and everything when signals may have been missed. */
  listenTo(signals: ChangeSignals): void {
    this.tokens.listenTo(signals);
    this.sessions.listenTo(signals);
  }

  async actorFromApiToken(token: string): Promise<ApiTokenCheck> {
    const hash = hashSecret(token);
    const now = Date.now();
    const cached = this.tokens.get(hash);
    if (cached) {
      if (now - cached.touchedAt > TOKEN_TOUCH_INTERVAL_MS) {
        cached.touchedAt = now;
        this.pendingTouches.set(cached.tokenId, new Date(now).toISOString());
      }
      return { status: 'valid', actor: copyActor(cached.actor) };
    }
    const ticket = this.tokens.ticket();
    const row = await this.auth.findPersonByTokenHash(this.tx.executor, hash);
    if (!row) return { status: 'unknown' };
    if (row.expires_at !== null && Date.parse(row.expires_at) <= now) return { status: 'expired', expiredAt: row.expires_at };
    let touchedAt = row.last_used_at ? Date.parse(row.last_used_at) : 0;
    if (now - touchedAt > TOKEN_TOUCH_INTERVAL_MS) {
      this.pendingTouches.set(row.token_id, new Date(now).toISOString());
      touchedAt = now;
    }
    const actor: Actor = { id: row.id, name: row.name, role: row.role, timeZone: row.time_zone, apiToken: { scope: row.scope } };
    const expiry = row.expires_at === null ? undefined : Date.parse(row.expires_at);
    this.tokens.store(hash, row.id, { actor, tokenId: row.token_id, touchedAt }, ticket, expiry);
    return { status: 'valid', actor: copyActor(actor) };
  }

  async actorFromSessionCookie(cookie: string): Promise<ResolvedActor | undefined> {
    const hash = hashSecret(cookie);
    const cached = this.sessions.get(hash);
    if (cached) return { actor: copyActor(cached.actor), csrfToken: cached.csrfToken };
    const ticket = this.sessions.ticket();
    const row = await this.auth.findPersonBySessionHash(this.tx.executor, hash, nowIso());
    if (!row) return undefined;
    const actor: Actor = { id: row.id, name: row.name, role: row.role, timeZone: row.time_zone };
    this.sessions.store(hash, row.id, { actor, csrfToken: row.csrf_token }, ticket, Date.parse(row.expires_at));
    return { actor: copyActor(actor), csrfToken: row.csrf_token };
  }

  /**
   * Demo-mode sign-in: anyone may act as any person. Only reachable when AUTH_MODE=dev. A refusal
   * is in the audit log too, with the email typed (there is no actor).
   */
  async devSignIn(
    email: string,
    origin?: AuditOrigin,
  ): Promise<{ personId: string; sessionCookie: string; csrfToken: string; expiresAt: Date }> {
    const person = await this.auth.findPersonByEmail(this.tx.executor, email);
    if (!person) {
      await recordAudit(this.tx.executor, {
        actor: null,
        actorLabel: email,
        action: 'sign_in.failed',
        summary: `Sign-in refused for "${email}": nobody with that email`,
        details: { method: 'dev', reason: 'unknown_email' },
        origin,
      });
      throw new AppError('validation_failed', 'Nobody with that email is in the directory.', [
        { field: 'email', message: 'Unknown person.' },
      ]);
    }
    // Someone who left (deactivated) cannot sign in, not even in demo mode.
    if (person.active === 0) {
      await recordAudit(this.tx.executor, {
        actor: null,
        actorLabel: email,
        action: 'sign_in.failed',
        target: { type: 'person', id: person.id },
        summary: `Sign-in refused for "${email}": the account is deactivated`,
        details: { method: 'dev', reason: 'deactivated' },
        origin,
      });
      throw new AppError('forbidden', 'This account is deactivated: ask an admin to reactivate it.');
    }
    return this.startSession(person.id, { actor: { id: person.id, name: person.name }, method: 'dev', origin });
  }

  /**
   * `signIn`: who signed in and how, for the audit log (written with the session, in its transaction).
   * `idToken`: an OpenID Connect sign-in's ID token (sealed), kept with the session for signing out of the provider.
   */
  async startSession(
    personId: string,
    signIn?: { actor: Pick<Actor, 'id' | 'name'>; method: string; origin?: AuditOrigin | undefined },
    idToken?: string,
  ) {
    const sessionCookie = newSecret('lys');
    const csrfToken = newSecret('csrf');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await this.tx.transaction(async (trx) => {
      await this.auth.deleteExpiredLoginSessions(trx, now.toISOString());
      await this.auth.insertLoginSession(trx, {
        id: newId(),
        person_id: personId,
        token_hash: hashSecret(sessionCookie),
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        id_token: idToken ?? null,
      });
      if (signIn)
        await recordAudit(trx, {
          actor: signIn.actor,
          action: 'sign_in.succeeded',
          target: { type: 'person', id: personId },
          summary: `Signed in (${signIn.method})`,
          details: { method: signIn.method },
          origin: signIn.origin,
        });
    });
    return { personId, sessionCookie, csrfToken, expiresAt };
  }

  /**
   * Ends a browser session; the sign-out is in the audit log when there was a session to end.
   * Answers the ID token the session was signed in with (OpenID Connect), for the provider's sign-out.
   */
  async signOut(sessionCookie: string | undefined, origin?: AuditOrigin): Promise<{ idToken: string | null }> {
    if (!sessionCookie) return { idToken: null };
    const hash = hashSecret(sessionCookie);
    const { idToken, personId } = await this.tx.transaction(async (trx) => {
      const person = await this.auth.findPersonBySessionHash(trx, hash, nowIso());
      const idToken = await this.auth.sessionIdToken(trx, hash);
      await this.auth.deleteLoginSession(trx, hash);
      if (person)
        await recordAudit(trx, {
          actor: { id: person.id, name: person.name },
          action: 'sign_out',
          target: { type: 'person', id: person.id },
          summary: 'Signed out',
          origin,
        });
      return { idToken, personId: person?.id };
    });
    this.sessions.forget(hash);
    if (personId) await this.credentials.changed([personId]);
    return { idToken };
  }

  async listTokens(actor: Actor): Promise<ApiToken[]> {
    const rows = await this.auth.listTokens(this.tx.executor, actor.id);
    return rows.map(presentToken);
  }

  async createToken(actor: Actor, options: NewTokenOptions, origin?: AuditOrigin): Promise<CreatedToken> {
    assertCanCreateToken(actor);
    return createApiToken(this.tx, this.auth, actor.id, options, { actor, origin });
  }

  async revokeToken(actor: Actor, tokenId: string, origin?: AuditOrigin): Promise<void> {
    await this.tx.transaction(async (trx) => {
      const revoked = await this.auth.revokeToken(trx, actor.id, tokenId, nowIso());
      if (revoked === 0) throw notFound('API token');
      await recordAudit(trx, {
        actor,
        action: 'api_token.revoked',
        target: { type: 'api_token', id: tokenId },
        summary: 'Revoked an API token',
        origin,
      });
    });
    await this.credentials.changed([actor.id]);
  }
}

/**
 * Shared by the API and the `lyceum token create` command. `by`: who made it and from where, for
 * the audit log; without it the entry names the command line.
 */
export async function createApiToken(
  tx: Transactor,
  auth: typeof authRepository,
  personId: string,
  { name, scope, expiresInDays }: NewTokenOptions,
  by?: { actor: Pick<Actor, 'id' | 'name'>; origin?: AuditOrigin | undefined },
): Promise<CreatedToken> {
  const token = newSecret('lyc');
  const now = new Date();
  const row = {
    id: newId(),
    person_id: personId,
    name,
    token_hash: hashSecret(token),
    hint: token.slice(-4),
    scope,
    created_at: now.toISOString(),
    expires_at: expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await tx.transaction(async (trx) => {
    await auth.insertToken(trx, row);
    await recordAudit(trx, {
      actor: by?.actor ?? null,
      actorLabel: 'command line',
      action: 'api_token.created',
      target: { type: 'api_token', id: row.id },
      summary: `Created API token "${name}" (${scope})`,
      details: { name, scope, personId, expiresAt: row.expires_at },
      origin: by?.origin,
    });
  });
  return { ...presentToken(row), token };
}
