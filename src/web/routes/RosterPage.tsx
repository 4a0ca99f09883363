import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCalendarPlus, IconDownload, IconPencil, IconUserPlus, IconUsersGroup, IconWalk } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { fillPath, hostCheckInWindow, registrationsApi } from '../../contracts/index.js';
import { isApiError } from '../api/client';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { type AddKind, AddPersonModal } from '../features/roster/AddPersonModal';
import { useRoster } from '../features/roster/hooks';
import { MessagesSection } from '../features/roster/MessagesSection';
import { RosterList } from '../features/roster/RosterList';
import { CheckInCodeCard, RosterCounts } from '../features/roster/RosterSummary';
import { EditSessionModal } from '../features/sessions/EditSessionModal';
import { useCatalogEntry } from '../features/sessions/hooks';
import { ModeLabel } from '../features/sessions/labels';
import { SessionRecording } from '../features/sessions/SessionRecording';
import { SessionTime } from '../features/sessions/SessionTime';
import { formatDateTime } from '../lib/time';
import { NotFoundPage } from './NotFoundPage';

/** A session's people for its hosts: counts, the check-in code, seats, waitlist, and a message to everyone. */
export function RosterPage() {
  const { id = '' } = useParams();
  const session = useCatalogEntry(id);
  const roster = useRoster(id, session.isSuccess);
  const [adding, setAdding] = useState<AddKind | null>(null);
  const zone = useViewerZone();
  const [editing, setEditing] = useState(false);
  const title = session.data?.workshop.title;
  useDocumentTitle(title ? `Roster · ${title} · Lyceum` : 'Roster · Lyceum');

  if (session.isPending) {
    return (
      <Stack>
        <Skeleton height={36} width="50%" />
        <Skeleton height={90} />
        <ListSkeleton count={4} height={64} />
      </Stack>
    );
  }
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 404) return <NotFoundPage what="session" />;
    return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} title="This session could not load" />;
  }
  const s = session.data;
  const w = s.workshop;
  const forbidden = roster.isError && isApiError(roster.error) && roster.error.status === 403;
  const entries = roster.data?.pages.flatMap((p) => p.items) ?? [];
  const open = s.status !== 'cancelled';
  // After the end the roster is about attendance: no code, no new people, no messages.
  const now = Date.now();
  const past = Date.parse(s.endsAt) <= now;
  const marking = hostCheckInWindow(s);
  const canMark = open && now >= Date.parse(marking.opensAt) && now <= Date.parse(marking.closesAt);

  if (forbidden) {
    return (
      <Stack>
        <Title order={1}>Only hosts can see the roster</Title>
        <Text>
          The roster of{' '}
          <Anchor component={Link} to={`/workshops/${w.id}`}>
            {w.title}
          </Anchor>{' '}
          is for its hosts and the education team. Ask a host to add you as a co-host.
        </Text>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/workshops/${w.id}`} fz="sm">
          ← {w.title}
        </Anchor>
        <Group justify="space-between" gap="sm">
          <Title order={1}>Roster</Title>
          {open && Date.parse(s.startsAt) > now && (
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden="true" />} onClick={() => setEditing(true)}>
              Edit session
            </Button>
          )}
        </Group>
        <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} timeZone={s.timeZone} struck={!open} />
        <Group gap="md">
          <ModeLabel mode={s.mode} />
          {s.location && <Text fz="sm">{s.location}</Text>}
          {!open && (
            <Text fz="sm" fw={700} c="red.9">
              This session is cancelled
            </Text>
          )}
        </Group>
      </Stack>

      <RosterCounts session={s} entries={roster.isSuccess ? entries : null} past={past} />
      {past && open && (
        <Text fz="sm" c="dimmed">
          {canMark
            ? `This session is over: mark who came until ${formatDateTime(marking.closesAt, zone)}. People not checked in count as no-shows.`
            : 'This session is over and attendance is final.'}
        </Text>
      )}
      {past && open && <SessionRecording session={s} canEdit />}
      <CheckInCodeCard sessionId={s.id} enabled={open && !past} />
      {open && !past && s.seats !== null && s.waitlistCount > s.seats && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconUsersGroup aria-hidden="true" />}
          title="More people are waiting than there are seats"
          role="status"
        >
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">
              {s.waitlistCount} people are waiting for {s.seats} {s.seats === 1 ? 'seat' : 'seats'}. Schedule another session: everyone on
              the waitlist is told when it exists, and keeps their place here.
            </Text>
            <Button
              component={Link}
              to={`/workshops/${w.id}/sessions/new`}
              size="xs"
              leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
            >
              Schedule another session
            </Button>
          </Stack>
        </Alert>
      )}

      <section aria-labelledby="people">
        <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
          <Title order={2} fz="h3" id="people">
            People
          </Title>
          <Group gap="xs">
            {open && !past && (
              <Button variant="light" leftSection={<IconUserPlus size={18} aria-hidden="true" />} onClick={() => setAdding('add')}>
                Add person
              </Button>
            )}
            {canMark && (
              <Button variant="light" leftSection={<IconWalk size={18} aria-hidden="true" />} onClick={() => setAdding('walk_in')}>
                Add walk-in
              </Button>
            )}
            <Button
              component="a"
              href={fillPath(registrationsApi.rosterCsv.path, { id: s.id })}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden="true" />}
            >
              Download CSV
            </Button>
          </Group>
        </Group>
        {roster.isPending && <ListSkeleton count={4} height={64} />}
        {roster.isError && <ErrorNotice error={roster.error} onRetry={() => void roster.refetch()} title="The roster could not load" />}
        {roster.isSuccess && <RosterList sessionId={s.id} entries={entries} hybrid={s.mode === 'hybrid'} past={past} canMark={canMark} />}
        <LoadMore query={roster} label="Load more people" />
      </section>

      {!past && <MessagesSection sessionId={s.id} />}
      <AddPersonModal sessionId={s.id} kind={adding} onClose={() => setAdding(null)} />
      <EditSessionModal session={editing ? s : null} onClose={() => setEditing(false)} />
    </Stack>
  );
}
