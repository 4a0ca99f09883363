import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
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

  const visible = shown.data && !shown.data.hidden ? shown.data : null;
  // Wide: the runs and "Your questions" in a column beside everything else. Narrow: in the page's
  // flow after the figures, before a long list of comments. One CSS grid does both.
  const grid = wide
    ? { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', columnGap: 'var(--mantine-spacing-lg)', alignItems: 'start' }
    : { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' };
  const side = wide ? { gridColumn: 2, gridRow: '1 / span 2' } : {};
  const gap = { rowGap: 'var(--mantine-spacing-lg)' };
  return (
    <div style={{ ...grid, ...gap }}>
      <div>
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
            {visible && <SummaryFigures summary={visible} />}
          </section>
        </Stack>
      </div>
      <div style={side}>
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
      </div>
      {visible && (
        <Stack gap="lg" style={wide ? { gridColumn: 1 } : undefined}>
          <SummaryQuestions questions={visible.questions} />
          <SummaryComments comments={visible.comments} />
        </Stack>
      )}
    </div>
  );
}
