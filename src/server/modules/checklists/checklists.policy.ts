import { type Actor, isAdmin } from '../../platform/actor.js';

export type ChecklistAction = 'view-run' | 'edit-templates' | 'view-suggestion' | 'decide-suggestion';

/** What a checklist decision is made from: the workshop's hosts (runs), who made it (suggestions). */
export interface ChecklistFacts {
  /** The workshop's hosts, for runs. */
  hostIds?: readonly string[];
  /** Who made it, for suggestions. */
  authorId?: string;
}

/**
 * Checklists belong to a workshop's hosts: only they answer (`workshop.host`); admins (the education team) may
 * look, to support them. Templates are the education team's; suggestions are visible to their
 * author and to admins. Pure rules: the services ask `AccessChecker` for the facts and the refusals.
 */
export function can(actor: Actor, action: ChecklistAction, facts: ChecklistFacts = {}): boolean {
  const isHost = facts.hostIds?.includes(actor.id) ?? false;
  switch (action) {
    case 'view-run':
      return isHost || isAdmin(actor);
    case 'edit-templates':
    case 'decide-suggestion':
      return isAdmin(actor);
    case 'view-suggestion':
      return facts.authorId === actor.id || isAdmin(actor);
  }
}
