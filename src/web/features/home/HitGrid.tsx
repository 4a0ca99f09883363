import { SimpleGrid } from '@mantine/core';
import type { SearchHit } from '../../../contracts/index.js';
import { SearchHitCard } from '../search/SearchHitCard';

/** The home page's lists of sessions: cards two across on wide screens, each optionally with why it is shown. */
export function HitGrid({ items, label, list }: { items: { hit: SearchHit; reason?: string }[]; label: string; list: string }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map(({ hit, reason }) => (
        <li key={hit.workshop.id}>
          <SearchHitCard hit={hit} reason={reason} headingOrder={3} list={list} />
        </li>
      ))}
    </SimpleGrid>
  );
}
