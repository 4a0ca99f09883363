import { Grid, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { AdminOnly } from '../components/AdminOnly';
import { ErrorNotice, ListSkeleton } from '../components/States';
import { EducationHeader } from '../features/education/EducationHeader';
import { AskingComments, LowestSessions } from '../features/feedback/AdminQueue';
import { AdminSettingsCard } from '../features/feedback/AdminSettingsCard';
import { useFeedbackQueue } from '../features/feedback/adminHooks';

export function AdminFeedbackPage() {
  useDocumentTitle('Feedback · Education team · Lyceum');
  return (
    <AdminOnly>
      <Feedback />
    </AdminOnly>
  );
}

/** Where sessions struggled lately and what learners ask for, beside the organisation's feedback settings. */
function Feedback() {
  const queue = useFeedbackQueue();
  return (
    <Stack gap="lg">
      <EducationHeader
        title="Feedback"
        description="Sessions that went less well and what learners ask for: to reach out and help, not to police."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            {queue.isPending && <ListSkeleton count={3} />}
            {queue.isError && (
              <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} title="The feedback queue could not load" />
            )}
            {queue.data && (
              <>
                <LowestSessions rows={queue.data.lowest} />
                <AskingComments rows={queue.data.asks} />
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <AdminSettingsCard />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
