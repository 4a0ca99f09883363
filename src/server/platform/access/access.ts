import type { Actor } from '../actor.js';
import { forbidden, notFound } from '../errors.js';
import type { Executor } from '../transaction.js';
import type { AccessRepository, RegistrationFacts, SessionFacts, WorkshopFacts } from './access.repository.js';
import {
  allows,
  type Permission,
  type RegistrationPermission,
  type SessionPermission,
  seenByEveryone,
  type WorkshopPermission,
} from './permissions.js';

/** Why the actor may not, in words for a person (each caller may say it more precisely). */
const refusals: Record<Exclude<Permission, 'workshop.view' | 'session.view' | 'registration.view'>, string> = {
  'workshop.edit': 'Only the hosts of this workshop (and admins) can change it.',
  'workshop.host': 'Only the hosts of this workshop can do this.',
  'session.edit': "Only the hosts of this session's workshop (and admins) can change it.",
  'session.roster': "Only the session's hosts (and admins) can manage its registrations.",
  'registration.respond': 'Only the person registered can answer for this registration.',
  'registration.manage': "Only the session's hosts (and admins) can manage its registrations.",
  admin: 'Only admins can do this.',
};

/**
 * The one place routes' services ask "may this person do this to that?" (Immich's requireAccess
 * is the model). It reads the facts from the tables itself, so no service needs another module's
 * service to authorize. Whoever may not see a thing is told it does not exist (404); whoever sees
 * it but may not act is refused (403). Ask before taking any lock.
 */
export class AccessChecker {
  constructor(private readonly repository: AccessRepository) {}

  async workshop(db: Executor, actor: Actor, permission: WorkshopPermission, workshopId: string, refusal?: string): Promise<WorkshopFacts> {
    const facts = await this.repository.workshop(db, workshopId);
    return this.decide(actor, permission, facts, 'Workshop', 'workshop.view', refusal);
  }

  async session(db: Executor, actor: Actor, permission: SessionPermission, sessionId: string, refusal?: string): Promise<SessionFacts> {
    const facts = await this.repository.session(db, sessionId);
    return this.decide(actor, permission, facts, 'Session', 'session.view', refusal);
  }

  async registration(
    db: Executor,
    actor: Actor,
    permission: RegistrationPermission,
    registrationId: string,
    refusal?: string,
  ): Promise<RegistrationFacts> {
    const facts = await this.repository.registration(db, registrationId);
    if (!facts || !allows(actor, 'registration.view', facts)) throw notFound('Registration');
    if (permission !== 'registration.view' && !allows(actor, permission, facts)) throw forbidden(refusal ?? refusals[permission]);
    return facts;
  }

  /** The education team's own pages and settings. */
  admin(actor: Actor, refusal?: string): void {
    if (!allows(actor, 'admin')) throw forbidden(refusal ?? refusals.admin);
  }

  /**
   * The education dashboard: admins, and the people they shared it with (read-only: they see
   * figures, never names of hosts or learners). Returns whether the actor sees names.
   */
  async dashboard(db: Executor, actor: Actor): Promise<{ names: boolean }> {
    if (allows(actor, 'admin')) return { names: true };
    if (await this.repository.dashboardViewer(db, actor.id)) return { names: false };
    throw forbidden('Only the education team (admins) and the people they shared the dashboard with can see it.');
  }

  /** Whether the actor may, without refusing: what a presenter shows (an edit button, a roster link). */
  allows = allows;

  /** Whether a workshop (and its sessions) is visible without knowing its hosts: a shortcut for hot paths. */
  seenByEveryone = seenByEveryone;

  private decide<F extends WorkshopFacts>(
    actor: Actor,
    permission: WorkshopPermission | SessionPermission,
    facts: F | undefined,
    what: string,
    view: 'workshop.view' | 'session.view',
    refusal: string | undefined,
  ): F {
    if (!facts || !allows(actor, view, facts)) throw notFound(what);
    if (permission !== view && !allows(actor, permission, facts)) throw forbidden(refusal ?? refusals[permission as keyof typeof refusals]);
    return facts;
  }
}
