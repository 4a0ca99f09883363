import { Anchor, Badge, Button, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowBigUp, IconArrowBigUpFilled, IconLink, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { WorkshopRequest } from '../../../contracts/index.js';
import { notifyError, notifySuccess } from '../../lib/forms';
import { formatDate } from '../../lib/time';
import { useClaimRequest, useVote } from './hooks';

const statusCopy: Record<WorkshopRequest['status'], { label: string; color: string }> = {
  open: { label: 'Open', color: 'gray' },
  claimed: { label: 'Someone is on it', color: 'yellow' },
  answered: { label: 'Answered', color: 'teal' },
};

type Props = { request: WorkshopRequest; meId: string; zone: string; onLink: (r: WorkshopRequest) => void };

/** A request with its votes (a toggle), who asked, who claimed it, and the workshop that answers it. */
export function RequestCard({ request: r, meId, zone, onLink }: Props) {
  const vote = useVote();
  const claim = useClaimRequest();
  const status = statusCopy[r.status];
  const mineToAnswer = r.status === 'claimed' && r.claimedBy?.id === meId;
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={`req-${r.id}`}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <UnstyledButton
          className="vote-button"
          aria-pressed={r.voted}
          onClick={() => vote.mutate({ id: r.id, vote: !r.voted })}
          data-voted={r.voted || undefined}
        >
          {r.voted ? <IconArrowBigUpFilled size={22} aria-hidden="true" /> : <IconArrowBigUp size={22} aria-hidden="true" />}
          <Text fw={700} fz="sm" span aria-hidden="true">
            {r.votes}
          </Text>
          <span className="visually-hidden">
            Upvote “{r.title}”, {r.votes === 1 ? '1 vote' : `${r.votes} votes`}
          </span>
        </UnstyledButton>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} fz="lg" id={`req-${r.id}`}>
              {r.title}
            </Title>
            <Badge variant="light" color={status.color} tt="none">
              {status.label}
            </Badge>
          </Group>
          {r.description && (
            <Text fz="sm" lineClamp={3}>
              {r.description}
            </Text>
          )}
          <Text fz="xs" c="dimmed">
            Asked by{' '}
            <Anchor component={Link} to={`/people/${r.author.id}`} fz="xs">
              {r.author.name}
            </Anchor>{' '}
            on {formatDate(r.createdAt, zone)}
            {r.claimedBy && r.status === 'claimed' && (
              <>
                {' '}
                ·{' '}
                <Anchor component={Link} to={`/people/${r.claimedBy.id}`} fz="xs">
                  {r.claimedBy.id === meId ? 'You' : r.claimedBy.name}
                </Anchor>{' '}
                {r.claimedBy.id === meId ? 'are' : 'is'} preparing it
              </>
            )}
          </Text>
          {r.workshop && (
            <Text fz="sm">
              Answered by{' '}
              <Anchor component={Link} to={`/workshops/${r.workshop.id}`} fw={600}>
                {r.workshop.title}
              </Anchor>
            </Text>
          )}
          <Group gap="xs">
            {r.status === 'open' && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                loading={claim.isPending}
                onClick={() =>
                  claim.mutate(r.id, {
                    onSuccess: () => notifySuccess('Create the workshop (or pick one you host), then link it here.', 'It is yours'),
                    onError: (err) => notifyError(err, 'Could not claim the request'),
                  })
                }
              >
                I’ll host it<span className="visually-hidden">: {r.title}</span>
              </Button>
            )}
            {mineToAnswer && (
              <Button size="xs" leftSection={<IconLink size={16} aria-hidden="true" />} onClick={() => onLink(r)}>
                Link my workshop
              </Button>
            )}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
