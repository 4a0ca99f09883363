import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMessage2 } from '@tabler/icons-react';
import { Empty } from '../components/Empty';
import { MySuggestions } from '../features/checklists/MySuggestions';

/** Everything you suggested for the checklists, and what the education team made of it. */
export function MySuggestionsPage() {
  useDocumentTitle('My suggestions · Lyceum');
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>My checklist suggestions</Title>
        <Text c="dimmed">What you suggested to improve the presenter checklists, and the education team’s answer.</Text>
      </div>
      <MySuggestions
        empty={
          <Empty
            icon={<IconMessage2 size={32} aria-hidden="true" />}
            title="You have not suggested anything yet"
            description="On a workshop’s checklist, each item has “Suggest a change” and each phase “Suggest an item”. Your suggestions and their outcome show up here."
          />
        }
      />
    </Stack>
  );
}
