import { Anchor, Button, Group } from '@mantine/core';
import { IconMessageCircleStar } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { FeedbackRequest } from '../../../contracts/index.js';
import { StateTag } from '../registrations/StateTag';
import { feedbackAction } from './learnerModel';

/**
 * A past session's feedback step in My learning: "Give feedback" while it is open, "Feedback given"
 * (with a link to see or change it while the window lasts), nothing once it closed unanswered.
 */
export function FeedbackAction({ request, title }: { request: FeedbackRequest | undefined; title: string }) {
  const action = feedbackAction(request);
  if (action.kind === 'none' || !request) return null;
  const to = `/sessions/${request.sessionId}/feedback`;
  if (action.kind === 'give') {
    return (
      <Group gap="xs" wrap="wrap" className="reg-actions">
        <Button
          component={Link}
          to={to}
          size="sm"
          leftSection={<IconMessageCircleStar size={18} aria-hidden="true" />}
          aria-label={`Give feedback on ${title}`}
        >
          Give feedback
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="wrap" className="reg-actions">
      <StateTag tone="registered">Feedback given</StateTag>
      {action.editable && (
        <Anchor component={Link} to={to} fz="sm" aria-label={`See or change it: your feedback on ${title}`}>
          See or change it
        </Anchor>
      )}
    </Group>
  );
}
