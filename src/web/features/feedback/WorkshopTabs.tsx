import { Box, Group, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';

type Tab = 'about' | 'feedback';

/**
 * "About | Feedback" for the people who may edit a workshop (hosts, co-hosts, admins). They are
 * links to two pages, not an ARIA tab widget: each has its own URL the host mail links to.
 */
export function WorkshopTabs({ workshopId, current }: { workshopId: string; current: Tab }) {
  const tabs: { tab: Tab; label: string; to: string }[] = [
    { tab: 'about', label: 'About', to: `/workshops/${workshopId}` },
    { tab: 'feedback', label: 'Feedback', to: `/workshops/${workshopId}/feedback` },
  ];
  return (
    <Box component="nav" aria-label="Workshop" mb="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap={0} wrap="nowrap">
        {tabs.map((t) => {
          const active = t.tab === current;
          return (
            <UnstyledButton
              key={t.tab}
              component={Link}
              to={t.to}
              aria-current={active ? 'page' : undefined}
              px="md"
              py={8}
              fw={active ? 700 : 500}
              c={active ? undefined : 'dimmed'}
              style={{
                marginBottom: -1,
                borderBottom: `2px solid ${active ? 'var(--mantine-primary-color-filled)' : 'transparent'}`,
              }}
            >
              {t.label}
            </UnstyledButton>
          );
        })}
      </Group>
    </Box>
  );
}
