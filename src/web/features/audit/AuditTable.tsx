import { Badge, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditEntryView } from '../../../contracts/index.js';
import { formatDateTime } from '../../lib/time';
import { actionLabel } from './actions';

/** Who did what, when, from where, with the request id to find the server's log lines. */
export function AuditTable({ entries, zone }: { entries: AuditEntryView[]; zone: string }) {
  // Phones: one card per entry, nothing to scroll sideways.
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (narrow) return <AuditCards entries={entries} zone={zone} />;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" fz="sm" striped>
        <Table.Caption>Newest first. Times in {zone}.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">From where</Table.Th>
            <Table.Th scope="col">Request id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, zone)}</Table.Td>
              <Table.Td>
                <Text fz="sm">{e.actor.label}</Text>
                {e.actor.id === null && (
                  <Badge size="xs" variant="light" color="gray">
                    not a signed-in person
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {actionLabel(e.action)}
                </Text>
                <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {e.summary}
                </Text>
              </Table.Td>
              <Table.Td>{e.ip ?? <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>{e.requestId ? <Code>{e.requestId}</Code> : <Text c="dimmed">—</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AuditCards({ entries, zone }: { entries: AuditEntryView[]; zone: string }) {
  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed">
        Newest first. Times in {zone}.
      </Text>
      <Stack gap="xs" component="ul" aria-label="Audit log" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {entries.map((e) => (
          <Card key={e.id} component="li" withBorder padding="sm">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text fz="sm" fw={600}>
                  {actionLabel(e.action)}
                </Text>
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(e.at, zone)}
                </Text>
              </Group>
              <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {e.summary}
              </Text>
              <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                By {e.actor.label}
                {e.actor.id === null ? ' (not a signed-in person)' : ''} · from {e.ip ?? 'an unknown address'}
              </Text>
              {e.requestId && (
                <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  Request <Code>{e.requestId}</Code>
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
