import { Notifications } from '@mantine/notifications';

/** Where toasts appear (loaded with the first toast, see LazyNotifications). */
export function NotificationsHost() {
  return <Notifications position="top-right" />;
}
