import { Badge, Button, Group, Progress, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Workshop } from '../../../contracts/index.js';

/** "Prepared with the … checklist": shown on a workshop only when its hosts chose to. */
export function PreparedWithBadge({ workshop: w }: { workshop: Workshop }) {
  if (!w.preparedWith) return null;
  return (
    <Badge variant="light" color="teal" tt="none" size="lg" fw={500} leftSection={<IconChecklist size={16} aria-hidden="true" />}>
      Prepared with the {w.preparedWith} checklist
    </Badge>
  );
}

/** The hosts' way into the checklist, with its progress when one is running. */
export function ChecklistButton({ workshop: w, size = 'sm' }: { workshop: Workshop; size?: 'xs' | 'sm' }) {
  if (!w.canEdit) return null;
  const percent = w.checklistPercent;
  return (
    <Button
      size={size}
      variant="default"
      component={Link}
      to={`/workshops/${w.id}/checklist`}
      leftSection={<IconChecklist size={size === 'xs' ? 16 : 18} aria-hidden="true" />}
      aria-label={percent === null ? `Checklist for ${w.title}` : `Checklist ${percent}% answered, for ${w.title}`}
    >
      <Group gap={8} wrap="nowrap">
        <span>Checklist</span>
        {/* A space is not drawn between flex items, but it keeps the visible text "Checklist 76%" two
            words for tools that read it (voice control, axe), so the accessible name starts with it. */}
        {percent !== null && (
          <>
            {' '}
            <Progress value={percent} w={48} size="sm" aria-hidden="true" color={percent === 100 ? 'teal.8' : undefined} />
            <Text span fz="xs" c="dimmed">
              {percent}%
            </Text>
          </>
        )}
      </Group>
    </Button>
  );
}
