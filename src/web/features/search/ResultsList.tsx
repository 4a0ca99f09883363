import { Stack } from '@mantine/core';
import type { SearchHit } from '../../../contracts/index.js';
import { LoadMore } from '../../components/States';
import { SearchHitCard } from './SearchHitCard';

type InfiniteLike = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** Search results as cards, with "Load more" on the cursor. */
export function ResultsList({ items, words, query }: { items: SearchHit[]; words: string[]; query: InfiniteLike }) {
  return (
    <Stack gap="sm">
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Workshops">
        {items.map((hit) => (
          <li key={hit.workshop.id}>
            <SearchHitCard hit={hit} words={words} headingOrder={3} />
          </li>
        ))}
      </Stack>
      <LoadMore query={query} label="Load more workshops" />
    </Stack>
  );
}
