import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconUserPlus, IconWalk } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { fillPath, registrationsApi } from '../../contracts/index.js';
import { isApiError } from '../api/client';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { type AddKind, AddPersonModal } from '../features/roster/AddPersonModal';
import { useRoster } from '../features/roster/hooks';
import { MessagesSection } from '../features/roster/MessagesSection';
import { RosterList } from '../features/roster/RosterList';
import { CheckInCodeCard, RosterCounts } from '../features/roster/RosterSummary';
import { useCatalogEntry } from '../features/sessions/hooks';
import { ModeLabel } from '../features/sessions/labels';
import { SessionTime } from '../features/sessions/SessionTime';
import { NotFoundPage } from './NotFoundPage';

/** A session's people for its hosts: counts, the check-in code, seats, waitlist, and a message to everyone. */
export function RosterPage() {
  const { id = '' } = useParams();
  const session = useCatalogEntry(id);
  const roster = useRoster(id, session.isSuccess);
  const [adding, setAdding] = useState<AddKind | null>(null);
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
        <Title order={1}>Roster</Title>
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

      <RosterCounts session={s} checkedIn={roster.isSuccess ? entries.filter((r) => r.status === 'attended').length : null} />
      <CheckInCodeCard sessionId={s.id} enabled={open} />

      <section aria-labelledby="people">
        <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
          <Title order={2} fz="h3" id="people">
            People
          </Title>
          <Group gap="xs">
            {open && (
              <>
                <Button variant="light" leftSection={<IconUserPlus size={18} aria-hidden="true" />} onClick={() => setAdding('add')}>
                  Add person
                </Button>
                <Button variant="light" leftSection={<IconWalk size={18} aria-hidden="true" />} onClick={() => setAdding('walk_in')}>
                  Add walk-in
                </Button>
              </>
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
        {roster.isSuccess && <RosterList sessionId={s.id} entries={entries} hybrid={s.mode === 'hybrid'} />}
        <LoadMore query={roster} label="Load more people" />
      </section>

      <MessagesSection sessionId={s.id} />
      <AddPersonModal sessionId={s.id} kind={adding} onClose={() => setAdding(null)} />
    </Stack>
  );
}
