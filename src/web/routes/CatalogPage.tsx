import { Button, Chip, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconCalendarOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { CatalogCard } from '../features/sessions/CatalogCard';
import { useCatalog } from '../features/sessions/hooks';
import { useTags } from '../features/tags/hooks';
import { useUrlSearch } from '../lib/useUrlSearch';

export function CatalogPage() {
  const { input, setInput, value: q, params, setParams } = useUrlSearch('q');
  const tag = params.get('tag') ?? '';
  useDocumentTitle(q ? `“${q}” · Catalog · Lyceum` : 'Catalog · Lyceum');
  const catalog = useCatalog({ q: q || undefined, tag: tag || undefined });
  const tags = useTags();
  // Focus the search box on wide screens only: on phones it would pop up the keyboard.
  const wide = useMediaQuery('(min-width: 48em)', false, { getInitialValueInEffect: false });
  const items = catalog.data?.pages.flatMap((p) => p.items) ?? [];

  const tagList = (tags.data?.items ?? []).slice(0, 14).map((t) => t.tag);
  if (tag && !tagList.includes(tag)) tagList.unshift(tag);

  const setTag = (next: string | null) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next) p.set('tag', next);
        else p.delete('tag');
        return p;
      },
      { replace: false },
    );

  const createHref = q ? `/workshops/new?title=${encodeURIComponent(q)}` : '/workshops/new';

  return (
    <Stack gap="md">
      <Title order={1}>Find a session</Title>
      <TextInput
        size="md"
        label="Search the catalog"
        placeholder="Try “kafka”, “threat modeling” or a host’s name"
        leftSection={<IconSearch size={18} aria-hidden="true" />}
        value={input}
        onChange={(e) => setInput(e.currentTarget.value)}
        type="search"
        maxLength={200}
        autoFocus={wide}
      />
      {tagList.length > 0 && (
        <Group gap={6} role="group" aria-label="Filter by tag" className="chip-row">
          {tagList.map((t) => (
            <Chip key={t} size="sm" checked={t === tag} onChange={(checked) => setTag(checked ? t : null)} variant="outline">
              #{t}
            </Chip>
          ))}
        </Group>
      )}
      <div aria-live="polite" aria-busy={catalog.isFetching}>
        {catalog.isPending && <ListSkeleton count={5} />}
        {catalog.isError && <ErrorNotice error={catalog.error} onRetry={() => void catalog.refetch()} title="The catalog could not load" />}
        {catalog.isSuccess && items.length === 0 && (
          <Empty
            icon={<IconCalendarOff size={32} aria-hidden="true" />}
            title={
              q
                ? `No sessions match “${q}”${tag ? ` with #${tag}` : ''} — be the first to host one`
                : tag
                  ? `Nothing scheduled with #${tag} yet — be the first to host one`
                  : 'Nothing is scheduled yet — be the first to host a workshop'
            }
            description="Anyone can host: a title, a one-line summary and a format are enough to start."
          >
            <Button component={Link} to={createHref} leftSection={<IconPlus size={18} aria-hidden="true" />}>
              Create a workshop
            </Button>
            {(q || tag) && (
              <Button
                variant="default"
                onClick={() => {
                  setInput('');
                  setParams({}, { replace: true });
                }}
              >
                Clear the search
              </Button>
            )}
          </Empty>
        )}
        {items.length > 0 && (
          <Stack gap="sm">
            <Text c="dimmed" fz="sm">
              Upcoming sessions{q ? ` matching “${q}”` : ''}
              {tag ? ` tagged #${tag}` : ''}, soonest first
            </Text>
            {items.map((entry) => (
              <CatalogCard key={entry.id} entry={entry} />
            ))}
            <LoadMore query={catalog} label="Load more sessions" />
          </Stack>
        )}
      </div>
    </Stack>
  );
}
