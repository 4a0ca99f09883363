import { SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { usePeople } from '../features/people/hooks';
import { PersonCard } from '../features/people/PersonCard';
import { useUrlSearch } from '../lib/useUrlSearch';

export function PeoplePage() {
  useDocumentTitle('People · Lyceum');
  const { input, setInput, value: q } = useUrlSearch('q');
  const people = usePeople(q, 30);
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Title order={1}>People</Title>
      <TextInput
        size="md"
        type="search"
        maxLength={200}
        label="Search people"
        placeholder="Name, email, team or title"
        leftSection={<IconSearch size={18} aria-hidden="true" />}
        value={input}
        onChange={(e) => setInput(e.currentTarget.value)}
      />
      <div aria-live="polite">
        {people.isPending && <ListSkeleton count={6} />}
        {people.isError && <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />}
        {people.isSuccess && items.length === 0 && <Text c="dimmed">Nobody matches “{q}”. Try part of a name, a team or a title.</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="People">
          {items.map((p) => (
            <PersonCard key={p.id} person={p} />
          ))}
        </SimpleGrid>
        <LoadMore query={people} label="Show more people" />
      </div>
    </Stack>
  );
}
