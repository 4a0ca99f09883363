import { Anchor, Button, Collapse, Grid, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconArrowRight, IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useEffect } from 'react';
import { Link } from 'react-router';
import { ListSkeleton } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { FeedbackRequests } from '../features/home/FeedbackRequests';
import { NextSessions } from '../features/home/NextSessions';
import { RecommendedForYou } from '../features/home/RecommendedForYou';
import { StartingSoon } from '../features/home/StartingSoon';
import { ActiveFilters } from '../features/search/ActiveFilters';
import { CatalogError } from '../features/search/CatalogError';
import { CatalogToolbar, resultSummary } from '../features/search/CatalogToolbar';
import { FilterPanel } from '../features/search/FilterPanel';
import { facetKeys, hasFilters, toSearchQuery } from '../features/search/filters';
import { useSearch } from '../features/search/hooks';
import { ResultsList } from '../features/search/ResultsList';
import { SearchEmpty } from '../features/search/SearchEmpty';
import { useCatalogUrl } from '../features/search/useCatalogUrl';

// The week and month views load when someone switches to them.
const CalendarView = lazy(() => import('../features/search/calendar/CalendarView').then((m) => ({ default: m.CalendarView })));

/** Words to mark in titles: what was typed, without quotes and operators. */
function wordsOf(q: string): string[] {
  return q
    .split(/[\s"'*():]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 1);
}

/** `/?all=1`: the whole catalog, with no words or filters yet. */
export const CATALOG_PATH = '/?all=1';

/**
 * Home and catalog in one: where people land. Home is short (their next sessions, feedback to give,
 * two rows of suggestions, the catalog one click away); typing, filtering or "Browse all workshops"
 * turns it into the catalog, which stays the catalog when the search box is emptied again.
 */
export function CatalogPage() {
  const url = useCatalogUrl();
  const { filters, view } = url;
  const zone = useViewerZone();
  const narrowed = filters.q !== '' || hasFilters(filters);
  const browsing = narrowed || url.params.get('all') === '1';
  useDocumentTitle(filters.q ? `“${filters.q}” · Catalog · Lyceum` : browsing ? 'Catalog · Lyceum' : 'Home · Lyceum');
  // Once searching, emptying the box again shows the whole catalog, not Home.
  const { setParams } = url;
  useEffect(() => {
    if (narrowed && url.params.get('all') !== '1')
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('all', '1');
          return next;
        },
        { replace: true },
      );
  }, [narrowed, url.params, setParams]);
  // Focus the search box on wide screens only: on phones it would pop up the keyboard.
  const wide = useMediaQuery('(min-width: 48em)', false, { getInitialValueInEffect: false });
  const sidebar = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const search = useSearch(toSearchQuery(filters, zone));
  const failed = search.isError;
  const first = search.data?.pages[0];
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const activeCount =
    facetKeys.reduce((n, k) => n + filters[k].length, 0) + (filters.from || filters.to ? 1 : 0) + (filters.hasSeats ? 1 : 0);
  const channelName = (slug: string) => first?.facets.channels.find((c) => c.value === slug)?.label ?? slug;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={1}>Find a session</Title>
          <Group gap="md">
            {!browsing && (
              <Anchor component={Link} to={CATALOG_PATH} fz="sm">
                All workshops
              </Anchor>
            )}
            <Anchor component={Link} to="/channels" fz="sm">
              Browse channels
            </Anchor>
            <Anchor component={Link} to="/requests" fz="sm">
              Ask for a workshop
            </Anchor>
          </Group>
        </Group>
        <TextInput
          size="md"
          label="Search the catalog"
          placeholder="Try “kafka”, “threat modeling” or a host’s name"
          leftSection={<IconSearch size={18} aria-hidden="true" />}
          value={url.input}
          onChange={(e) => url.setInput(e.currentTarget.value)}
          type="search"
          maxLength={200}
          autoFocus={wide}
        />
      </Stack>

      {!browsing && (
        <>
          <FeedbackRequests />
          <NextSessions />
          <RecommendedForYou />
          <StartingSoon />
          <Group justify="center">
            <Button
              component={Link}
              to={CATALOG_PATH}
              size="md"
              variant="light"
              rightSection={<IconArrowRight size={18} aria-hidden="true" />}
            >
              {first ? `Browse all ${first.total.toLocaleString('en-GB')} workshops` : 'Browse all workshops'}
            </Button>
          </Group>
        </>
      )}

      {browsing && (
        <section aria-labelledby="results-heading">
          <Title order={2} fz="h3" id="results-heading" mb="sm">
            {narrowed ? 'Results' : 'All workshops'}
          </Title>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 3 }}>
              {!sidebar && (
                <Button
                  variant="default"
                  leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden="true" />}
                  onClick={toggleFilters}
                  aria-expanded={filtersOpen}
                  aria-controls="catalog-filters"
                  fullWidth
                  mb={filtersOpen ? 'sm' : 0}
                >
                  {filtersOpen ? 'Hide filters' : `Filters${activeCount ? ` (${activeCount})` : ''}`}
                </Button>
              )}
              <Collapse expanded={sidebar || filtersOpen} id="catalog-filters">
                <FilterPanel
                  filters={filters}
                  facets={first?.facets}
                  onToggle={url.toggle}
                  onDates={url.setDates}
                  onHasSeats={url.setHasSeats}
                  onLocations={url.setLocations}
                />
              </Collapse>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              <Stack gap="sm">
                <CatalogToolbar
                  filters={filters}
                  view={view}
                  busy={search.isFetching}
                  summary={
                    failed
                      ? 'No results: the catalog could not load'
                      : !first
                        ? 'Searching…'
                        : view === 'list'
                          ? resultSummary(first.total, filters)
                          : `Sessions of the ${resultSummary(first.total, filters).split(',')[0]}, by day`
                  }
                  onSort={url.setSort}
                  onView={url.setView}
                />
                <ActiveFilters
                  filters={filters}
                  channelName={channelName}
                  onRemove={url.toggle}
                  onClearDates={() => url.setDates(null, null)}
                  onClearSeats={() => url.setHasSeats(false)}
                  onClearAll={url.clearFilters}
                />
                {view === 'list' ? (
                  // Dimmed while new results load: the old ones stay readable, and it is clear they are about to change.
                  <div aria-busy={search.isFetching} style={{ opacity: search.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
                    {search.isPending && <ListSkeleton count={5} />}
                    {search.isError && (
                      <CatalogError error={search.error} retrying={search.isFetching} onRetry={() => void search.refetch()} />
                    )}
                    {search.isSuccess && items.length === 0 && (
                      <SearchEmpty q={filters.q} filtered={hasFilters(filters)} onClear={url.clearAll} />
                    )}
                    {items.length > 0 && <ResultsList items={items} words={wordsOf(filters.q)} query={search} />}
                  </div>
                ) : (
                  <Suspense fallback={<ListSkeleton count={5} />}>
                    <CalendarView filters={filters} mode={view} date={url.date} onDate={url.setDate} onShowWeek={url.showWeekOf} />
                  </Suspense>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </section>
      )}
    </Stack>
  );
}
