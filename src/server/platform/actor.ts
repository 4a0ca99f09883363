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

/**
 * Whether the actor may make a new credential (an API token, a calendar feed address): only a
 * person signed in with a browser, or an operator with the CLI. A credential made with a leaked
 * API token would outlive revoking that token, so API tokens may make none.
 */
export const mayMintCredentials = (actor: Actor): boolean => actor.apiToken === undefined;
