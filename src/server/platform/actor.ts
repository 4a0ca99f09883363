/** The signed-in person a request acts for. */
export interface Actor {
  id: string;
  name: string;
  role: 'member' | 'admin';
  timeZone: string;
}

export const isAdmin = (actor: Actor): boolean => actor.role === 'admin';
