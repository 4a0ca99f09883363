import { Button, Skeleton } from '@mantine/core';
import { IconBell, IconBellCheck } from '@tabler/icons-react';
import { useInterest, useSetInterest } from './hooks';

/** "Notify me when it runs again": a toggle whose state comes from the server, changed optimistically. */
export function NotifyMeButton({ workshopId, title, size = 'sm' }: { workshopId: string; title: string; size?: 'xs' | 'sm' | 'md' }) {
  const interest = useInterest(workshopId);
  const set = useSetInterest(workshopId);
  if (interest.isPending) return <Skeleton height={30} width={210} radius="md" />;
  // Without its state the toggle would guess; the page still works without it.
  if (interest.isError) return null;
  const on = interest.data.interested;
  return (
    <Button
      size={size}
      variant={on ? 'light' : 'default'}
      aria-pressed={on}
      leftSection={on ? <IconBellCheck size={16} aria-hidden="true" /> : <IconBell size={16} aria-hidden="true" />}
      onClick={() => set.mutate(!on)}
    >
      {on ? 'We will notify you' : 'Notify me when it runs again'}
      <span className="visually-hidden">: {title}</span>
    </Button>
  );
}
