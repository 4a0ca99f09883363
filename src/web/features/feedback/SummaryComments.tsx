import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import type { FeedbackSummary } from '../../../contracts/index.js';
import { Empty } from '../../components/Empty';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';

type Comment = FeedbackSummary['comments'][number];

const FIRST = 10;
/** Long words (a pasted link) must wrap too, on a phone. */
const wrap = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;

function Part({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text fz="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text style={wrap}>{text}</Text>
    </div>
  );
}

function CommentCard({ comment: c, zone }: { comment: Comment; zone: string }) {
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={6}>
        {c.worked && <Part label="What worked" text={c.worked} />}
        {c.improve && <Part label="What to improve" text={c.improve} />}
        <Text fz="sm" c="dimmed">
          {formatDate(c.at, zone)}
          {c.signedBy ? ` · signed by ${c.signedBy.name}` : ''}
        </Text>
      </Stack>
    </Card>
  );
}

/** What learners wrote, without names unless they signed; the newest first as the server sends them. */
export function SummaryComments({ comments }: { comments: Comment[] }) {
  const zone = useViewerZone();
  const [all, setAll] = useState(false);
  const shown = all ? comments : comments.slice(0, FIRST);
  return (
    <section aria-labelledby="fb-comments">
      <Title order={2} fz="h3" id="fb-comments" mb="xs">
        Comments
      </Title>
      {comments.length === 0 ? (
        <Empty
          order={3}
          icon={<IconMessage size={28} aria-hidden="true" />}
          title="No comments yet"
          description="Comments are optional: the ratings above are all people gave so far."
        />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id (they must not lead back to a person)
            <CommentCard key={i} comment={c} zone={zone} />
          ))}
        </Stack>
      )}
      {comments.length > FIRST && (
        <Group justify="center" mt="sm">
          <Button variant="default" onClick={() => setAll((v) => !v)}>
            {all ? 'Show fewer' : `Show all ${comments.length} comments`}
          </Button>
        </Group>
      )}
    </section>
  );
}
