import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Empty } from '../../components/Empty';

/** What a member sees instead of the figures: why, and who to ask. */
export function DashboardRefused() {
  return (
    <Empty
      order={1}
      icon={<IconLock size={32} aria-hidden="true" />}
      title="The dashboard is for the education team"
      description="The education team and the people they share it with (leadership, for example) see how learning goes across the organisation. Ask them if you need it."
    >
      <Button component={Link} to="/">
        Go to the catalog
      </Button>
    </Empty>
  );
}
