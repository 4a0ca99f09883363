import { Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { isApiError } from '../../api/client';
import { Empty } from '../../components/Empty';
import { ErrorNotice } from '../../components/States';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { useFeedbackSummary } from './hostHooks';
import { QuestionsEditor } from './QuestionsEditor';
import { SummaryComments } from './SummaryComments';
import { SummaryFigures } from './SummaryFigures';
import { SummaryHidden } from './SummaryHidden';
import { SummaryQuestions } from './SummaryQuestions';
import { SummaryToolbar } from './SummaryToolbar';
import { SummaryTrend } from './SummaryTrend';

type Props = { workshopId: string; sessionId?: string; onSessionChange: (sessionId: string | undefined) => void };

/**
 * The Feedback tab's content: the whole workshop (or one run) on the left, the runs and the
 * host's own questions beside it. The runs always come from the whole-workshop summary, so the
 * picker and the trend stay put while one session is shown.
 */
export function SummaryView({ workshopId, sessionId, onSessionChange }: Props) {
  const zone = useViewerZone();
  const overall = useFeedbackSummary(workshopId);
  const one = useFeedbackSummary(workshopId, sessionId, sessionId !== undefined);
  const shown = sessionId ? one : overall;
  const run = sessionId ? overall.data?.sessions.find((s) => s.sessionId === sessionId) : undefined;
  const heading = run
    ? `Feedback on the session of ${formatDate(run.startsAt, zone)}`
    : sessionId
      ? 'Feedback on one session'
      : 'Feedback on all sessions';

  if (overall.isError && isApiError(overall.error) && overall.error.status === 403) {
    return (
      <Empty
        icon={<IconLock size={32} aria-hidden="true" />}
        title="Feedback is for the workshop's hosts and the education team"
        description="Learners' answers are shown to the people who run the workshop, never with names."
      />
    );
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          <SummaryToolbar
            workshopId={workshopId}
            sessions={overall.data?.sessions ?? []}
            sessionId={sessionId}
            onSessionChange={onSessionChange}
          />
          <section aria-labelledby="fb-heading" aria-busy={shown.isFetching}>
            <Title order={2} fz="h3" id="fb-heading" mb="sm" style={{ overflowWrap: 'anywhere' }}>
              {heading}
            </Title>
            {shown.isPending && <Skeleton height={240} />}
            {shown.isError && <ErrorNotice error={shown.error} onRetry={() => void shown.refetch()} title="The feedback could not load" />}
            {shown.data?.hidden && <SummaryHidden summary={shown.data} oneSession={sessionId !== undefined} />}
            {shown.data && !shown.data.hidden && <SummaryFigures summary={shown.data} />}
          </section>
          {shown.data && !shown.data.hidden && (
            <>
              <SummaryQuestions questions={shown.data.questions} />
              <SummaryComments comments={shown.data.comments} />
            </>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          {overall.data ? (
            <SummaryTrend
              workshopId={workshopId}
              sessions={overall.data.sessions}
              average={overall.data.rating.average}
              orgMedian={overall.data.orgMedianRating}
              selectedId={sessionId}
            />
          ) : overall.isPending ? (
            <Skeleton height={160} />
          ) : (
            <Text fz="sm">The runs could not load.</Text>
          )}
          <QuestionsEditor workshopId={workshopId} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
