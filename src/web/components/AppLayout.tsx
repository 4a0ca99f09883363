import { ActionIcon, AppShell, Badge, Burger, Button, Container, Group, NavLink as MantineNavLink, Skeleton, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBook2,
  IconBulb,
  IconCalendarUser,
  IconChartBar,
  IconClipboardCheck,
  IconHash,
  IconPlus,
  IconSchool,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useDashboardAccess } from '../features/analytics/access';
import { useAuthConfig, useMe } from '../features/auth/hooks';
import { educationHome, isEducationPath } from '../features/education/nav';
import { useTeamLearning } from '../features/team/hooks';
import { Hint } from './Hint';
import { ErrorNotice } from './States';
import { UserMenu, useSignOutAction } from './UserMenu';
import { Wordmark } from './Wordmark';

const nav = [
  { to: '/', label: 'Catalog', icon: IconBook2, match: (p: string) => p === '/' },
  // Channels and requests are also linked from the catalog; in the header only where they fit.
  { to: '/channels', label: 'Channels', icon: IconHash, match: (p: string) => p.startsWith('/channels'), headerFrom: 'md' },
  { to: '/my/learning', label: 'My learning', icon: IconCalendarUser, match: (p: string) => p.startsWith('/my/learning') },
  { to: '/my/workshops', label: 'My workshops', icon: IconSchool, match: (p: string) => p.startsWith('/my/workshops') },
  { to: '/people', label: 'People', icon: IconUsers, match: (p: string) => p.startsWith('/people') },
  { to: '/requests', label: 'Requests', icon: IconBulb, match: (p: string) => p.startsWith('/requests'), headerFrom: 'xl' },
  // The developer-education team's pages: templates, suggestions, adoption. The server guards them too.
  // In the header only on wide screens, where it fits; the account menu and the phone menu always have it.
  {
    to: educationHome.to,
    label: educationHome.label,
    icon: IconClipboardCheck,
    match: isEducationPath,
    adminOnly: true,
    headerFrom: 'lg',
  },
];

export function DemoBadge() {
  const config = useAuthConfig();
  if (config.data?.authMode !== 'dev') return null;
  return (
    <Hint label="Anyone can sign in as anyone: real deployments use SSO">
      <Badge color="orange" variant="light" tabIndex={0} style={{ flexShrink: 0 }}>
        Demo mode
      </Badge>
    </Hint>
  );
}

/** The app shell for signed-in pages: header, nav, burger menu under the sm breakpoint. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const signOut = useSignOutAction();
  // Members the admins shared the dashboard with get it in the phone menu (asked only once the menu opens).
  const sharedDashboard = useDashboardAccess(me.data?.role === 'member' && opened);
  // Managers (someone reports to them in the directory) get "My team"; the API's 403 says who is not one.
  const team = useTeamLearning(Boolean(me.data));

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the burger menu whenever the page changes
  useEffect(() => close(), [location.pathname, close]);

  if (me.isPending) {
    return (
      <Container py="xl">
        <Skeleton height={40} mb="lg" />
        <Skeleton height={200} />
      </Container>
    );
  }
  if (me.isError) {
    return (
      <Container py="xl">
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} title="Lyceum could not check who you are" />
      </Container>
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  const person = me.data;
  const links = nav.filter((item) => !item.adminOnly || person.role === 'admin');
  if (team.data)
    links.splice(links.findIndex((item) => item.to === '/my/workshops') + 1, 0, {
      to: '/my/team',
      label: 'My team',
      icon: IconUsersGroup,
      match: (p: string) => p.startsWith('/my/team'),
      headerFrom: 'lg',
    });
  if (sharedDashboard.data)
    links.push({
      to: '/admin/dashboard',
      label: 'Dashboard',
      icon: IconChartBar,
      match: isEducationPath,
      adminOnly: false,
      headerFrom: 'lg',
    });

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 280, breakpoint: 'sm', collapsed: { desktop: true, mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
            />
            <Wordmark />
            <DemoBadge />
            <Group component="nav" aria-label="Main" gap={4} visibleFrom="sm" wrap="nowrap">
              {links.map((item) => {
                const active = item.match(location.pathname);
                return (
                  <Button
                    key={item.to}
                    component={Link}
                    to={item.to}
                    variant={active ? 'light' : 'subtle'}
                    color={active ? undefined : 'dark'}
                    aria-current={active ? 'page' : undefined}
                    visibleFrom={item.headerFrom}
                    px={12}
                  >
                    {item.label}
                  </Button>
                );
              })}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button component={Link} to="/workshops/new" leftSection={<IconPlus size={18} aria-hidden="true" />} visibleFrom="md">
              Create a workshop
            </Button>
            <Hint label="Create a workshop">
              <ActionIcon component={Link} to="/workshops/new" size="lg" visibleFrom="sm" hiddenFrom="md" aria-label="Create a workshop">
                <IconPlus size={20} aria-hidden="true" />
              </ActionIcon>
            </Hint>
            <UserMenu person={person} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" aria-label="Main navigation">
        <Stack gap={4}>
          {links.map((item) => (
            <MantineNavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={20} aria-hidden="true" />}
              active={item.match(location.pathname)}
              aria-current={item.match(location.pathname) ? 'page' : undefined}
            />
          ))}
          <Button component={Link} to="/workshops/new" leftSection={<IconPlus size={18} aria-hidden="true" />} mt="md">
            Create a workshop
          </Button>
          <Button component={Link} to={`/people/${person.id}`} variant="default" mt="xs">
            Your profile
          </Button>
          <Button component={Link} to="/my/suggestions" variant="default">
            My checklist suggestions
          </Button>
          <Button variant="subtle" color="red" onClick={signOut}>
            Sign out
          </Button>
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
