import { Avatar, Button, Group, Modal, Skeleton, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { initials } from '../../components/UserMenu';
import { errorMessage, notifySuccess } from '../../lib/forms';
import { usePeople } from '../people/hooks';
import { useRosterAction } from './hooks';

export type AddKind = 'add' | 'walk_in';

const copy: Record<AddKind, { title: string; help: string; done: (name: string, waitlisted: boolean) => string }> = {
  add: {
    title: 'Add a person',
    help: 'They get a seat if one is free, otherwise the next place on the waitlist.',
    done: (name, waitlisted) => (waitlisted ? `${name} is on the waitlist.` : `${name} has a seat.`),
  },
  walk_in: {
    title: 'Add a walk-in',
    help: 'For someone who turned up: they are recorded as attended, whatever the seat count.',
    done: (name) => `${name} is checked in as a walk-in.`,
  },
};

/** Search the directory, pick someone, and add them to the roster (or as a walk-in). */
export function AddPersonModal({ sessionId, kind, onClose }: { sessionId: string; kind: AddKind | null; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const [error, setError] = useState<string | null>(null);
  const people = usePeople(debounced, 8);
  const act = useRosterAction(sessionId);
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  const text = copy[kind ?? 'add'];

  const close = () => {
    setQ('');
    setError(null);
    onClose();
  };

  const pick = (personId: string, name: string) => {
    if (!kind) return;
    setError(null);
    act.mutate(kind === 'add' ? { type: 'add', personId } : { type: 'walk_in', personId }, {
      onSuccess: (reg) => {
        notifySuccess(text.done(name, reg.status === 'waitlisted'));
        close();
      },
      onError: (err) => setError(errorMessage(err)),
    });
  };

  return (
    <Modal opened={kind !== null} onClose={close} title={text.title} centered>
      <Stack gap="sm">
        <Text fz="sm">{text.help}</Text>
        <TextInput
          label="Find a person"
          placeholder="Name, email or team"
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          error={error}
          type="search"
          data-autofocus
        />
        <Stack gap={4} aria-live="polite" aria-busy={people.isFetching}>
          {people.isPending && <Skeleton height={120} />}
          {people.isSuccess && items.length === 0 && <Text c="dimmed">Nobody matches “{debounced}”.</Text>}
          {items.map((p) => (
            <UnstyledButton
              key={p.id}
              onClick={() => pick(p.id, p.name)}
              disabled={act.isPending}
              className="pick-row"
              aria-label={`${kind === 'walk_in' ? 'Add as walk-in' : 'Add'}: ${p.name}`}
            >
              <Group gap="sm" wrap="nowrap">
                <Avatar color="lyceum" radius="xl" size="sm" alt="" aria-hidden="true">
                  {initials(p.name)}
                </Avatar>
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} fz="sm">
                    {p.name}
                  </Text>
                  <Text fz="xs" c="dimmed" truncate>
                    {[p.title, p.team].filter(Boolean).join(' · ') || p.email}
                  </Text>
                </div>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
