import type { Actor } from '../../platform/actor.js';

/** How a session looks to an actor: refused (404) when they may not see it, its video link only if they may. */
export interface SessionViewer {
  get(actor: Actor, sessionId: string): Promise<{ videoUrl: string | null }>;
}
