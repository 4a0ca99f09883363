/**
 * The demo organisation: a CTO, four directors and a dozen teams, each with an engineering
 * manager, spread over offices in several time zones. Everything here is independent of the
 * clock; seed-demo.ts turns `joinedDaysAgo` into timestamps.
 */
import { NAME_POOLS, randomName } from '../shared/names.js';
import { OFFICES, type Office, type OfficeKey } from '../shared/places.js';
import { Random } from '../shared/random.js';
import { demoId } from './demo-ids.js';

export const DEMO_EMAIL_DOMAIN = 'lyceum.example';
/** The first admin, and the marker that the demo data is already there. */
export const FIRST_DEMO_EMAIL = `jasmine.robinson@${DEMO_EMAIL_DOMAIN}`;
export const LEADERSHIP_TEAM = 'Engineering Leadership';

export type TeamName =
  | 'Platform'
  | 'Data'
  | 'Security'
  | 'Mobile'
  | 'Payments'
  | 'Developer Education'
  | 'Search'
  | 'Infrastructure'
  | 'Frontend'
  | 'Machine Learning'
  | 'Reliability'
  | 'Growth';

type DirectorKey = 'infra' | 'devex' | 'product' | 'data';

export interface DemoPerson {
  id: string;
  email: string;
  name: string;
  title: string;
  team: TeamName | typeof LEADERSHIP_TEAM;
  office: Office;
  managerId: string | null;
  role: 'member' | 'admin';
  joinedDaysAgo: number;
}

interface TeamSpec {
  director: DirectorKey;
  /** Head count per office, manager included; the manager sits in the first office. */
  offices: readonly (readonly [OfficeKey, number])[];
  /** Titles of everyone but the manager, with how many people hold each. */
  titles: readonly (readonly [string, number])[];
}

const DIRECTORS: Record<DirectorKey, { title: string; office: OfficeKey }> = {
  infra: { title: 'Director of Engineering, Infrastructure & Reliability', office: 'lon' },
  devex: { title: 'Director of Engineering, Developer Experience', office: 'ams' },
  product: { title: 'Director of Engineering, Product', office: 'nyc' },
  data: { title: 'Director of Engineering, Data & ML', office: 'blr' },
};

export const TEAMS: Record<TeamName, TeamSpec> = {
  Platform: {
    director: 'devex',
    offices: [
      ['ams', 10],
      ['lon', 4],
      ['ber', 3],
      ['blr', 3],
    ],
    titles: [
      ['Senior Platform Engineer', 5],
      ['Platform Engineer', 7],
      ['Staff Engineer', 1],
      ['Developer Experience Engineer', 3],
      ['Software Engineer', 2],
      ['Technical Program Manager', 1],
    ],
  },
  'Developer Education': {
    director: 'devex',
    offices: [
      ['ams', 2],
      ['nyc', 1],
      ['lon', 1],
    ],
    // Jasmine Robinson is added by hand as the fourth member.
    titles: [
      ['Instructional Designer', 1],
      ['Technical Writer', 1],
    ],
  },
  Infrastructure: {
    director: 'infra',
    offices: [
      ['ams', 7],
      ['tyo', 5],
      ['lon', 3],
      ['ber', 2],
      ['yyz', 1],
    ],
    titles: [
      ['Infrastructure Engineer', 6],
      ['Senior Infrastructure Engineer', 4],
      ['Cloud Engineer', 3],
      ['Network Engineer', 1],
      ['Staff Infrastructure Engineer', 1],
      ['Database Reliability Engineer', 2],
    ],
  },
  Reliability: {
    director: 'infra',
    offices: [
      ['tyo', 5],
      ['nyc', 4],
      ['sfo', 3],
      ['ams', 3],
      ['nbo', 1],
    ],
    titles: [
      ['Site Reliability Engineer', 7],
      ['Senior SRE', 5],
      ['Staff SRE', 1],
      ['Incident Manager', 1],
      ['Observability Engineer', 1],
    ],
  },
  Security: {
    director: 'infra',
    offices: [
      ['lon', 6],
      ['ber', 2],
      ['ams', 2],
      ['nyc', 2],
    ],
    titles: [
      ['Security Engineer', 5],
      ['Senior Security Engineer', 3],
      ['Application Security Engineer', 2],
      ['Staff Security Engineer', 1],
    ],
  },
  Frontend: {
    director: 'product',
    offices: [
      ['ams', 8],
      ['nyc', 6],
      ['tyo', 3],
      ['sao', 2],
      ['yyz', 3],
    ],
    titles: [
      ['Frontend Engineer', 7],
      ['Senior Frontend Engineer', 5],
      ['Staff Frontend Engineer', 1],
      ['Product Designer', 3],
      ['Accessibility Specialist', 1],
      ['Design Systems Engineer', 2],
      ['Software Engineer', 2],
    ],
  },
  Mobile: {
    director: 'product',
    offices: [
      ['sao', 8],
      ['ams', 6],
      ['nyc', 4],
    ],
    titles: [
      ['iOS Engineer', 4],
      ['Senior iOS Engineer', 2],
      ['Android Engineer', 4],
      ['Senior Android Engineer', 2],
      ['Product Designer', 2],
      ['QA Engineer', 2],
      ['Staff Engineer', 1],
    ],
  },
  Payments: {
    director: 'product',
    offices: [
      ['lon', 8],
      ['sao', 5],
      ['ams', 3],
      ['nbo', 2],
    ],
    titles: [
      ['Backend Engineer', 6],
      ['Senior Backend Engineer', 5],
      ['Staff Engineer', 1],
      ['Technical Program Manager', 1],
      ['Product Manager', 1],
      ['Software Engineer', 3],
    ],
  },
  Growth: {
    director: 'product',
    offices: [
      ['nyc', 8],
      ['sfo', 4],
      ['ams', 2],
      ['sao', 2],
    ],
    titles: [
      ['Full-Stack Engineer', 5],
      ['Senior Full-Stack Engineer', 3],
      ['Product Designer', 2],
      ['Data Analyst', 2],
      ['Product Manager', 2],
      ['Experimentation Engineer', 1],
    ],
  },
  Data: {
    director: 'data',
    offices: [
      ['blr', 7],
      ['ams', 6],
      ['lon', 3],
      ['yyz', 2],
    ],
    titles: [
      ['Senior Data Engineer', 4],
      ['Data Engineer', 6],
      ['Analytics Engineer', 3],
      ['Data Scientist', 3],
      ['Staff Data Engineer', 1],
    ],
  },
  'Machine Learning': {
    director: 'data',
    offices: [
      ['sfo', 8],
      ['blr', 6],
      ['lon', 2],
    ],
    titles: [
      ['Machine Learning Engineer', 5],
      ['Senior Machine Learning Engineer', 3],
      ['Data Scientist', 3],
      ['Applied Scientist', 2],
      ['MLOps Engineer', 1],
      ['Staff Machine Learning Engineer', 1],
    ],
  },
  Search: {
    director: 'data',
    offices: [
      ['blr', 8],
      ['ams', 4],
      ['yyz', 2],
    ],
    titles: [
      ['Search Engineer', 5],
      ['Senior Search Engineer', 3],
      ['Relevance Engineer', 2],
      ['Data Scientist', 1],
      ['Staff Engineer', 1],
      ['Software Engineer', 1],
    ],
  },
};

