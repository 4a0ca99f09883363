import type { AdminPerson } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type AuditOrigin, recordAudit } from '../../platform/audit.js';
import { type CredentialChanges, noCredentialChanges } from '../../platform/credential-changes.js';
import { AppError, invalidField, invalidState, notFound } from '../../platform/errors.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { erasureRepository } from './erasure.repository.js';
import { presentAdminPerson } from './leavers.presenter.js';
import { type AdminPersonRow, ERASED_NAME, type leaversRepository } from './leavers.repository.js';
import type { LeaverNotices, LeaverSeats } from './ports.js';

const target = (id: string) => ({ type: 'person', id });

/**
 * People who leave, and roles: the People admin page (and, for deactivation, the directory).
 * Each action is one transaction with its audit entry: a leaver's credentials stop, their places
 * to come pass to the people waiting, and the workshops they host are flagged, or none of it.
 */
export class LeaversService {
  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly leavers: typeof leaversRepository,
    private readonly seats: LeaverSeats,
    private readonly notices: LeaverNotices,
    private readonly erasure: typeof erasureRepository,
    /** Told after a role change, deactivation or erasure commits: no instance answers the old credentials. */
    private readonly credentials: CredentialChanges = noCredentialChanges,
  ) {}

  /** One transaction about one person's standing, then every instance's credential cache forgets them. */
  private async changing<T>(id: string, work: (trx: Executor) => Promise<T>): Promise<T> {
    const result = await this.tx.transaction(work);
    await this.credentials.changed([id]);
    return result;
  }

  async list(actor: Actor, query: { q?: string; cursor?: string; limit: number }) {
    this.access.admin(actor);
    const after = decodeCursor(query.cursor, ['text', 'text']) as [string, string] | undefined;
    const rows = await this.leavers.list(this.tx.executor, { q: query.q, after, limit: query.limit + 1 });
    const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
    const inactive = page.items.filter((r) => r.active === 0).map((r) => r.id);
    const unhosted = await this.leavers.withoutHost(this.tx.executor, inactive, new Date().toISOString());
    return { items: page.items.map((r) => presentAdminPerson(r, unhosted.get(r.id))), nextCursor: page.nextCursor };
  }

  async changeRole(actor: Actor, id: string, role: 'member' | 'admin', origin: AuditOrigin): Promise<AdminPerson> {
    this.access.admin(actor);
    refuseSelf(actor, id, 'change your own role (ask another admin)');
    return this.changing(id, async (trx) => {
      const row = await this.found(trx, id);
      if (row.erased_at) throw invalidState('This person was erased; their role no longer matters.');
      const at = new Date().toISOString();
      await this.leavers.setRole(trx, id, role, at);
      if (row.role !== role) {
        await recordAudit(trx, {
          actor,
          action: 'person.role_changed',
          target: target(id),
          summary: `Made ${row.name} ${role === 'admin' ? 'an admin' : 'a member'}`,
          details: { from: row.role, to: role },
          origin,
        });
      }
      return this.present(trx, id);
    });
  }

  /** Deactivating someone already inactive changes nothing and answers how they are. */
  async deactivate(actor: Actor, id: string, origin: AuditOrigin): Promise<AdminPerson> {
    this.access.admin(actor);
    refuseSelf(actor, id, 'deactivate yourself (ask another admin)');
    return this.changing(id, async (trx) => {
      const row = await this.found(trx, id);
      await this.deactivateIn(trx, { actor }, row, origin);
      return this.present(trx, id);
    });
  }

  /**
   * The same deactivation with no admin behind it (SCIM `active: false`, the directory): `label`
   * names the source in the audit log. False when the person was already inactive or is unknown.
   */
  async deactivateFromDirectory(id: string, label: string, origin?: AuditOrigin): Promise<boolean> {
    return this.changing(id, async (trx) => {
      const row = await this.leavers.findById(trx, id);
      return row ? this.deactivateIn(trx, { actor: null, label }, row, origin) : false;
    });
  }

  /** The directory's reactivation (SCIM `active: true`); an erased person stays erased. */
  async reactivateFromDirectory(id: string, label: string, origin?: AuditOrigin): Promise<boolean> {
    return this.tx.transaction(async (trx) => {
      const row = await this.leavers.findById(trx, id);
      if (!row || !(await this.leavers.markActive(trx, id, new Date().toISOString()))) return false;
      await recordAudit(trx, {
        actor: null,
        actorLabel: label,
        action: 'person.reactivated',
        target: target(id),
        summary: `Reactivated ${row.name}`,
        origin,
      });
      return true;
    });
  }

  /** Sign-in works again; registrations cancelled when they left stay cancelled. */
  async reactivate(actor: Actor, id: string, origin: AuditOrigin): Promise<AdminPerson> {
    this.access.admin(actor);
    return this.tx.transaction(async (trx) => {
      const row = await this.found(trx, id);
      if (row.erased_at) throw invalidState('This person was erased: erasure cannot be undone.');
      if (await this.leavers.markActive(trx, id, new Date().toISOString())) {
        await recordAudit(trx, { actor, action: 'person.reactivated', target: target(id), summary: `Reactivated ${row.name}`, origin });
      }
      return this.present(trx, id);
    });
  }

  /**
   * Erasure, for privacy: name, email and profile replaced, credentials deleted, and deactivated.
   * Registrations stay (unlinked from anything that names the person) so the figures still count.
   * The caller types the person's email again; it cannot be undone.
   */
  async erase(actor: Actor, id: string, confirm: string, origin: AuditOrigin): Promise<AdminPerson> {
    this.access.admin(actor);
    refuseSelf(actor, id, 'erase yourself (ask another admin)');
    return this.changing(id, async (trx) => {
      const row = await this.found(trx, id);
      if (row.erased_at) throw invalidState('This person was already erased.');
      if (confirm.toLowerCase() !== row.email.toLowerCase()) {
        throw invalidField('confirm', "Type the person's email address exactly to confirm the erasure.");
      }
      await this.deactivateIn(trx, { actor }, row, origin, { erasing: true });
      const at = new Date().toISOString();
      await this.leavers.erase(trx, id, at);
      await this.leavers.deleteApiTokens(trx, id);
      await this.leavers.endLoginSessions(trx, id);
      await this.leavers.deleteCalendarFeed(trx, id);
      await this.erasure.withdrawPendingMessages(trx, id);
      await this.erasure.deleteMailboxCopies(trx, id, row.email);
      const unsigned = await this.erasure.unsignFeedback(trx, id, at);
      // The log keeps the person's id, never their name or email: earlier entries are redacted.
      const redacted = await this.erasure.redactAuditEntries(trx, id, { name: row.name, email: row.email });
      await recordAudit(trx, {
        actor,
        action: 'person.erased',
        target: target(id),
        summary: "Erased a person's name, email and profile",
        details: { feedbackUnsigned: unsigned, auditEntriesRedacted: redacted },
        origin,
      });
      return this.present(trx, id);
    });
  }

  /**
   * The effects of leaving, in the caller's transaction: inactive (which refuses every credential
   * at once), signed out everywhere, tokens revoked, the calendar feed gone, places to come
   * cancelled through the seat ledger, and the hosts' workshops flagged. Nothing when already inactive.
   */
  private async deactivateIn(
    trx: Executor,
    by: { actor: Pick<Actor, 'id' | 'name'> | null; label?: string },
    row: AdminPersonRow,
    origin: AuditOrigin | undefined,
    { erasing = false } = {},
  ): Promise<boolean> {
    const now = new Date();
    const at = now.toISOString();
    if (!(await this.leavers.markInactive(trx, row.id, by.actor?.id ?? null, at))) return false;
    await this.leavers.endLoginSessions(trx, row.id);
    await this.leavers.revokeApiTokens(trx, row.id, at);
    await this.leavers.deleteCalendarFeed(trx, row.id);
    const cancelled = await this.seats.cancelUpcoming(trx, row.id, now);
    // After the cancellations (which write to them too): nothing more reaches the leaver.
    const withdrawn = await this.erasure.withdrawPendingMessages(trx, row.id);
    const hosted = await this.leavers.hostedWithSessionsAhead(trx, row.id, at);
    const admins = hosted.some((w) => w.coHostIds.length === 0) ? await this.leavers.activeAdminIds(trx, row.id) : [];
    for (const workshop of hosted) {
      const alone = workshop.coHostIds.length === 0;
      await this.notices.hostLeft(trx, workshop.nextSessionId, alone ? admins : workshop.coHostIds, {
        id: row.id,
        name: erasing ? ERASED_NAME : row.name,
        alone,
        at,
      });
    }
    await recordAudit(trx, {
      actor: by.actor,
      actorLabel: by.label,
      action: 'person.deactivated',
      target: target(row.id),
      // Erasing: the name must not outlive the erasure in the log.
      summary: erasing ? 'Deactivated a person (being erased)' : `Deactivated ${row.name}`,
      details: {
        registrationsCancelled: cancelled,
        messagesWithdrawn: withdrawn,
        workshopsWithoutHost: hosted.filter((w) => w.coHostIds.length === 0).map((w) => w.workshopId),
      },
      origin,
    });
    return true;
  }

  /** One person as the admin page shows them, with the workshops they left without a host. */
  private async present(db: Executor, id: string): Promise<AdminPerson> {
    const row = await this.found(db, id);
    const unhosted = row.active === 0 ? await this.leavers.withoutHost(db, [id], new Date().toISOString()) : undefined;
    return presentAdminPerson(row, unhosted?.get(id));
  }

  private async found(db: Executor, id: string): Promise<AdminPersonRow> {
    const row = await this.leavers.findById(db, id);
    if (!row) throw notFound('Person');
    return row;
  }
}

function refuseSelf(actor: Actor, id: string, what: string): void {
  if (actor.id === id) throw new AppError('cannot_change_self', `You cannot ${what}.`);
}
