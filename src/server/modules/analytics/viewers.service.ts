import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { invalidField } from '../../platform/errors.js';
import { nowIso } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import type { viewersRepository } from './viewers.repository.js';

type Viewers = { items: { id: string; name: string; title: string | null }[] };

const REFUSAL = 'Only admins choose who else sees the dashboard.';

/** The admins' read-only share of the dashboard (leadership, say): who sees figures without names. */
export class DashboardViewersService {
  constructor(
    private readonly tx: Transactor,
    private readonly viewers: typeof viewersRepository,
    private readonly access: AccessChecker,
  ) {}

  async list(actor: Actor): Promise<Viewers> {
    this.access.admin(actor, REFUSAL);
    return { items: await this.viewers.list(this.tx.executor) };
  }

  /** Replaces the list; an id that is nobody is refused by its place in the list (`personIds.N`). */
  async set(actor: Actor, personIds: string[]): Promise<Viewers> {
    this.access.admin(actor, REFUSAL);
    return this.tx.transaction(async (trx) => {
      const known = await this.viewers.existing(trx, personIds);
      const unknown = personIds.findIndex((id) => !known.has(id));
      if (unknown >= 0) throw invalidField(`personIds.${unknown}`, 'There is nobody with this id.');
      await this.viewers.replace(trx, [...new Set(personIds)], actor.id, nowIso());
      return { items: await this.viewers.list(trx) };
    });
  }
}