/** Builds the whole organisation, leaders first so every manager is inserted before their reports. */
export function buildDemoPeople(): DemoPerson[] {
  const random = new Random('lyceum-demo-people');
  const emails = new Set<string>([FIRST_DEMO_EMAIL]);
  const people: DemoPerson[] = [];

  const add = (
    title: string,
    team: DemoPerson['team'],
    officeKey: OfficeKey,
    managerId: string | null,
    role: DemoPerson['role'] = 'member',
  ) => {
    const office = OFFICES[officeKey];
    const { name, email } = uniqueName(random, office, emails);
    const person: DemoPerson = {
      id: demoId(`person:${email}`),
      email,
      name,
      title,
      team,
      office,
      managerId,
      role,
      joinedDaysAgo: random.int(120, 1500),
    };
    people.push(person);
    return person;
  };

  const cto = add('Chief Technology Officer', LEADERSHIP_TEAM, 'ams', null);
  const directors = new Map<DirectorKey, DemoPerson>();
  for (const [key, { title, office }] of Object.entries(DIRECTORS) as [DirectorKey, (typeof DIRECTORS)[DirectorKey]][]) {
    directors.set(key, add(title, LEADERSHIP_TEAM, office, cto.id));
  }

  for (const [team, spec] of Object.entries(TEAMS) as [TeamName, TeamSpec][]) {
    const admin = team === 'Developer Education';
    const seats = random.shuffle(spec.offices.flatMap(([office, count]) => Array<OfficeKey>(count).fill(office)));
    const managerOffice = spec.offices[0]?.[0] ?? 'ams';
    seats.splice(seats.indexOf(managerOffice), 1);
    const manager = add('Engineering Manager', team, managerOffice, directors.get(spec.director)?.id ?? cto.id, admin ? 'admin' : 'member');
    if (admin) {
      seats.splice(seats.indexOf('ams'), 1);
      people.push({
        id: demoId(`person:${FIRST_DEMO_EMAIL}`),
        email: FIRST_DEMO_EMAIL,
        name: 'Jasmine Robinson',
        title: 'Senior Technical Program Coordinator',
        team,
        office: OFFICES.ams,
        managerId: manager.id,
        role: 'admin',
        joinedDaysAgo: 1220,
      });
    }
    const titles = spec.titles.flatMap(([title, count]) => Array<string>(count).fill(title));
    if (titles.length !== seats.length) throw new Error(`demo team ${team}: ${titles.length} titles for ${seats.length} desks`);
    titles.forEach((title, i) => {
      add(title, team, seats[i] ?? managerOffice, manager.id, admin ? 'admin' : 'member');
    });
  }
  return people;
}

/** A first + last name from one origin (mostly the office's local mix), unique by email. */
function uniqueName(random: Random, office: Office, emails: Set<string>): { name: string; email: string } {
  for (;;) {
    const { name, emailLocal } = randomName(random, office.cultures, NAME_POOLS);
    const email = `${emailLocal}@${DEMO_EMAIL_DOMAIN}`;
    if (emails.has(email)) continue;
    emails.add(email);
    return { name, email };
  }
}
