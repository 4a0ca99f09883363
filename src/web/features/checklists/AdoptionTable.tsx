import { Card, Table, Text } from '@mantine/core';
import { type AdoptionRow, checklistPhases, phaseLabels } from '../../../contracts/index.js';
import { SmallBar } from './ProgressBars';

function confidence(c: AdoptionRow['confidenceBefore']): string {
  return c.average === null ? '—' : `${c.average.toFixed(1)} (${c.count})`;
}

/** Per template and version: how many workshops use it and how far they get, phase by phase. */
export function AdoptionTable({ rows }: { rows: AdoptionRow[] }) {
  return (
    <Card withBorder padding={0}>
      {/* On a phone the table scrolls sideways; with nothing focusable inside, the scrolling area
          itself takes focus (and says what it is) so the keyboard can scroll it too. */}
      <Table.ScrollContainer
        minWidth={1040}
        scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Adoption by template' } }}
      >
        <Table verticalSpacing="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={180}>Template</Table.Th>
              <Table.Th ta="right">Workshops</Table.Th>
              <Table.Th>Overall</Table.Th>
              {checklistPhases.map((p) => (
                <Table.Th key={p}>{phaseLabels[p]}</Table.Th>
              ))}
              <Table.Th>
                Confidence
                <Text span fz="xs" c="dimmed" fw={400} display="block">
                  before → after (answers)
                </Text>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const name = `${r.templateName} v${r.version}`;
              return (
                <Table.Tr key={`${r.templateId}-${r.version}`}>
                  <Table.Td>
                    <Text fw={600} fz="sm">
                      {r.templateName}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      Version {r.version}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{r.workshops}</Table.Td>
                  <Table.Td>
                    <SmallBar percent={r.overallCompletion} label={`${name}: overall completion`} width={80} />
                  </Table.Td>
                  {checklistPhases.map((p) => (
                    <Table.Td key={p}>
                      <SmallBar percent={r.completion[p] ?? 0} label={`${name}: ${phaseLabels[p]} completion`} width={56} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {confidence(r.confidenceBefore)} → {confidence(r.confidenceAfter)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
