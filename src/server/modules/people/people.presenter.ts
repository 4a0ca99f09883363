import type { DevAccount, Person } from '../../../contracts/index.js';
import type { PersonRow, PersonWithManager } from './people.repository.js';

export function presentPerson(row: PersonWithManager): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    title: row.title,
    team: row.team,
    location: row.location,
    timeZone: row.time_zone,
    role: row.role,
    manager: row.manager_id && row.manager_name ? { id: row.manager_id, name: row.manager_name, title: row.manager_title } : null,
    active: row.active !== 0,
  };
}

export function presentDevAccount(row: PersonRow): DevAccount {
  return { id: row.id, email: row.email, name: row.name, title: row.title, team: row.team, role: row.role };
}
