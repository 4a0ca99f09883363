import { Badge, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { type AdoptionRow, phaseLabels } from '../../../contracts/index.js';

/** The items most often answered "no": where presenters struggle, and where guidance may help. */
export function StruggleList({ rows }: { rows: AdoptionRow[] }) {
  const withNo = rows.filter((r) => r.mostNo.length > 0);
  if (withNo.length === 0) {
    return <Text c="dimmed">No item has been answered “no” yet.</Text>;
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {withNo.map((r) => (
        <Card key={`${r.templateId}-${r.version}`} withBorder padding="md">
          <Title order={3} fz="md" mb="xs">
            {r.templateName}{' '}
            <Text span c="dimmed" fz="sm" fw={400}>
              v{r.version}
            </Text>
          </Title>
          <List spacing="xs" type="ordered">
            {r.mostNo.map((item) => (
              <List.Item key={item.itemKey}>
                <Text fz="sm">{item.text}</Text>
                <Group gap="xs">
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {phaseLabels[item.phase]}
                  </Badge>
                  <Text fz="xs" c="dimmed">
                    “No” from {item.no} of {item.answered} who answered
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </Card>
      ))}
    </SimpleGrid>
  );
}
