import { Stack, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { AdminOnly } from '../components/AdminOnly';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { EducationHeader } from '../features/education/EducationHeader';
import { AdminPeopleTable } from '../features/people/AdminPeopleTable';
import { useAdminPeople } from '../features/people/admin-hooks';
import { useUrlSearch } from '../lib/useUrlSearch';

export function AdminPeoplePage() {
  useDocumentTitle('People admin · Lyceum');
  return (
    <AdminOnly>
      <People />
    </AdminOnly>
  );
}

/** Roles, people who left (deactivate, reactivate) and erasure, with who did it and when. */
function People() {
  const { input, setInput, value: q } = useUrlSearch('q');
  const people = useAdminPeople(q);
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <EducationHeader
        title="People"
        description="Roles, people who left and erasure. Deactivating someone stops their sign-in, tokens and calendar feed at once and gives their seats to the people waiting."
      />
      <TextInput
        type="search"
        maxLength={200}
        label="Search people"
        placeholder="Name or email"
        leftSection={<IconSearch size={18} aria-hidden="true" />}
        value={input}
        onChange={(e) => setInput(e.currentTarget.value)}
      />
      <div aria-live="polite">
        {people.isPending && <ListSkeleton count={5} height={56} />}
        {people.isError && <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />}
        {people.isSuccess && items.length === 0 && (
          <Empty
            icon={<IconUsers size={32} aria-hidden="true" />}
            title={q ? `Nobody matches “${q}”` : 'Nobody in the directory yet'}
            description={
              q
                ? 'Search by part of a name or an email address. Erased people are listed as “Former colleague”.'
                : 'People arrive when they first sign in, from the identity provider (SCIM) or by CSV import.'
            }
          />
        )}
        {items.length > 0 && <AdminPeopleTable people={items} />}
        <LoadMore query={people} label="Show more people" />
      </div>
    </Stack>
  );
}
