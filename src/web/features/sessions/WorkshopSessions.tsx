import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Session, Workshop } from '../../../contracts/index.js';
import { ErrorNotice, ListSkeleton, LoadMore } from '../../components/States';
import { notifyError, notifySuccess } from '../../lib/forms';
import { sessionTimeText } from '../../lib/time';
import { useMe, useViewerZone } from '../auth/hooks';
import { SeriesRegistration } from '../registrations/SeriesRegistration';
import { EditSessionModal } from './EditSessionModal';
import { useCancelSession, useDeleteSession, useWorkshopSessions } from './hooks';
import { SessionRow } from './SessionRow';

/** Upcoming sessions first, then past ones; hosts can cancel (or delete, for drafts). */
export function WorkshopSessions({ workshop: w }: { workshop: Workshop }) {
  const upcoming = useWorkshopSessions(w.id, 'upcoming');
  const past = useWorkshopSessions(w.id, 'past');
  const [target, setTarget] = useState<Session | null>(null);
  const [editing, setEditing] = useState<Session | null>(null);
  const me = useMe().data;
  const hosting = me ? w.hosts.some((h) => h.id === me.id) : false;
  const isDraft = w.status === 'draft';
  const upcomingItems = upcoming.data?.pages.flatMap((p) => p.items) ?? [];
  const pastItems = past.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="sessions">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h3" id="sessions">
          Sessions
        </Title>
        {w.canEdit && (
          <Button
            component={Link}
            to={`/workshops/${w.id}/sessions/new`}
            variant="light"
            leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
          >
            Schedule a session
          </Button>
        )}
      </Group>
      {upcoming.isPending && <ListSkeleton count={2} />}
      {upcoming.isError && <ErrorNotice error={upcoming.error} onRetry={() => void upcoming.refetch()} title="Sessions could not load" />}
      {upcoming.isSuccess && upcomingItems.length === 0 && (
        <Text c="dimmed">
          {w.canEdit
            ? 'Nothing scheduled yet. Schedule a session so people can find it in the catalog.'
            : 'Nothing scheduled right now. Check back soon, or ask a host when it runs next.'}
        </Text>
      )}
      {w.isSeries && <SeriesRegistration workshop={w} upcoming={upcomingItems} />}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Upcoming sessions">
        {upcomingItems.map((s) => (
          <SessionRow
            key={s.id}
            session={s}
            published={!isDraft}
            canEdit={w.canEdit}
            workshopTitle={w.title}
            onRemove={w.canEdit ? setTarget : undefined}
            hosting={hosting}
            onEdit={w.canEdit && Date.parse(s.startsAt) > Date.now() ? setEditing : undefined}
            removeLabel={isDraft ? 'Delete session' : 'Cancel session'}
          />
        ))}
      </Stack>
      <LoadMore query={upcoming} label="More upcoming sessions" />

      {pastItems.length > 0 && (
        <>
          <Title order={3} fz="h4" mt="lg" mb="xs">
            Past sessions
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Past sessions">
            {pastItems.map((s) => (
              <SessionRow key={s.id} session={s} past published={!isDraft} canEdit={w.canEdit} workshopTitle={w.title} />
            ))}
          </Stack>
          <LoadMore query={past} label="More past sessions" />
        </>
      )}
      <RemoveSessionModal workshop={w} session={target} onClose={() => setTarget(null)} />
      <EditSessionModal session={editing} onClose={() => setEditing(null)} />
    </section>
  );
}

function RemoveSessionModal({ workshop: w, session, onClose }: { workshop: Workshop; session: Session | null; onClose: () => void }) {
  const zone = useViewerZone();
  const cancel = useCancelSession(w.id);
  const del = useDeleteSession(w.id);
  const isDraft = w.status === 'draft';
  const mutation = isDraft ? del : cancel;
  const when = session ? sessionTimeText(session.startsAt, session.endsAt, session.timeZone, zone).local : '';

  const confirm = () => {
    if (!session) return;
    mutation.mutate(session.id, {
      onSuccess: () => {
        notifySuccess(isDraft ? `The session on ${when} is deleted.` : `The session on ${when} is cancelled.`);
        onClose();
      },
      onError: (err) => notifyError(err, isDraft ? 'Could not delete the session' : 'Could not cancel the session'),
    });
  };

  return (
    <Modal opened={session !== null} onClose={onClose} title={isDraft ? 'Delete this session?' : 'Cancel this session?'} centered>
      <Stack>
        <Text>
          {isDraft
            ? `The session on ${when} will be removed. The workshop is still a draft, so nobody has seen it yet.`
            : `The session on ${when} will show as cancelled in the catalog and on this page. This cannot be undone.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" onClick={confirm} loading={mutation.isPending}>
            {isDraft ? 'Delete session' : 'Cancel session'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
