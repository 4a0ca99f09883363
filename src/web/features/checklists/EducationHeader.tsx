import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';

const sections = [
  {
    to: '/admin/checklists',
    label: 'Templates',
    match: (p: string) => p === '/admin/checklists' || /^\/admin\/checklists\/(?!suggestions|adoption)/.test(p),
  },
  { to: '/admin/checklists/suggestions', label: 'Suggestions', match: (p: string) => p.startsWith('/admin/checklists/suggestions') },
  { to: '/admin/checklists/adoption', label: 'Adoption', match: (p: string) => p.startsWith('/admin/checklists/adoption') },
  { to: '/admin/outbox', label: 'Outbox', match: (p: string) => p.startsWith('/admin/outbox') },
  { to: '/admin/mailbox', label: 'Mailbox', match: (p: string) => p.startsWith('/admin/mailbox') },
  { to: '/admin/webhooks', label: 'Webhooks', match: (p: string) => p.startsWith('/admin/webhooks') },
];

/** The education team's pages share a title and a small section nav. */
export function EducationHeader({ title, description, actions }: { title: string; description?: string; actions?: React.ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Stack gap="sm">
      <Group component="nav" aria-label="Education team" gap={4}>
        {sections.map((s) => {
          const active = s.match(pathname);
          return (
            <Button
              key={s.to}
              component={Link}
              to={s.to}
              size="xs"
              variant={active ? 'light' : 'subtle'}
              color={active ? undefined : 'dark'}
              aria-current={active ? 'page' : undefined}
            >
              {s.label}
            </Button>
          );
        })}
      </Group>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{title}</Title>
          {description && <Text c="dimmed">{description}</Text>}
        </div>
        {actions}
      </Group>
    </Stack>
  );
}
