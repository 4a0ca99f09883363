import { ActionIcon, Anchor, Avatar, Badge, Button, Card, Group, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Workshop } from '../../../contracts/index.js';
import { initials } from '../../components/UserMenu';
import { notifyError, notifySuccess } from '../../lib/forms';
import { usePeople } from '../people/hooks';
import { useAddHost, useRemoveHost } from './hooks';

/** Who hosts the workshop; hosts and admins can add and remove co-hosts here. */
export function HostsCard({ workshop: w }: { workshop: Workshop }) {
  const remove = useRemoveHost(w.id);
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="h4" mb="sm">
        {w.hosts.length === 1 ? 'Host' : 'Hosts'}
      </Title>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {w.hosts.map((h) => (
          <Group key={h.id} component="li" wrap="nowrap" justify="space-between">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Avatar color="lyceum" radius="xl" alt="" aria-hidden="true">
                {initials(h.name)}
              </Avatar>
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/people/${h.id}`} fw={600}>
                  {h.name}
                </Anchor>
                <Text fz="sm" c="dimmed" truncate>
                  {h.title ?? ''}
                </Text>
              </div>
              {h.role === 'owner' && w.hosts.length > 1 && (
                <Badge size="xs" variant="light" color="gray">
                  Owner
                </Badge>
              )}
            </Group>
            {w.canEdit && h.role === 'cohost' && (
              <Tooltip label={`Remove ${h.name} as co-host`}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${h.name} as co-host`}
                  loading={remove.isPending && remove.variables === h.id}
                  onClick={() =>
                    remove.mutate(h.id, {
                      onSuccess: () => notifySuccess(`${h.name} is no longer a co-host.`),
                      onError: (err) => notifyError(err, 'Could not remove the co-host'),
                    })
                  }
                >
                  <IconUserMinus size={18} aria-hidden="true" />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      </Stack>
      {w.canEdit && <AddCohost workshop={w} />}
    </Card>
  );
}

function AddCohost({ workshop: w }: { workshop: Workshop }) {
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const people = usePeople(debounced, 10);
  const add = useAddHost(w.id);
  const hostIds = new Set(w.hosts.map((h) => h.id));
  const options = (people.data?.pages[0]?.items ?? [])
    .filter((p) => !hostIds.has(p.id))
    .map((p) => ({ value: p.id, label: p.name, description: [p.title, p.team].filter(Boolean).join(' · ') }));
  const selected = options.find((o) => o.value === personId);

  const submit = () => {
    if (!personId) return;
    add.mutate(personId, {
      onSuccess: () => {
        notifySuccess(`${selected?.label ?? 'They'} can now edit this workshop and schedule sessions.`, 'Co-host added');
        setPersonId(null);
        setSearch('');
      },
      onError: (err) => notifyError(err, 'Could not add the co-host'),
    });
  };

  return (
    <Stack gap="xs" mt="md">
      <Select
        label="Add a co-host"
        description="Co-hosts can edit the workshop and schedule sessions."
        placeholder="Search people by name"
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        value={personId}
        onChange={setPersonId}
        data={options}
        filter={({ options: o }) => o}
        nothingFoundMessage={people.isFetching ? 'Searching…' : 'Nobody found'}
        renderOption={({ option }) => {
          const o = options.find((x) => x.value === option.value);
          return (
            <div>
              <Text fz="sm">{option.label}</Text>
              {o?.description && (
                <Text fz="xs" c="dimmed">
                  {o.description}
                </Text>
              )}
            </div>
          );
        }}
      />
      <Button variant="light" onClick={submit} disabled={!personId} loading={add.isPending}>
        Add co-host
      </Button>
    </Stack>
  );
}
