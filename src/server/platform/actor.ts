/** The signed-in person a request acts for. */
export interface Actor {
  id: string;
  name: string;
  role: 'member' | 'admin';
  timeZone: string;
  /** Set when the request came with an API token (not a browser session, not the CLI). */
  apiToken?: { scope: 'read' | 'write' };
}

export const isAdmin = (actor: Actor): boolean => actor.role === 'admin';
