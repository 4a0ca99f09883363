import { Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { type ChecklistItem, checklistPhases, describeOffset, phaseLabels } from '../../../contracts/index.js';
import { GuidancePanel } from './GuidancePanel';
import { whenLabels } from './progress';

/** A published (or older) version's items, read-only, phase by phase. */
export function TemplateItemsView({ items }: { items: ChecklistItem[] }) {
  if (items.length === 0) return <Text c="dimmed">This version has no items.</Text>;
  return (
    <Stack gap="lg">
      {checklistPhases.map((phase) => {
        const group = items.filter((i) => i.phase === phase);
        return (
          <section key={phase} aria-labelledby={`view-${phase}`}>
            <Title order={2} fz="h4" id={`view-${phase}`} mb="xs">
              {phaseLabels[phase]}{' '}
              <Text span c="dimmed" fz="sm" fw={400}>
                ({group.length})
              </Text>
            </Title>
            {group.length === 0 ? (
              <Text c="dimmed" fz="sm">
                No items.
              </Text>
            ) : (
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {group.map((item) => (
                  <ItemRow key={item.id} item={item} />
                ))}
              </Stack>
            )}
          </section>
        );
      })}
    </Stack>
  );
}

function ItemRow({ item }: { item: ChecklistItem }) {
  const [open, setOpen] = useState(false);
  const id = `view-guidance-${item.id}`;
  const timing = [whenLabels[item.when], describeOffset(item.offsetDays)].filter(Boolean).join(' · ');
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <Text fw={600}>{item.text}</Text>
          <Text fz="sm" c="dimmed">
            {timing} · key <code>{item.key}</code>
          </Text>
        </div>
        {(item.guidance.trim() || item.links.length > 0) && (
          <Button
            size="compact-sm"
            variant="subtle"
            aria-expanded={open}
            aria-controls={id}
            onClick={() => setOpen((o) => !o)}
            rightSection={<IconChevronDown size={14} aria-hidden="true" style={{ transform: open ? 'rotate(180deg)' : undefined }} />}
          >
            Guidance
          </Button>
        )}
      </Group>
      <Collapse expanded={open} id={id} mt={open ? 'xs' : 0}>
        <GuidancePanel item={item} />
      </Collapse>
    </Card>
  );
}
