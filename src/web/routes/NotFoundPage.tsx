import { Button, EmptyState } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found · Lyceum');
  return (
    <EmptyState
      py="xl"
      icon={<IconMapOff size={32} aria-hidden="true" />}
      withIndicatorBackground
      title={`This ${what} does not exist, or you cannot see it`}
      description="The link may be old, or it may be a draft that only its hosts can see."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go to the catalog
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
