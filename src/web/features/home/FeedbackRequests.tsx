import { Anchor, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconMessageCircleStar } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { useMyFeedbackRequests } from '../feedback/learnerHooks';

const SHOWN = 3;

/**
 * "How was it?": the sessions I can still give feedback on, each one click from its form. Shown only
 * when there are some (an error or loading shows nothing: it is a reminder, not the page's point).
 */
export function FeedbackRequests() {
  const zone = useViewerZone();
  const requests = useMyFeedbackRequests('open');
  const items = requests.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="feedback-requests">
      <Card withBorder padding="md" bg="lyceum.0">
        <Group gap="xs" mb={4} wrap="nowrap">
          <IconMessageCircleStar size={22} aria-hidden="true" color="var(--mantine-color-lyceum-8)" />
          <Title order={2} fz="h3" id="feedback-requests">
            How was it?
          </Title>
        </Group>
        <Text fz="sm" mb="sm">
          A minute of feedback helps your hosts make the next run better. Names are never shown to them.
        </Text>
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.slice(0, SHOWN).map((r) => (
            <Card key={r.sessionId} component="li" withBorder padding={0}>
              {/* The whole row is the link: one tap from Home to the form, on a phone too. */}
              <UnstyledButton component={Link} to={`/sessions/${r.sessionId}/feedback`} className="pick-row" px="sm" py="xs">
                <Group justify="space-between" gap="sm" wrap="nowrap">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={700} lineClamp={2}>
                      {r.title}
                    </Text>
                    <Text fz="sm" c="dimmed">
                      Open until {formatDateTime(r.closesAt, zone)}
                    </Text>
                  </Stack>
                  <Group gap={4} wrap="nowrap" c="lyceum.9" style={{ flexShrink: 0 }}>
                    <Text fz="sm" fw={600} c="inherit" visibleFrom="xs">
                      Give feedback
                    </Text>
                    <IconChevronRight size={20} aria-hidden="true" />
                  </Group>
                </Group>
              </UnstyledButton>
            </Card>
          ))}
        </Stack>
        {items.length > SHOWN && (
          <Text fz="sm" mt="xs">
            And {items.length - SHOWN} more in{' '}
            <Anchor component={Link} to="/my/learning" fz="sm">
              My learning
            </Anchor>
            .
          </Text>
        )}
      </Card>
    </section>
  );
}
