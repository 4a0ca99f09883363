import { Alert, Button, Card, Code, CopyButton, Group, Modal, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus, IconCalendarShare, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { CreatedCalendarFeed } from '../../../contracts/index.js';
import { ErrorNotice } from '../../components/States';
import { notifyError } from '../../lib/forms';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { useCalendarFeed, useNewCalendarFeed } from './hooks';

/**
 * The personal calendar feed, on your own profile and My learning. Its address is a credential
 * Lyceum keeps only as a hash, so it is shown once, right after it is made; afterwards the page
 * says when it was made and offers a new one.
 */
export function CalendarFeedSection() {
  const feed = useCalendarFeed(true);
  const make = useNewCalendarFeed();
  const zone = useViewerZone();
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [confirming, setConfirming] = useState(false);

  const makeAddress = () =>
    make.mutate(undefined, {
      onSuccess: (made) => {
        setCreated(made);
        setConfirming(false);
      },
      onError: (err) => notifyError(err, 'Could not make a feed address'),
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-feed">
      <Group gap="xs">
        <IconCalendarShare size={20} aria-hidden="true" />
        <Title order={2} fz="h3" id="calendar-feed">
          Calendar feed
        </Title>
      </Group>
      <Text c="dimmed" fz="sm" mb="md">
        Subscribe to your feed in Google Calendar, Outlook or Apple Calendar: every session you have a seat in or host appears there and
        stays up to date. Anyone with the address can see those sessions, so keep it to yourself.
      </Text>
      {feed.isError && <ErrorNotice error={feed.error} onRetry={() => void feed.refetch()} />}
      {feed.isPending && <Skeleton height={36} />}
      {created ? (
        <NewAddress feed={created} onHide={() => setCreated(null)} />
      ) : feed.data?.active ? (
        <Group justify="space-between" align="center" gap="sm">
          <Text fz="sm" style={{ flex: '1 1 320px' }}>
            You have a feed, made {feed.data.createdAt ? formatDate(feed.data.createdAt, zone) : 'earlier'}; its address ends in{' '}
            <Code>…{feed.data.hint}</Code>. Lyceum shows an address only once: if you lost it or it leaked, make a new one.
          </Text>
          <Button
            variant="light"
            color="red"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            onClick={() => setConfirming(true)}
          >
            Make a new address
          </Button>
        </Group>
      ) : (
        feed.data && (
          <Group justify="space-between" align="center" gap="sm">
            <Text fz="sm">You have no feed yet.</Text>
            <Button loading={make.isPending} leftSection={<IconCalendarPlus size={16} aria-hidden="true" />} onClick={makeAddress}>
              Create feed address
            </Button>
          </Group>
        )
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Replace your feed address?" centered>
        <Stack>
          <Text>Calendars subscribed to the current address stop updating at once: subscribe them again with the new one.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red" loading={make.isPending} onClick={makeAddress}>
              Make a new address
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** The address just made: the one time it is on screen. */
function NewAddress({ feed, onHide }: { feed: CreatedCalendarFeed; onHide: () => void }) {
  return (
    <Alert color="teal" title="Copy your new address now" withCloseButton closeButtonLabel="Hide the address" onClose={onHide}>
      <Stack gap="xs">
        <Text fz="sm">
          Add it to your calendar app (“subscribe from URL” or “from web”). Lyceum keeps only a fingerprint of it, so you won’t see it
          again.
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Feed address"
            readOnly
            value={feed.url}
            style={{ flex: '1 1 320px' }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={feed.url}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                onClick={copy}
                leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
