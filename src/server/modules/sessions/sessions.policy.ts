import { type RegistrationStatus, videoLinkStatuses } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';

/** Who looks at a session: the person, whether they host its workshop, and their registration (not a cancelled one). */
export interface SessionViewer {
  actor: Pick<Actor, 'id' | 'role'>;
  hostIds: readonly string[];
  registration: { status: RegistrationStatus } | null | undefined;
}

/**
 * The video link is the door to the session: it is for people with a confirmed seat, the
 * workshop's hosts and admins. Everyone else who can see the session (the whole company, for a
 * published workshop) would otherwise walk in without registering, past the seat limit.
 */
export function maySeeVideoLink(viewer: SessionViewer): boolean {
  if (viewer.actor.role === 'admin' || viewer.hostIds.includes(viewer.actor.id)) return true;
  return viewer.registration != null && videoLinkStatuses.includes(viewer.registration.status);
}

/** The session's video link as this viewer may see it: the link, or null. */
export const videoLinkFor = (videoUrl: string | null, viewer: SessionViewer): string | null => (maySeeVideoLink(viewer) ? videoUrl : null);
