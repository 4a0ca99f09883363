/** All demo workshops, and who hosts them. */

import { Random } from '../shared/random.js';
import type { DemoPerson } from './demo-people.js';
import type { HostPick, WorkshopSpec } from './demo-types.js';
import { DATA_WORKSHOPS } from './demo-workshops-data.js';
import { INFRA_WORKSHOPS } from './demo-workshops-infra.js';
import { PRACTICE_WORKSHOPS } from './demo-workshops-practice.js';
import { PRODUCT_WORKSHOPS } from './demo-workshops-product.js';

export const DEMO_WORKSHOPS: readonly WorkshopSpec[] = [...INFRA_WORKSHOPS, ...DATA_WORKSHOPS, ...PRODUCT_WORKSHOPS, ...PRACTICE_WORKSHOPS];

/**
 * Picks the hosts of every workshop: owner first, then co-hosts. Among the people who fit a
 * pick, the one hosting least so far wins, so hosting spreads over many people.
 */
export function assignHosts(specs: readonly WorkshopSpec[], people: readonly DemoPerson[]): Map<WorkshopSpec, DemoPerson[]> {
  const random = new Random('lyceum-demo-hosts');
  const load = new Map<string, number>();
  const result = new Map<WorkshopSpec, DemoPerson[]>();

  const choose = (pick: HostPick, taken: readonly DemoPerson[], inOffice: boolean): DemoPerson => {
    const free = (p: DemoPerson) => !taken.some((t) => t.id === p.id);
    let candidates: DemoPerson[];
    if ('email' in pick) {
      candidates = people.filter((p) => p.email === pick.email && free(p));
    } else {
      const team = people.filter((p) => p.team === pick.team && free(p));
      const titled = pick.title ? team.filter((p) => p.title.includes(pick.title ?? '')) : team;
      candidates = titled.length > 0 ? titled : team.filter((p) => p.title !== 'Engineering Manager');
      // Whoever owns a lab, course or discussion usually runs it in a room, so prefer the office.
      const office = candidates.filter((p) => !p.office.remote);
      if (inOffice && office.length > 0) candidates = office;
    }
    if (candidates.length === 0) throw new Error(`demo data: nobody fits host pick ${JSON.stringify(pick)}`);
    const least = Math.min(...candidates.map((p) => load.get(p.id) ?? 0));
    const person = random.pick(candidates.filter((p) => (load.get(p.id) ?? 0) === least));
    load.set(person.id, least + 1);
    return person;
  };

  for (const spec of specs) {
    const inOffice = spec.format !== 'talk' && spec.format !== 'office_hours';
    const hosts: DemoPerson[] = [choose(spec.owner, [], inOffice)];
    for (const pick of spec.cohosts ?? []) hosts.push(choose(pick, hosts, false));
    result.set(spec, hosts);
  }
  return result;
}
