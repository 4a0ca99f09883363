import { Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { preferredChannel } from '../../../contracts/index.js';
import { ErrorNotice, ListSkeleton } from '../../components/States';
import { notifyError } from '../../lib/forms';
import { usePreferences, useSetPreference } from './hooks';

/** Per kind of message: email, Slack (when Lyceum has a Slack bot here) or nothing. Saved on each change. */
export function PreferencesSection() {
  const prefs = usePreferences();
  const save = useSetPreference();
  const data = prefs.data;
  const options = [
    { value: 'email', label: 'Email' },
    ...(data?.slackAvailable ? [{ value: 'slack', label: 'Slack' }] : []),
    { value: 'none', label: 'Off' },
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="notification-preferences">
      <Group gap="xs">
        <IconBell size={20} aria-hidden="true" />
        <Title order={2} fz="h3" id="notification-preferences">
          Notifications
        </Title>
      </Group>
      <Text c="dimmed" fz="sm" mb="md">
        How you hear from Lyceum. Calendar invitations come with the email of your registrations.
      </Text>
      {prefs.isPending && <ListSkeleton count={3} height={48} />}
      {prefs.isError && <ErrorNotice error={prefs.error} onRetry={() => void prefs.refetch()} />}
      <Stack gap="sm">
        {data?.items.map((item) => (
          <Group key={item.kind} justify="space-between" wrap="wrap" gap="xs">
            <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
              <Text fw={600} id={`pref-${item.kind}`}>
                {item.label}
              </Text>
              <Text fz="sm" c="dimmed">
                {item.description}
              </Text>
            </div>
            <SegmentedControl
              aria-labelledby={`pref-${item.kind}`}
              size="xs"
              value={item.channel}
              data={options}
              onChange={(channel) =>
                save.mutate(
                  { kind: item.kind, channel: preferredChannel.parse(channel) },
                  { onError: (err) => notifyError(err, 'Could not save your choice') },
                )
              }
            />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
