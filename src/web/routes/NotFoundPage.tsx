import { Button } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Empty } from '../components/Empty';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found · Lyceum');
  return (
    <Empty
      order={1}
      icon={<IconMapOff size={32} aria-hidden="true" />}
      title={`This ${what} does not exist, or you cannot see it`}
      description="The link may be old, or it may be a draft that only its hosts can see."
    >
      <Button component={Link} to="/">
        Go to the catalog
      </Button>
    </Empty>
  );
}
