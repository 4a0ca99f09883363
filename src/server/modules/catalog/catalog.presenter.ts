import type { CatalogEntry } from '../../../contracts/index.js';
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
  extras: SessionExtras = {},
): CatalogEntry {
  return {
    ...presentSession(session, extras),
    workshop: {
      ...workshop,
      tags,
      hosts: hosts.map((h) => ({ id: h.id, name: h.name, title: h.title })),
    },
  };
}
