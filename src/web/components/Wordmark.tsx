import { Group, Text } from '@mantine/core';
import { Link } from 'react-router';

/** The Lyceum logo and name, linking home. */
export function Wordmark() {
  return (
    <Group
      renderRoot={(props) => <Link to="/" {...props} />}
      gap={8}
      wrap="nowrap"
      style={{ textDecoration: 'none', color: 'inherit' }}
      aria-label="Lyceum, go to the catalog"
    >
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-lyceum-7)" />
        <path d="M9 7h4v14h10v4H9z" fill="#fff" />
      </svg>
      <Text fw={800} fz="xl" lh={1} style={{ letterSpacing: '-0.02em' }}>
        Lyceum
      </Text>
    </Group>
  );
}
