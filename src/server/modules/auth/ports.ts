import type { Person } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';

/**
 * What the sign-in routes read from the people directory (the people module fills it, through
 * the container): demo mode lists the accounts one may sign in as and answers with the person.
 */
export interface PeopleDirectory {
  get(actor: Actor, id: string): Promise<Person>;
  list(actor: Actor, query: { q?: string; cursor?: string; limit: number }): Promise<{ items: Person[]; nextCursor: string | null }>;
}
