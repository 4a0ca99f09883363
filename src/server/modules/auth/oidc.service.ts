import type { Updateable } from 'kysely';
import type { OidcConfig } from '../../config.js';
import type { PeopleTable } from '../../db/schema.js';
import { type AuditOrigin, recordAudit } from '../../platform/audit.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import type { authRepository } from './auth.repository.js';
import type { Claims } from './oidc.client.js';

/**
 * Who an OpenID Connect sign-in is: the claims become a person of the directory (made on first
 * sign-in, found by email otherwise), their name, title and team follow the provider, and the
 * admin groups decide the role unless an admin set it by hand (people.role_source 'manual').
 */

/** Why a sign-in was refused: the code goes to the sign-in page (?error=…), the reason to the log and the audit. */
export class OidcRefusal extends Error {
  constructor(
    readonly code: 'oidc_failed' | 'oidc_unavailable' | 'email_missing' | 'email_unverified' | 'account_inactive',
    readonly reason: string,
    /** The email the provider vouched for, when the refusal came after reading it. */
    readonly email?: string,
  ) {
    super(reason);
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Groups come as an array (Okta, Entra ID, Keycloak) or, from some providers, as one comma-separated string. */
function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return value.split(',').map((g) => g.trim());
  return [];
}

function validZone(zone: unknown): string | undefined {
  if (typeof zone !== 'string') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

export class OidcSignInService {
  constructor(
    private readonly tx: Transactor,
    private readonly auth: typeof authRepository,
    private readonly settings: OidcConfig,
  ) {}

  /** The person these claims sign in as (made or updated), or an OidcRefusal; audited either way. */
  async personFor(claims: Claims, origin: AuditOrigin): Promise<{ personId: string; name: string }> {
    const { claims: names } = this.settings;
    const email = text(claims[names.email])?.toLowerCase();
    if (!email?.includes('@')) throw new OidcRefusal('email_missing', `the provider sent no ${names.email} claim`);
    // Providers that say whether they checked the address must say they did (Entra ID says nothing).
    const verified = claims.email_verified;
    if (verified !== undefined && verified !== true && verified !== 'true') {
      throw new OidcRefusal('email_unverified', `${email} is not verified at the provider`, email);
    }
    const name = text(claims[names.name]);
    const title = names.title ? (text(claims[names.title]) ?? null) : undefined;
    const team = names.team ? (text(claims[names.team]) ?? null) : undefined;
    const admins = this.settings.adminGroups;
    const inAdminGroup = admins.length > 0 && groupsOf(claims[names.groups]).some((g) => admins.includes(g));

    return this.tx.transaction(async (trx) => {
      const now = nowIso();
      const existing = await this.auth.findPersonByEmail(trx, email);
      if (existing && existing.active === 0) {
        throw new OidcRefusal('account_inactive', `${email} is deactivated in Lyceum`, email);
      }
      let personId: string;
      let roleChange: { from: string; to: string } | undefined;
      if (!existing) {
        personId = newId();
        const role = inAdminGroup ? 'admin' : 'member';
        await this.auth.insertPerson(trx, {
          id: personId,
          email,
          name: name ?? email.split('@')[0] ?? email,
          title: title ?? null,
          team: team ?? null,
          location: null,
          time_zone: validZone(claims.zoneinfo) ?? 'UTC',
          manager_id: null,
          role,
          role_source: 'directory',
          created_at: now,
          updated_at: now,
        });
        await recordAudit(trx, {
          actor: null,
          actorLabel: 'single sign-on',
          action: 'person.created',
          target: { type: 'person', id: personId },
          summary: `Added ${name ?? email} on their first sign-in${role === 'admin' ? ', as an admin (directory group)' : ''}`,
          details: { email, role },
          origin,
        });
      } else {
        personId = existing.id;
        const changes: Updateable<PeopleTable> = {};
        if (name !== undefined && name !== existing.name) changes.name = name;
        if (title !== undefined && title !== existing.title) changes.title = title;
        if (team !== undefined && team !== existing.team) changes.team = team;
        if (admins.length > 0) {
          if (inAdminGroup && existing.role !== 'admin') {
            changes.role = 'admin';
            changes.role_source = 'directory';
          } else if (!inAdminGroup && existing.role === 'admin' && existing.role_source === 'directory') {
            // Only the directory takes away what the directory gave: a hand-made admin stays one.
            changes.role = 'member';
          }
        }
        if (changes.role) roleChange = { from: existing.role, to: String(changes.role) };
        if (Object.keys(changes).length > 0) await this.auth.updatePerson(trx, personId, { ...changes, updated_at: now });
      }
      const shownName = name ?? existing?.name ?? email;
      if (roleChange) {
        await recordAudit(trx, {
          actor: null,
          actorLabel: 'single sign-on',
          action: 'person.role_changed',
          target: { type: 'person', id: personId },
          summary: `${shownName} became ${roleChange.to === 'admin' ? 'an admin' : 'a member'} (directory groups)`,
          details: { ...roleChange, source: 'directory' },
          origin,
        });
      }
      await recordAudit(trx, {
        actor: { id: personId, name: shownName },
        action: 'sign_in.succeeded',
        target: { type: 'person', id: personId },
        summary: `${shownName} signed in through single sign-on`,
        details: { method: 'oidc', email, ...(existing ? {} : { firstSignIn: true }) },
        origin,
      });
      return { personId, name: shownName };
    });
  }

  /** A refused sign-in, in the audit log: from where, and why. */
  async recordFailure(refusal: OidcRefusal, origin: AuditOrigin): Promise<void> {
    await recordAudit(this.tx.executor, {
      actor: null,
      actorLabel: refusal.email ?? 'unknown (single sign-on)',
      action: 'sign_in.failed',
      summary: `Single sign-on refused: ${refusal.reason}`,
      details: { method: 'oidc', code: refusal.code },
      origin,
    });
  }
}
