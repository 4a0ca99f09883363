import type { SearchHit } from '../../../contracts/index.js';

type HitSession = NonNullable<SearchHit['nextSession']>;
type Pool = HitSession['pools'][number];

export type PoolAvailability = {
  /** "In person", "Online"; null for a session with one pool (its mode already says which). */
  label: string | null;
  /** "12 seats left", "Full — 4 waiting", "Unlimited seats". */
  text: string;
  full: boolean;
};

const poolLabels = { in_person: 'In person', online: 'Online' } as const;

function poolText(p: Pool): { text: string; full: boolean } {
  if (p.left === null) return { text: 'Unlimited seats', full: false };
  if (p.left > 0 && p.waiting === 0)
    return { text: p.left === 1 ? '1 seat left' : `${p.left.toLocaleString('en-GB')} seats left`, full: false };
  return { text: p.waiting > 0 ? `Full — ${p.waiting.toLocaleString('en-GB')} waiting` : 'Full', full: true };
}

/**
 * Seats of a search hit's session, pool by pool: a hybrid session names each ("In person: Full — 4
 * waiting", "Online: Unlimited seats"), so an open stream never hides a full room.
 */
export function poolAvailability(s: HitSession): PoolAvailability[] {
  const named = s.pools.length > 1;
  return s.pools.map((p) => ({ label: named ? poolLabels[p.pool] : null, ...poolText(p) }));
}

/** The whole session in one line: "12 seats left", or "In person: Full — 4 waiting · Online: 8 seats left". */
export function hitAvailability(s: HitSession): { text: string; full: boolean; somePoolFull: boolean } {
  const pools = poolAvailability(s);
  return {
    text: pools.map((p) => (p.label ? `${p.label}: ${p.text}` : p.text)).join(' · '),
    full: pools.length > 0 && pools.every((p) => p.full),
    somePoolFull: pools.some((p) => p.full),
  };
}
