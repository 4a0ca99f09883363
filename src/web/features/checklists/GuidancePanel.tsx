import { Anchor, List, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { ChecklistItem } from '../../../contracts/index.js';
import { Markdown } from '../../components/Markdown';

/** Why an item matters and how to do it (Markdown from the education team), then its links. */
export function GuidancePanel({ item }: { item: Pick<ChecklistItem, 'guidance' | 'links'> }) {
  return (
    <Stack gap="xs" className="guidance">
      {item.guidance.trim() && <Markdown>{item.guidance}</Markdown>}
      {item.links.length > 0 && (
        <div>
          <Text fz="sm" fw={600}>
            Read more
          </Text>
          <List spacing={2} fz="sm">
            {item.links.map((l) => (
              <List.Item key={l.url}>
                <Anchor href={l.url} target="_blank" rel="noopener noreferrer nofollow" fz="sm">
                  {l.title} <IconExternalLink size={13} aria-label="(opens in a new tab)" />
                </Anchor>
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
