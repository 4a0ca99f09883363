import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconCalendarUser, IconChartBar, IconClipboardCheck, IconLogout, IconMessage2, IconSchool, IconUser } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Person } from '../../contracts/index.js';
import { useDashboardAccess } from '../features/analytics/access';
import { educationHome } from '../features/education/nav';
import { initials, useSignOutAction } from './UserMenu';

/**
 * The account menu itself (Mantine's Menu and its positioning), loaded the first time someone
 * reaches for the avatar (see UserMenu). `openNow`: the click that loaded it opens it.
 */
export function UserMenuPopup({ person, openNow }: { person: Person; openNow: boolean }) {
  const signOut = useSignOutAction();
  const target = useRef<HTMLButtonElement>(null);
  // The trigger drawn before this loaded had the focus: this one, the same button, takes it over.
  useEffect(() => {
    if (openNow) target.current?.focus();
  }, [openNow]);
  return (
    <Menu position="bottom-end" width={240} withinPortal defaultOpened={openNow}>
      <Menu.Target>
        <UnstyledButton ref={target} style={{ borderRadius: '50%' }}>
          <Avatar color="lyceum" radius="xl" alt="" aria-hidden="true">
            {initials(person.name)}
          </Avatar>
          <VisuallyHidden>Account menu for {person.name}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="sm" fw={600} c="dark">
            {person.name}
          </Text>
          <Text fz="xs" c="dimmed" truncate>
            {person.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to={`/people/${person.id}`} leftSection={<IconUser size={16} aria-hidden="true" />}>
          Your profile and API tokens
        </Menu.Item>
        <Menu.Item component={Link} to="/my/learning" leftSection={<IconCalendarUser size={16} aria-hidden="true" />}>
          My learning
        </Menu.Item>
        <Menu.Item component={Link} to="/my/workshops" leftSection={<IconSchool size={16} aria-hidden="true" />}>
          My workshops
        </Menu.Item>
        <Menu.Item component={Link} to="/my/suggestions" leftSection={<IconMessage2 size={16} aria-hidden="true" />}>
          My checklist suggestions
        </Menu.Item>
        {person.role === 'admin' ? (
          <Menu.Item component={Link} to={educationHome.to} leftSection={<IconClipboardCheck size={16} aria-hidden="true" />}>
            {educationHome.label}
          </Menu.Item>
        ) : (
          <SharedDashboardItem />
        )}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * "Dashboard" for members the admins shared it with (read-only). Rendered only while the menu is
 * open, so the question "may I?" is asked then, once per visit.
 */
function SharedDashboardItem() {
  const access = useDashboardAccess(true);
  if (!access.data) return null;
  return (
    <Menu.Item component={Link} to="/admin/dashboard" leftSection={<IconChartBar size={16} aria-hidden="true" />}>
      Dashboard
    </Menu.Item>
  );
}
