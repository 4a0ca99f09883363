import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconBan, IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { type ChecklistSuggestion, phaseLabels } from '../../../contracts/index.js';
import { whenLabels } from './progress';

const kindLabels: Record<ChecklistSuggestion['kind'], string> = { reword: 'Reword', add: 'New item', remove: 'Remove' };

/** What was suggested: the kind, the item as it was, the proposed text and the reason. */
export function SuggestionSummary({ s }: { s: ChecklistSuggestion }) {
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Badge variant="outline" color="gray" tt="none">
          {kindLabels[s.kind]}
        </Badge>
        <Text fz="sm" c="dimmed">
          {s.templateName}
          {s.phase && ` · ${phaseLabels[s.phase]}`}
          {s.kind === 'add' && s.when && `, ${whenLabels[s.when].toLowerCase()}`}
        </Text>
      </Group>
      {s.itemText && (
        <Text fz="sm" className={s.kind === 'remove' ? 'struck' : undefined}>
          <Text span fz="sm" fw={600}>
            {s.kind === 'remove' ? 'Remove: ' : 'Now: '}
          </Text>
          {s.itemText}
        </Text>
      )}
      {s.text && (
        <Text fz="sm">
          <Text span fz="sm" fw={600}>
            {s.kind === 'add' ? 'New item: ' : 'Proposed: '}
          </Text>
          {s.text}
        </Text>
      )}
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <Text span fz="sm" fw={600}>
          Why:{' '}
        </Text>
        {s.reason}
      </Text>
    </Stack>
  );
}

/** The outcome in words and colour: waiting, accepted (into which draft), declined. */
export function SuggestionStatus({ s }: { s: ChecklistSuggestion }) {
  if (s.status === 'open') {
    return (
      <Badge variant="light" color="gray" tt="none" leftSection={<IconHourglass size={14} aria-hidden="true" />}>
        Waiting for the education team
      </Badge>
    );
  }
  if (s.status === 'accepted') {
    return (
      <Badge variant="light" color="teal" tt="none" leftSection={<IconCircleCheck size={14} aria-hidden="true" />}>
        Accepted{s.appliedToVersion ? ` · goes into version ${s.appliedToVersion}` : ''}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color="red" tt="none" leftSection={<IconBan size={14} aria-hidden="true" />}>
      Declined
    </Badge>
  );
}
