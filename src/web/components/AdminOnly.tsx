import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useMe } from '../features/auth/hooks';
import { Empty } from './Empty';

/**
 * Pages for the education team. The server refuses others anyway (403); this says so in words
 * instead of showing a page of errors.
 */
export function AdminOnly({ children }: { children: React.ReactNode }) {
  const me = useMe();
  if (me.data?.role === 'admin') return children;
  return (
    <Empty
      order={1}
      icon={<IconLock size={32} aria-hidden="true" />}
      title="This page is for the education team"
      description="Admins look after checklist templates, suggestions and adoption. Ask them if you think you need access."
    >
      <Button component={Link} to="/">
        Go to the catalog
      </Button>
    </Empty>
  );
}
