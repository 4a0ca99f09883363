import { Button, Chip, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';

export type FacetOption = { value: string; label: string; count: number | null };

type Props = {
  id: string;
  title: string;
  options: FacetOption[];
  selected: string[];
  onToggle: (value: string) => void;
  /** How many to show before "Show all". */
  visible?: number;
};

/** One facet as chips with counts; selected values stay visible even when the counts no longer list them. */
export function FacetGroup({ id, title, options, selected, onToggle, visible = 8 }: Props) {
  const [all, setAll] = useState(false);
  if (options.length === 0) return null;
  // Selected first, so a choice never hides behind "Show all".
  const ordered = [...options.filter((o) => selected.includes(o.value)), ...options.filter((o) => !selected.includes(o.value))];
  const shown = all ? ordered : ordered.slice(0, Math.max(visible, selected.length));
  return (
    <Stack gap={6}>
      <Text fz="sm" fw={700} id={id}>
        {title}
      </Text>
      <Group gap={6} role="group" aria-labelledby={id}>
        {shown.map((o) => (
          <Chip
            key={o.value}
            size="xs"
            variant="outline"
            checked={selected.includes(o.value)}
            onChange={() => onToggle(o.value)}
            styles={{ label: { textTransform: 'none' } }}
          >
            {o.label}
            {o.count !== null && (
              <Text span fz="xs" c="dimmed" ml={6}>
                {o.count}
                <span className="visually-hidden"> {o.count === 1 ? 'workshop' : 'workshops'}</span>
              </Text>
            )}
          </Chip>
        ))}
      </Group>
      {ordered.length > shown.length && (
        <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setAll(true)}>
          Show all {ordered.length}
        </Button>
      )}
      {all && ordered.length > visible && (
        <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setAll(false)}>
          Show fewer
        </Button>
      )}
    </Stack>
  );
}
