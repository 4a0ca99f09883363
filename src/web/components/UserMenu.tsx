import { Avatar, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Person } from '../../contracts/index.js';
import { useSignOut } from '../features/auth/hooks';
import { notifyError } from '../lib/forms';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** Sign out, then go to the sign-in page. */
export function useSignOutAction() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return () =>
    signOut.mutate(undefined, {
      // With single sign-on the identity provider signs out too, then sends the browser back to /sign-in.
      onSuccess: (answer) => (answer?.redirectTo ? window.location.assign(answer.redirectTo) : navigate('/sign-in', { replace: true })),
      onError: (err) => notifyError(err, 'Could not sign out'),
    });
}

const loadPopup = () => import('./UserMenuPopup');
const UserMenuPopup = lazy(() => loadPopup().then((m) => ({ default: m.UserMenuPopup })));

/**
 * The avatar that opens the account menu. The menu (Mantine's Menu, Popover and floating-ui) is
 * not needed to draw a page, so it loads when someone reaches for the avatar (pointer over it,
 * focus) and opens on the click, as it would have anyway.
 */
export function UserMenu({ person }: { person: Person }) {
  const [opened, setOpened] = useState(false);
  const trigger = (
    <UnstyledButton
      style={{ borderRadius: '50%' }}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => void loadPopup()}
      onFocus={() => void loadPopup()}
      onClick={() => setOpened(true)}
    >
      <Avatar color="lyceum" radius="xl" alt="" aria-hidden="true">
        {initials(person.name)}
      </Avatar>
      <VisuallyHidden>Account menu for {person.name}</VisuallyHidden>
    </UnstyledButton>
  );
  if (!opened) return trigger;
  return (
    <Suspense fallback={trigger}>
      <UserMenuPopup person={person} openNow />
    </Suspense>
  );
}
