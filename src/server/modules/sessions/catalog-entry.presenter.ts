import type { CatalogEntry } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import type { HostRow } from '../workshops/workshops.repository.js';
import { presentSession, type SessionExtras } from './sessions.presenter.js';
import type { SessionRow } from './sessions.repository.js';

export interface CatalogWorkshop {
  id: string;
  title: string;
  summary: string;
  format: CatalogEntry['workshop']['format'];
}

/** A session of the catalog, with its workshop: the catalog's pages and a session's own page. */
export function presentCatalogEntry(
  session: SessionRow,
  workshop: CatalogWorkshop,
  tags: string[],
  hosts: HostRow[],
  viewer: Pick<Actor, 'id' | 'role'>,
  extras: SessionExtras = {},
): CatalogEntry {
  return {
    ...presentSession(session, { actor: viewer, hostIds: hosts.map((h) => h.id) }, extras),
    workshop: {
      ...workshop,
      tags,
      hosts: hosts.map((h) => ({ id: h.id, name: h.name, title: h.title })),
    },
  };
}
