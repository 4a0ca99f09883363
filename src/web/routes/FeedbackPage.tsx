import { Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ErrorNotice } from '../components/States';
import { FeedbackFormView } from '../features/feedback/FeedbackFormView';
import { FeedbackClosed, FeedbackNoSeat, FeedbackNotYet, FeedbackSessionHeader, FeedbackThanks } from '../features/feedback/FeedbackStates';
import { useFeedbackForm } from '../features/feedback/learnerHooks';
import { formPhase } from '../features/feedback/learnerModel';
import { NotFoundPage } from './NotFoundPage';

/** `/sessions/:id/feedback`, where the mail, Home and My learning lead: one screen, done in under a minute. */
export function FeedbackPage() {
  const { id = '' } = useParams();
  const form = useFeedbackForm(id);
  // Just sent: thank them (and offer a change) instead of showing the form again.
  const [thanked, setThanked] = useState(false);
  useDocumentTitle(form.data ? `Feedback · ${form.data.title} · Lyceum` : 'Feedback · Lyceum');

  if (form.isPending) {
    return (
      <Stack maw="40rem" mx="auto" aria-busy="true" aria-label="Loading the feedback form">
        <Skeleton height={16} width="20%" />
        <Skeleton height={36} width="70%" />
        <Skeleton height={14} width="45%" />
        <Skeleton height={260} mt="lg" />
      </Stack>
    );
  }
  if (form.isError) {
    const err = form.error;
    const body = !isApiError(err) ? null : err.code === 'not_an_attendee' ? (
      <FeedbackNoSeat />
    ) : err.code === 'invalid_state' ? (
      <FeedbackNotYet />
    ) : null;
    if (isApiError(err) && err.status === 404) return <NotFoundPage what="session" />;
    return (
      <Stack maw="40rem" mx="auto">
        {body ?? <ErrorNotice error={err} onRetry={() => void form.refetch()} title="The feedback form could not load" />}
      </Stack>
    );
  }

  const data = form.data;
  const phase = formPhase(data);
  return (
    <Stack maw="40rem" mx="auto" gap="lg">
      <FeedbackSessionHeader form={data} />
      {phase === 'not_yet' && <FeedbackNotYet endsAt={data.endsAt} />}
      {phase === 'closed' && <FeedbackClosed form={data} />}
      {phase === 'open' &&
        (thanked && data.answer ? (
          <FeedbackThanks answer={data.answer} onChange={() => setThanked(false)} />
        ) : (
          <FeedbackFormView form={data} onSaved={() => setThanked(true)} onClosed={() => void form.refetch()} />
        ))}
    </Stack>
  );
}
