import { ActionIcon, Badge, Button, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconEdit, IconTrash } from '@tabler/icons-react';
import { describeOffset } from '../../../contracts/index.js';
import type { FieldErrors } from '../../lib/forms';
import { DraftItemFields } from './DraftItemFields';
import type { DraftRow } from './draftModel';

type Props = {
  row: DraftRow;
  position: number;
  open: boolean;
  errors: FieldErrors;
  first: boolean;
  last: boolean;
  onToggle: () => void;
  onChange: (patch: Partial<DraftRow>) => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
};

/** One item of a draft: a summary line with its actions, the fields below when opened. */
export function DraftItemRow({ row, position, open, errors, first, last, onToggle, onChange, onMove, onDelete }: Props) {
  const name = row.text.trim() || 'New item';
  const invalid = Object.keys(errors).length > 0;
  const timing = [row.when === 'before' ? 'Before' : row.when === 'during' ? 'During' : 'After', describeOffset(row.offsetDays)]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card component="li" withBorder padding="sm" bd={invalid ? '1px solid var(--mantine-color-red-7)' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Text fw={700} c="dimmed" w={24} ta="right" aria-hidden="true">
              {position}.
            </Text>
            <div style={{ minWidth: 0 }}>
              <Text fw={600} c={row.text.trim() ? undefined : 'dimmed'}>
                {name}
              </Text>
              <Group gap="xs">
                <Text fz="sm" c="dimmed">
                  {timing}
                </Text>
                {!row.key && (
                  <Badge size="xs" variant="light" tt="none">
                    New
                  </Badge>
                )}
                {invalid && !open && (
                  <Text fz="sm" c="red.9">
                    Needs a fix
                  </Text>
                )}
              </Group>
            </div>
          </Group>
          <Group gap={2} wrap="nowrap">
            <Button
              size="compact-sm"
              variant={open ? 'light' : 'subtle'}
              leftSection={<IconEdit size={14} aria-hidden="true" />}
              aria-expanded={open}
              aria-label={`${open ? 'Close' : 'Edit'} item ${position}: ${name}`}
              onClick={onToggle}
            >
              {open ? 'Close' : 'Edit'}
            </Button>
            <Tooltip label="Move up">
              <ActionIcon variant="subtle" color="gray" disabled={first} aria-label={`Move item ${position} up`} onClick={() => onMove(-1)}>
                <IconArrowUp size={16} aria-hidden="true" />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon variant="subtle" color="gray" disabled={last} aria-label={`Move item ${position} down`} onClick={() => onMove(1)}>
                <IconArrowDown size={16} aria-hidden="true" />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete">
              <ActionIcon variant="subtle" color="red" aria-label={`Delete item ${position}: ${name}`} onClick={onDelete}>
                <IconTrash size={16} aria-hidden="true" />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {open && <DraftItemFields row={row} errors={errors} onChange={onChange} />}
      </Stack>
    </Card>
  );
}
