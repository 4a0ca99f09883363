import type { AdminPerson } from '../../../contracts/index.js';
import type { AdminPersonRow } from './leavers.repository.js';

export function presentAdminPerson(row: AdminPersonRow, workshopsWithoutHost: { id: string; title: string }[] = []): AdminPerson {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    title: row.title,
    team: row.team,
    role: row.role,
    roleSource: row.role_source ?? 'manual',
    active: row.active !== 0,
    deactivatedAt: row.deactivated_at ?? null,
    deactivatedBy:
      row.deactivated_by && row.deactivated_by_name
        ? { id: row.deactivated_by, name: row.deactivated_by_name, title: row.deactivated_by_title }
        : null,
    erasedAt: row.erased_at ?? null,
    workshopsWithoutHost: row.active !== 0 ? [] : workshopsWithoutHost,
  };
}
