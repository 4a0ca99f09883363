import type { Person } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Transactor } from '../../platform/transaction.js';
import { presentPerson } from './people.presenter.js';
import type { peopleRepository } from './people.repository.js';

/** The directory: every signed-in person may look people up (a company directory, not private data). */
export class PeopleService {
  constructor(
    private readonly tx: Transactor,
    private readonly people: typeof peopleRepository,
  ) {}

  async get(_actor: Actor, id: string): Promise<Person> {
    const row = await this.people.findById(this.tx.executor, id);
    if (!row) throw notFound('Person');
    return presentPerson(row);
  }

  async list(_actor: Actor, query: { q?: string; cursor?: string; limit: number }) {
    const after = decodeCursor(query.cursor, ['text', 'text']) as [string, string] | undefined;
    const rows = await this.people.list(this.tx.executor, { q: query.q, after, limit: query.limit + 1 });
    const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
    return { items: page.items.map(presentPerson), nextCursor: page.nextCursor };
  }
}
