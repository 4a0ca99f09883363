import { type Actor, isAdmin } from '../../platform/actor.js';

export type ChannelAction = 'create' | 'edit';

/** Channels are the education team's to create; their owners (and admins) keep them. */
export function can(actor: Actor, action: ChannelAction, channel: { ownerIds: readonly string[] } = { ownerIds: [] }): boolean {
  switch (action) {
    case 'create':
      return isAdmin(actor);
    case 'edit':
      return isAdmin(actor) || channel.ownerIds.includes(actor.id);
  }
}
