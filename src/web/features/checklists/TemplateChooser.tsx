import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconSparkles } from '@tabler/icons-react';
import { type ChecklistTemplateSummary, formatLabels, type Workshop } from '../../../contracts/index.js';
import { Empty } from '../../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../../components/States';
import { useTemplates } from './templateHooks';

type Props = {
  workshop: Pick<Workshop, 'id' | 'format'>;
  /** The template in use, when switching. */
  currentTemplateId?: string;
  busyId: string | null;
  onChoose: (template: ChecklistTemplateSummary) => void;
};

/** The templates a host can use, the one that fits the workshop's format first. */
export function TemplateChooser({ workshop, currentTemplateId, busyId, onChoose }: Props) {
  const templates = useTemplates({ workshopId: workshop.id });
  // Only published, active templates can be used; a draft-only template is not ready yet.
  const items = (templates.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((t) => t.status === 'active' && t.currentVersion !== null)
    .sort((a, b) => Number(b.suggested) - Number(a.suggested));

  if (templates.isPending) return <ListSkeleton count={3} />;
  if (templates.isError)
    return <ErrorNotice error={templates.error} onRetry={() => void templates.refetch()} title="The templates could not load" />;
  if (items.length === 0) {
    return (
      <Empty
        icon={<IconChecklist size={32} aria-hidden="true" />}
        title="No checklist templates yet"
        description="The education team has not published one. Nothing waits on it: your workshop works fine without."
      />
    );
  }

  return (
    <div>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Checklist templates">
        {items.map((t) => {
          const inUse = t.id === currentTemplateId;
          return (
            <Card
              key={t.id}
              component="li"
              withBorder
              padding="md"
              aria-labelledby={`tpl-${t.id}`}
              bd={t.suggested ? '2px solid var(--mantine-color-lyceum-6)' : undefined}
            >
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
                  <Group gap="xs">
                    <Title order={3} fz="lg" id={`tpl-${t.id}`}>
                      {t.name}
                    </Title>
                    {t.suggested && (
                      <Badge variant="light" leftSection={<IconSparkles size={12} aria-hidden="true" />} tt="none">
                        Suggested for {formatLabels[workshop.format].toLowerCase()}
                      </Badge>
                    )}
                    {inUse && (
                      <Badge variant="light" color="teal" tt="none">
                        In use
                      </Badge>
                    )}
                  </Group>
                  {t.description && <Text fz="sm">{t.description}</Text>}
                  <Text fz="sm" c="dimmed">
                    {t.itemCount} items
                    {t.formats.length > 0 && ` · made for ${t.formats.map((f) => formatLabels[f].toLowerCase()).join(', ')}`}
                  </Text>
                </Stack>
                {!inUse && (
                  <Button
                    variant={t.suggested ? 'filled' : 'default'}
                    loading={busyId === t.id}
                    disabled={busyId !== null && busyId !== t.id}
                    onClick={() => onChoose(t)}
                    aria-label={`Use this checklist: ${t.name}`}
                  >
                    Use this checklist
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      <LoadMore query={templates} label="More templates" />
    </div>
  );
}
