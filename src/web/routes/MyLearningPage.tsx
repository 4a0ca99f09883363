import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBook2, IconClockHour4, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { CatalogEntry } from '../../contracts/index.js';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { FollowUpsSection } from '../features/feedback/FollowUps';
import { useMyFeedbackRequests } from '../features/feedback/learnerHooks';
import { CalendarFeedSection } from '../features/notifications/CalendarFeedSection';
import { useMyRegistrations } from '../features/registrations/hooks';
import { LearningCard } from '../features/registrations/LearningCard';
import { formatDateTime } from '../lib/time';

function Section({
  id,
  title,
  hint,
  items,
  past = false,
}: {
  id: string;
  title: string;
  hint?: string;
  items: CatalogEntry[];
  past?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="h3" id={id}>
        {title} ({items.length})
      </Title>
      {hint && (
        <Text fz="sm" c="dimmed">
          {hint}
        </Text>
      )}
      <Stack gap="xs" component="ul" p={0} mt="xs" mb={0} style={{ listStyle: 'none' }}>
        {items.map((e) => (
          <LearningCard key={e.id} entry={e} past={past} />
        ))}
      </Stack>
    </section>
  );
}

/** What I am registered for, waiting for or offered, and what I went to. */
export function MyLearningPage() {
  useDocumentTitle('My learning · Lyceum');
  const zone = useViewerZone();
  const upcoming = useMyRegistrations('upcoming');
  const past = useMyRegistrations('past');
  const items = upcoming.data?.pages.flatMap((p) => p.items) ?? [];
  const pastItems = past.data?.pages.flatMap((p) => p.items) ?? [];
  const status = (e: CatalogEntry) => e.myRegistration?.status;
  const offers = items.filter((e) => status(e) === 'offered');
  const waiting = items.filter((e) => status(e) === 'waitlisted');
  const booked = items.filter((e) => !offers.includes(e) && !waiting.includes(e));
  const firstDeadline = offers.map((e) => e.myRegistration?.offerExpiresAt).find(Boolean);
  const feedback = useMyFeedbackRequests();
  const feedbackBySession = new Map((feedback.data?.items ?? []).map((r) => [r.sessionId, r]));
  // The follow-up mail links to ?followUps=1: that section comes first, outlined, and takes focus.
  const [params] = useSearchParams();
  const followUpsFirst = params.get('followUps') === '1';

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>My learning</Title>
        <Text c="dimmed">Sessions you are registered for, waiting for or offered, and the ones you went to.</Text>
      </div>
      {followUpsFirst && <FollowUpsSection highlight />}

      {upcoming.isPending && <ListSkeleton count={3} />}
      {upcoming.isError && (
        <ErrorNotice error={upcoming.error} onRetry={() => void upcoming.refetch()} title="Your sessions could not load" />
      )}
      {upcoming.isSuccess && items.length === 0 && (
        <Empty
          icon={<IconBook2 size={32} aria-hidden="true" />}
          title="Nothing booked yet — find a session"
          description="Register in the catalog: your seats, waitlist places and offers to confirm all show up here."
        >
          <Button component={Link} to="/" leftSection={<IconSearch size={18} aria-hidden="true" />}>
            Browse the catalog
          </Button>
        </Empty>
      )}
      {offers.length > 0 && (
        <Alert color="grape" variant="light" icon={<IconClockHour4 aria-hidden="true" />} title="A seat is waiting for you">
          {offers.length === 1 ? 'Confirm it' : `Confirm ${offers.length} seats`}
          {firstDeadline ? ` by ${formatDateTime(firstDeadline, zone)}` : ''}, or decline so the next person gets it.
        </Alert>
      )}
      <Section id="offers" title="Offers to confirm" items={offers} />
      <Section id="booked" title="Registered" items={booked} />
      <Section id="waiting" title="On the waitlist" hint="You move up when someone cancels; your place is shown on each." items={waiting} />
      <LoadMore query={upcoming} label="More upcoming sessions" />
      {!followUpsFirst && <FollowUpsSection highlight={false} />}

      <section aria-labelledby="history">
        <Title order={2} fz="h3" id="history" mb="xs">
          Past sessions
        </Title>
        {past.isPending && <ListSkeleton count={2} />}
        {past.isError && <ErrorNotice error={past.error} onRetry={() => void past.refetch()} title="Your history could not load" />}
        {past.isSuccess && pastItems.length === 0 && (
          <Text c="dimmed">Sessions you registered for appear here afterwards, with your attendance.</Text>
        )}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Past sessions">
          {pastItems.map((e) => (
            <LearningCard key={e.id} entry={e} past feedback={feedbackBySession.get(e.id)} />
          ))}
        </Stack>
        <LoadMore query={past} label="More past sessions" />
      </section>
      <CalendarFeedSection />
    </Stack>
  );
}
