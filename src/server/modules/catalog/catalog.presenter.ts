import type { CatalogEntry } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { presentSession, type SessionExtras } from '../sessions/sessions.presenter.js';
import type { SessionRow } from '../sessions/sessions.repository.js';
import type { HostRow } from '../workshops/workshops.repository.js';

export interface CatalogWorkshop {
  id: string;
  title: string;
  summary: string;
  format: CatalogEntry['workshop']['format'];
}

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
