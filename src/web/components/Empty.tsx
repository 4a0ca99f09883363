import { EmptyState } from '@mantine/core';

type Props = { icon: React.ReactNode; title: string; description?: string; order?: 1 | 2 | 3; children?: React.ReactNode };

/** An empty state that teaches: what is missing, why, and the button to fix it. Its title is a real heading. */
export function Empty({ icon, title, description, order = 2, children }: Props) {
  return (
    <EmptyState py="xl" icon={icon} withIndicatorBackground>
      <EmptyState.Title order={order}>{title}</EmptyState.Title>
      {description && <EmptyState.Description>{description}</EmptyState.Description>}
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}
