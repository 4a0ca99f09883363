import type { Updateable } from 'kysely';
import type { SignInErrorCode } from '../../../contracts/sign-in-errors.js';
import type { PeopleTable } from '../../db/schema.js';
import { type AuditOrigin, recordAudit } from '../../platform/audit.js';
import { type CredentialChanges, noCredentialChanges } from '../../platform/credential-changes.js';
import { roleFromDirectoryGroups } from '../../platform/directory-roles.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import type { authRepository } from './auth.repository.js';

/**
 * Who a single sign-on is, whichever protocol brought it (OpenID Connect or SAML): the provider's
 * identity becomes a person of the directory (made on first sign-in, found by email otherwise),
 * their name, title and team follow the provider, and the admin groups decide the role unless an
 * admin set it by hand (people.role_source 'manual'). One set of rules, so both modes agree.
 */

export type SignInMethod = 'oidc' | 'saml';

/** Why a sign-in was refused: the code goes to the sign-in page (?error=…), the reason to the log and the audit. */
export class SignInRefusal extends Error {
  constructor(
    readonly code: SignInErrorCode,
    readonly reason: string,
    /** The email the provider vouched for, when the refusal came after reading it. */
    readonly email?: string,
  ) {
    super(reason);
  }
}

/** What a provider said about the person, already read from its claims or attributes. */
export interface FederatedIdentity {
  method: SignInMethod;
  /** Lower-cased; a refusal (email_missing) when the provider sent none. */
  email: string | undefined;
  /** undefined: the provider does not say; false refuses the sign-in. */
  emailVerified?: boolean;
  name: string | undefined;
  /** undefined: leave as it is; null: the provider says there is none. */
  title: string | null | undefined;
  team: string | null | undefined;
  groups: string[];
  /** An IANA time zone for a new person, when the provider tells one. */
  timeZone?: string;
  /** Says which setting names the missing email (for the refusal's reason). */
  emailSource: string;
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

export class FederatedSignInService {
  constructor(
    private readonly tx: Transactor,
    private readonly auth: typeof authRepository,
    /** Members of any of these groups are admins; empty: the directory decides no roles. */
    private readonly adminGroups: string[],
    /** Told after a sign-in changed an existing person (name, role), so no instance answers the old one. */
    private readonly credentials: CredentialChanges = noCredentialChanges,
  ) {}

  /** The person this identity signs in as (made or updated), or a SignInRefusal; audited either way. */
  async personFor(identity: FederatedIdentity, origin: AuditOrigin): Promise<{ personId: string; name: string }> {
    const email = identity.email?.trim().toLowerCase();
    if (!email?.includes('@')) throw new SignInRefusal('email_missing', `the provider sent no ${identity.emailSource}`);
    if (identity.emailVerified === false) throw new SignInRefusal('email_unverified', `${email} is not verified at the provider`, email);
    const { name, title, team, method } = identity;
    const admins = this.adminGroups;
    const inAdminGroup = admins.length > 0 && identity.groups.some((g) => admins.includes(g));

    let changedPerson: string | undefined;
    const signedIn = await this.tx.transaction(async (trx) => {
      const now = nowIso();
      const existing = await this.auth.findPersonByEmail(trx, email);
      if (existing && existing.active === 0) {
        throw new SignInRefusal('account_inactive', `${email} is deactivated in Lyceum`, email);
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
          time_zone: validZone(identity.timeZone) ?? 'UTC',
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
          details: { email, role, method },
          origin,
        });
      } else {
        personId = existing.id;
        const changes: Updateable<PeopleTable> = {};
        if (name !== undefined && name !== existing.name) changes.name = name;
        if (title !== undefined && title !== existing.title) changes.title = title;
        if (team !== undefined && team !== existing.team) changes.team = team;
        if (admins.length > 0) {
          // Only the directory takes away what the directory gave: a hand-made admin stays one (SCIM's rule too).
          const role = roleFromDirectoryGroups({ role: existing.role, role_source: existing.role_source ?? 'manual' }, inAdminGroup);
          if (role) Object.assign(changes, role);
        }
        if (changes.role) roleChange = { from: existing.role, to: String(changes.role) };
        if (Object.keys(changes).length > 0) {
          await this.auth.updatePerson(trx, personId, { ...changes, updated_at: now });
          changedPerson = personId;
        }
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
        details: { method, email, ...(existing ? {} : { firstSignIn: true }) },
        origin,
      });
      return { personId, name: shownName };
    });
    if (changedPerson) await this.credentials.changed([changedPerson]);
    return signedIn;
  }

  /** A refused sign-in, in the audit log: from where, and why. */
  async recordFailure(refusal: SignInRefusal, method: SignInMethod, origin: AuditOrigin): Promise<void> {
    await recordAudit(this.tx.executor, {
      actor: null,
      actorLabel: refusal.email ?? 'unknown (single sign-on)',
      action: 'sign_in.failed',
      summary: `Single sign-on refused: ${refusal.reason}`,
      details: { method, code: refusal.code },
      origin,
    });
  }
}
