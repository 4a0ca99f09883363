import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AdminPerson } from '../../../contracts/index.js';
import { errorMessage, notifyError, notifySuccess } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { useMe, useViewerZone } from '../auth/hooks';
import { usePersonAction } from './admin-hooks';

const ROLES = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Admin' },
];

/** Everyone, active or not: role, state, who deactivated them and when, and what an admin may do. */
export function AdminPeopleTable({ people }: { people: AdminPerson[] }) {
  const [confirming, setConfirming] = useState<{ person: AdminPerson; kind: 'deactivate' | 'reactivate' } | null>(null);
  const [erasing, setErasing] = useState<AdminPerson | null>(null);
  // Phones and narrow windows: one card per person, its parts stacked; a table beyond.
  const narrow = useMediaQuery('(max-width: 60em)', false, { getInitialValueInEffect: false });
  const handlers = (p: AdminPerson) => ({
    onDeactivate: () => setConfirming({ person: p, kind: 'deactivate' as const }),
    onReactivate: () => setConfirming({ person: p, kind: 'reactivate' as const }),
    onErase: () => setErasing(p),
  });
  return (
    <>
      {narrow ? (
        <Stack gap="sm" component="ul" aria-label="People" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {people.map((p) => (
            <PersonCard key={p.id} person={p} {...handlers(p)} />
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="sm" aria-label="People" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col" w={150}>
                Role
              </Table.Th>
              <Table.Th scope="col" w={260}>
                State
              </Table.Th>
              <Table.Th scope="col" w={210}>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <PersonRow key={p.id} person={p} {...handlers(p)} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal target={confirming} onClose={() => setConfirming(null)} />
      <EraseModal person={erasing} onClose={() => setErasing(null)} />
    </>
  );
}

type RowProps = {
  person: AdminPerson;
  onDeactivate: () => void;
  onReactivate: () => void;
  onErase: () => void;
};

/** One person on a phone: who, state (with who did it and when), role and actions, stacked. */
function PersonCard(props: RowProps) {
  const { person: p } = props;
  return (
    <Card component="li" withBorder padding="sm" aria-label={p.name}>
      <Stack gap="xs">
        <Who person={p} />
        <State person={p} />
        <Group justify="space-between" align="flex-end" gap="xs">
          <RoleSelect person={p} />
          <Actions {...props} />
        </Group>
      </Stack>
    </Card>
  );
}

function PersonRow(props: RowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <Who person={props.person} />
      </Table.Td>
      <Table.Td>
        <RoleSelect person={props.person} />
      </Table.Td>
      <Table.Td>
        <State person={props.person} />
      </Table.Td>
      <Table.Td>
        <Actions {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Name, and email · title · team; long ones wrap rather than push the row wider. */
function Who({ person: p }: { person: AdminPerson }) {
  return (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      <Text fw={600}>{p.name}</Text>
      <Text fz="sm" c="dimmed">
        {p.erasedAt ? 'Name, email and profile erased' : [p.email, p.title, p.team].filter(Boolean).join(' · ')}
      </Text>
    </div>
  );
}

function RoleSelect({ person: p }: { person: AdminPerson }) {
  const me = useMe();
  const action = usePersonAction();
  const self = me.data?.id === p.id;
  return (
    <div>
      <Select
        aria-label={`Role of ${p.name}`}
        data={ROLES}
        value={p.role}
        allowDeselect={false}
        w={120}
        disabled={self || p.erasedAt !== null || action.isPending}
        title={self ? 'Another admin changes your role' : undefined}
        onChange={(role) =>
          role &&
          role !== p.role &&
          action.mutate(
            { kind: 'role', id: p.id, role: role as 'member' | 'admin' },
            {
              onSuccess: () => notifySuccess(`${p.name} is now ${role === 'admin' ? 'an admin' : 'a member'}.`),
              onError: (e) => notifyError(e),
            },
          )
        }
      />
      {p.roleSource === 'directory' && (
        <Text fz="xs" c="dimmed">
          from the directory's groups
        </Text>
      )}
      {self && (
        <Text fz="xs" c="dimmed">
          you (another admin changes your role)
        </Text>
      )}
    </div>
  );
}

/** Active, or deactivated / erased with who did it and when (in words, not colour alone). */
function State({ person: p }: { person: AdminPerson }) {
  const zone = useViewerZone();
  if (p.active) {
    return (
      <Badge color="teal" variant="light">
        Active
      </Badge>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={p.erasedAt ? 'red' : 'gray'} variant="light">
        {p.erasedAt ? 'Erased' : 'Deactivated'}
      </Badge>
      <Text fz="xs" c="dimmed">
        {p.erasedAt
          ? `Erased ${formatDateTime(p.erasedAt, zone)}${p.deactivatedBy ? ` · deactivated by ${p.deactivatedBy.name}` : ''}`
          : `${p.deactivatedAt ? `${formatDateTime(p.deactivatedAt, zone)} ` : ''}by ${p.deactivatedBy?.name ?? 'the directory'}`}
      </Text>
      {p.workshopsWithoutHost.length > 0 && (
        <Alert variant="light" color="orange" p={6} icon={<IconAlertTriangle size={16} aria-hidden="true" />}>
          <Text fz="xs">
            No host left for{' '}
            {p.workshopsWithoutHost.map((w, i) => (
              <span key={w.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/workshops/${w.id}`} fz="xs" c="inherit" fw={600} underline="always">
                  {w.title}
                </Anchor>
              </span>
            ))}
            : sessions are coming up.
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

function Actions({ person: p, onDeactivate, onReactivate, onErase }: RowProps) {
  const me = useMe();
  if (me.data?.id === p.id || p.erasedAt !== null) return null;
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {p.active ? (
        <Button size="xs" variant="light" color="orange" onClick={onDeactivate} aria-label={`Deactivate ${p.name}`}>
          Deactivate
        </Button>
      ) : (
        <Button size="xs" variant="light" onClick={onReactivate} aria-label={`Reactivate ${p.name}`}>
          Reactivate
        </Button>
      )}
      <Button size="xs" variant="subtle" color="red" onClick={onErase} aria-label={`Erase ${p.name}…`}>
        Erase…
      </Button>
    </Group>
  );
}

function ConfirmModal({
  target,
  onClose,
}: {
  target: { person: AdminPerson; kind: 'deactivate' | 'reactivate' } | null;
  onClose: () => void;
}) {
  const action = usePersonAction();
  const deactivating = target?.kind === 'deactivate';
  const run = () =>
    target &&
    action.mutate(
      { kind: target.kind, id: target.person.id },
      {
        onSuccess: () => {
          notifySuccess(`${target.person.name} is ${deactivating ? 'deactivated' : 'active again'}.`);
          onClose();
        },
        onError: (e) => notifyError(e),
      },
    );
  return (
    <Modal opened={target !== null} onClose={onClose} title={deactivating ? 'Deactivate this person?' : 'Reactivate this person?'} centered>
      {target && (
        <Stack>
          <Text>
            {deactivating
              ? `${target.person.name} can no longer sign in: their browser sessions, API tokens and calendar feed stop at once. Their registrations for sessions to come are cancelled and pass to the people waiting. Co-hosts (or admins, when nobody else hosts) of their workshops are told. History stays for the figures.`
              : `${target.person.name} can sign in again. Registrations cancelled when they left stay cancelled; they make new API tokens and a new calendar address themselves.`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color={deactivating ? 'orange' : undefined} loading={action.isPending} onClick={run}>
              {deactivating ? 'Deactivate' : 'Reactivate'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Asked twice: first what erasure means, then the person's email typed again. */
function EraseModal({ person, onClose }: { person: AdminPerson | null; onClose: () => void }) {
  const action = usePersonAction();
  const [step, setStep] = useState<1 | 2>(1);
  const [typed, setTyped] = useState('');
  const close = () => {
    setStep(1);
    setTyped('');
    action.reset();
    onClose();
  };
  const matches = person !== null && typed.trim().toLowerCase() === person.email.toLowerCase();
  const erase = () =>
    person &&
    action.mutate(
      { kind: 'erase', id: person.id, confirm: typed.trim() },
      {
        onSuccess: () => {
          notifySuccess('Erased: they are now "Former colleague".');
          close();
        },
      },
    );
  return (
    <Modal opened={person !== null} onClose={close} title="Erase this person?" centered>
      {person && step === 1 && (
        <Stack>
          <Text>
            Erasing {person.name} replaces their name with "Former colleague" and removes their email and profile. Their tokens, sessions
            and calendar feed are deleted and they are deactivated. Registrations and feedback stay only as figures.
          </Text>
          <Text fw={600}>This cannot be undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" variant="light" onClick={() => setStep(2)}>
              Continue
            </Button>
          </Group>
        </Stack>
      )}
      {person && step === 2 && (
        <Stack>
          <TextInput
            label={`Type ${person.email} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            error={action.isError ? errorMessage(action.error) : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" disabled={!matches} loading={action.isPending} onClick={erase}>
              Erase for good
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
