import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { PersonRef } from '../../contracts/index.js';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { useTeamLearning } from '../features/team/hooks';
import { ReportCard } from '../features/team/ReportCard';
import { SuggestWorkshopModal } from '../features/team/SuggestWorkshopModal';

/** A manager's view: each direct report's upcoming and recent learning, and "suggest a workshop". */
export function MyTeamPage() {
  useDocumentTitle('My team · Lyceum');
  const zone = useViewerZone();
  const team = useTeamLearning();
  const [suggestTo, setSuggestTo] = useState<PersonRef | null>(null);
  const data = team.data;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>My team</Title>
        <Text c="dimmed">
          What the people who report to you directly are booked for and went to lately. Their feedback stays theirs: it is never shown here.
        </Text>
      </div>
      {team.isPending && <ListSkeleton count={3} />}
      {team.isError && <ErrorNotice error={team.error} onRetry={() => void team.refetch()} title="Your team could not load" />}
      {team.isSuccess && data === null && (
        <Empty
          icon={<IconUsers size={32} aria-hidden="true" />}
          title="Nobody reports to you"
          description="This page is for managers. Reporting lines come from the company directory; if yours is wrong, ask for it to be fixed there."
        />
      )}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {data.items.map((member) => (
            <ReportCard key={member.person.id} member={member} zone={zone} recentDays={data.recentDays} onSuggest={setSuggestTo} />
          ))}
        </SimpleGrid>
      )}
      <SuggestWorkshopModal person={suggestTo} onClose={() => setSuggestTo(null)} />
    </Stack>
  );
}
