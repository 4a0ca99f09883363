import { notificationsStore } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useState } from 'react';

const NotificationsHost = lazy(() => import('./NotificationsHost').then((m) => ({ default: m.NotificationsHost })));

/**
 * Mantine's toasts, mounted with the first one: `notifications.show()` only fills a store, which
 * the container shows once it is there. A page that shows no toast never loads the container
 * (and its transitions), so the first page does not either.
 */
export function LazyNotifications() {
  const [needed, setNeeded] = useState(() => notificationsStore.getState().notifications.length > 0);
  useEffect(() => {
    if (needed) return;
    const wanted = () => notificationsStore.getState().notifications.length + notificationsStore.getState().queue.length > 0;
    if (wanted()) setNeeded(true);
    return notificationsStore.subscribe(() => {
      if (wanted()) setNeeded(true);
    });
  }, [needed]);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsHost />
    </Suspense>
  );
}
