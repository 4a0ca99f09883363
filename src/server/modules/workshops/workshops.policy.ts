import { type Actor, isAdmin } from '../../platform/actor.js';

export interface WorkshopAccess {
  status: 'draft' | 'published';
  hostIds: readonly string[];
}

export type WorkshopAction = 'view' | 'edit';

/** Anyone signed in sees published workshops; drafts are for their hosts; hosts and admins edit. */
export function can(actor: Actor, action: WorkshopAction, workshop: WorkshopAccess): boolean {
  const isHost = workshop.hostIds.includes(actor.id);
  switch (action) {
    case 'view':
      return workshop.status === 'published' || isHost || isAdmin(actor);
    case 'edit':
      return isHost || isAdmin(actor);
  }
}
