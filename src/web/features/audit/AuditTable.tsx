import { Badge, Code, Table, Text } from '@mantine/core';
import type { AuditEntryView } from '../../../contracts/index.js';
import { formatDateTime } from '../../lib/time';
import { actionLabel } from './actions';

/** Who did what, when, from where, with the request id to find the server's log lines. */
export function AuditTable({ entries, zone }: { entries: AuditEntryView[]; zone: string }) {
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
