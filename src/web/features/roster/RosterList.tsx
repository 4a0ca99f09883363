import { Anchor, Avatar, Badge, Button, Card, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowBarToUp, IconLogin2, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RosterEntry } from '../../../contracts/index.js';
import { initials } from '../../components/UserMenu';
import { notifyError, notifySuccess } from '../../lib/forms';
import { formatDateTime, formatTime } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { poolLabels } from '../registrations/model';
import { StateTag } from '../registrations/StateTag';
import { type RosterAction, useRosterAction } from './hooks';

type Props = {
  sessionId: string;
  entries: RosterEntry[];
  hybrid: boolean;
  /** The session has ended: the seats tab is about attendance, nobody is moved or removed. */
  past?: boolean;
  /** Inside the hosts' check-in window (15 minutes before the start to 7 days after the end). */
  canMark?: boolean;
};

/** Seats, then the waitlist in order, then cancellations; each person with the one action that fits. */
export function RosterList({ sessionId, entries, hybrid, past = false, canMark = true }: Props) {
  const [tab, setTab] = useState<string | null>('seats');
  const [removing, setRemoving] = useState<RosterEntry | null>(null);
  const act = useRosterAction(sessionId);
  const seats = entries.filter((r) => r.status !== 'waitlisted' && r.status !== 'cancelled');
  const waiting = entries.filter((r) => r.status === 'waitlisted');
  const cancelled = entries.filter((r) => r.status === 'cancelled');

  const run = (a: RosterAction, done: string, failed: string) =>
    act.mutate(a, { onSuccess: () => notifySuccess(done), onError: (err) => notifyError(err, failed) });

  const list = (items: RosterEntry[], empty: string) =>
    items.length === 0 ? (
      <Text c="dimmed" py="md">
        {empty}
      </Text>
    ) : (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((r) => (
          <RosterRow
            key={r.id}
            entry={r}
            hybrid={hybrid}
            busy={act.isPending}
            past={past}
            canMark={canMark}
            onCheckIn={() =>
              run(
                { type: 'check_in', registrationId: r.id },
                past ? `${r.person.name} is marked as attended.` : `${r.person.name} is checked in.`,
                'Could not check in',
              )
            }
            onMove={() =>
              run({ type: 'move', registrationId: r.id, position: 1 }, `${r.person.name} is now first in line.`, 'Could not move')
            }
            onRemove={() => setRemoving(r)}
          />
        ))}
      </Stack>
    );

  return (
    <>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="seats">{past ? `Attendance (${seats.length})` : `Seats (${seats.length})`}</Tabs.Tab>
          <Tabs.Tab value="waitlist">Waitlist ({waiting.length})</Tabs.Tab>
          <Tabs.Tab value="cancelled">Cancelled ({cancelled.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="seats" pt="sm">
          {list(seats, past ? 'Nobody had a seat.' : 'Nobody has a seat yet. Share the workshop link, or add someone with “Add person”.')}
        </Tabs.Panel>
        <Tabs.Panel value="waitlist" pt="sm">
          {list(waiting, 'Nobody is waiting. When the seats are full, new registrations line up here in order.')}
        </Tabs.Panel>
        <Tabs.Panel value="cancelled" pt="sm">
          {list(cancelled, 'No cancellations.')}
        </Tabs.Panel>
      </Tabs>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={`Remove ${removing?.person.name ?? ''}?`} centered>
        <Stack>
          <Text>
            {removing?.status === 'waitlisted'
              ? 'They leave the waitlist; everyone behind them moves up one place.'
              : 'Their seat goes to the next person on the waitlist straight away.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Keep them
            </Button>
            <Button
              color="red"
              loading={act.isPending}
              onClick={() => {
                const r = removing;
                if (!r) return;
                act.mutate(
                  { type: 'remove', registrationId: r.id },
                  {
                    onSuccess: () => {
                      notifySuccess(`${r.person.name} is removed.`);
                      setRemoving(null);
                    },
                    onError: (err) => notifyError(err, 'Could not remove'),
                  },
                );
              }}
            >
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

type RowProps = {
  entry: RosterEntry;
  hybrid: boolean;
  busy: boolean;
  past: boolean;
  canMark: boolean;
  onCheckIn: () => void;
  onMove: () => void;
  onRemove: () => void;
};

function RosterRow({ entry: r, hybrid, busy, past, canMark, onCheckIn, onMove, onRemove }: RowProps) {
  const zone = useViewerZone();
  const name = r.person.name;
  const canCheckIn = canMark && (r.status === 'enrolled' || r.status === 'offered' || r.status === 'no_show');
  const canRemove = !past && (r.status === 'enrolled' || r.status === 'offered' || r.status === 'waitlisted');
  const noShow = r.status === 'no_show' || (past && (r.status === 'enrolled' || r.status === 'offered'));
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 14rem', minWidth: 0 }}>
          {r.status === 'waitlisted' && (
            <Text fw={800} fz="lg" w={36} ta="center" aria-label={`Place ${r.position}`}>
              #{r.position}
            </Text>
          )}
          <Avatar color="lyceum" radius="xl" alt="" aria-hidden="true">
            {initials(name)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/people/${r.person.id}`} fw={600}>
              {name}
            </Anchor>
            <Text fz="sm" c="dimmed" truncate>
              {[r.person.title, r.person.team, hybrid ? poolLabels[r.mode] : null].filter(Boolean).join(' · ') || r.person.email}
            </Text>
          </div>
        </Group>
        <Group gap="xs" wrap="wrap" justify="flex-end">
          {r.walkIn && (
            <Badge variant="outline" color="gray" tt="none">
              Walk-in
            </Badge>
          )}
          {r.status === 'attended' && (
            <StateTag tone="checkedIn" size="md">
              Checked in{r.checkedInAt ? ` ${formatTime(new Date(r.checkedInAt), zone)}` : ''}
            </StateTag>
          )}
          {noShow && (
            <StateTag tone="noShow" size="md">
              No-show
            </StateTag>
          )}
          {r.status === 'offered' && !past && (
            <StateTag tone="offered" size="md">
              Offered{r.offerExpiresAt ? `, until ${formatDateTime(r.offerExpiresAt, zone)}` : ''}
            </StateTag>
          )}
          {r.status === 'cancelled' && (
            <StateTag tone="cancelled" size="md">
              {r.lateCancellation ? 'Cancelled late' : 'Cancelled'}
              {r.cancelledAt ? ` ${formatDateTime(r.cancelledAt, zone)}` : ''}
            </StateTag>
          )}
          {canCheckIn && (
            <Button
              size="xs"
              leftSection={<IconLogin2 size={14} aria-hidden="true" />}
              onClick={onCheckIn}
              disabled={busy}
              aria-label={past ? `Mark attended: ${name}` : `Check in ${name}`}
            >
              {past ? 'Mark attended' : 'Check in'}
            </Button>
          )}
          {!past && r.status === 'waitlisted' && r.position !== null && r.position > 1 && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBarToUp size={14} aria-hidden="true" />}
              onClick={onMove}
              disabled={busy}
              aria-label={`Move ${name} to the front`}
            >
              Move to front
            </Button>
          )}
          {canRemove && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconUserMinus size={14} aria-hidden="true" />}
              onClick={onRemove}
              aria-label={`Remove ${name}`}
            >
              Remove
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
