import { Button, Group, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';

export type Column<T> = {
  header: string;
  cell: (row: T) => React.ReactNode;
  numeric?: boolean;
  /** The row's name: a header cell for screen readers. */
  rowHeader?: boolean;
};

const SHOWN_AT_FIRST = 10;

/**
 * A chart's table: the figures the chart draws, readable without it. Long tables show their first
 * ten rows with a button for the rest; on a phone the table scrolls sideways (the scrolling area
 * takes focus so the keyboard can scroll it too).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  minWidth = 560,
  shownAtFirst = SHOWN_AT_FIRST,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  empty: string;
  minWidth?: number;
  /** Rows shown before "Show all". */
  shownAtFirst?: number;
}) {
  const [all, setAll] = useState(false);
  if (rows.length === 0)
    return (
      <Text fz="sm" c="dimmed" py="xs">
        {empty}
      </Text>
    );
  const shown = all ? rows : rows.slice(0, shownAtFirst);
  return (
    <>
      <Table.ScrollContainer
        minWidth={minWidth}
        scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': caption } }}
      >
        <Table verticalSpacing={6} striped fz="sm">
          <caption style={hiddenCaption}>{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.header} ta={c.numeric ? 'right' : undefined} scope="col">
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row, index) => (
              <Table.Tr key={rowKey(row, index)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <Table.Th key={c.header} scope="row" fw={500} style={rowHeader}>
                      {c.cell(row)}
                    </Table.Th>
                  ) : (
                    <Table.Td key={c.header} ta={c.numeric ? 'right' : undefined} style={c.numeric ? numeric : undefined}>
                      {c.cell(row)}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > shownAtFirst && (
        <Button variant="subtle" size="xs" mt={4} onClick={() => setAll(!all)}>
          {all ? `Show the first ${shownAtFirst}` : `Show all ${rows.length} rows`}
        </Button>
      )}
    </>
  );
}

// Names wrap between words, never inside one ("Fronten|d"), and long ones stay readable.
const rowHeader: React.CSSProperties = { minWidth: 130, maxWidth: 300, overflowWrap: 'break-word' };
const numeric: React.CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };
const hiddenCaption: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** "Download CSV": the same table, with the same filters, as a file. */
export function CsvLink({ href, label }: { href: string; label: string }) {
  return (
    <Group justify="flex-end">
      <Button
        component="a"
        href={href}
        download
        variant="default"
        size="xs"
        leftSection={<IconDownload size={14} aria-hidden="true" />}
        aria-label={`Download CSV: ${label}`}
      >
        Download CSV
      </Button>
    </Group>
  );
}
