import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { educationSections } from './nav';

/**
 * The education team's pages share a title and a small section nav. `nav={false}` leaves the nav
 * out: for people who may see one page only (the dashboard shared read-only).
 */
export function EducationHeader({
  title,
  description,
  actions,
  nav = true,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
  nav?: boolean;
}) {
  const { pathname } = useLocation();
  return (
    <Stack gap="sm">
      {nav && (
        <Group component="nav" aria-label="Education team" gap={4}>
          {educationSections.map((s) => {
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
      )}
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
