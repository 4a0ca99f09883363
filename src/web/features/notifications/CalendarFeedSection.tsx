import { Button, Card, CopyButton, Group, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarShare, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { ErrorNotice } from '../../components/States';
import { notifyError, notifySuccess } from '../../lib/forms';
import { useCalendarFeed, useResetCalendarFeed } from './hooks';

/** The secret address calendar apps subscribe to; only on your own profile. */
export function CalendarFeedSection() {
  const feed = useCalendarFeed(true);
  const reset = useResetCalendarFeed();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-feed">
      <Group gap="xs">
        <IconCalendarShare size={20} aria-hidden="true" />
        <Title order={2} fz="h3" id="calendar-feed">
          Calendar feed
        </Title>
      </Group>
      <Text c="dimmed" fz="sm" mb="md">
        Subscribe to this address in Google Calendar, Outlook or Apple Calendar: every session you have a seat in or host appears there and
        stays up to date. Anyone with the address can see those sessions, so keep it to yourself; replace it if it leaked.
      </Text>
      {feed.isError && <ErrorNotice error={feed.error} onRetry={() => void feed.refetch()} />}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Feed address"
          readOnly
          value={feed.data?.url ?? 'Loading…'}
          style={{ flex: '1 1 320px' }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={feed.data?.url ?? ''}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              onClick={copy}
              disabled={!feed.data}
              leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="subtle"
          color="red"
          loading={reset.isPending}
          leftSection={<IconRefresh size={16} aria-hidden="true" />}
          onClick={() =>
            reset.mutate(undefined, {
              onSuccess: () => notifySuccess('The old address no longer works: subscribe again with the new one.', 'New address made'),
              onError: (err) => notifyError(err, 'Could not replace the address'),
            })
          }
        >
          Replace address
        </Button>
      </Group>
    </Card>
  );
}
