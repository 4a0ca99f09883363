import { Blockquote, Card, Group, Stack, Text } from '@mantine/core';
import type { ChecklistSuggestion } from '../../../contracts/index.js';
import { ErrorNotice, ListSkeleton, LoadMore } from '../../components/States';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { SuggestionStatus, SuggestionSummary } from './SuggestionSummary';
import { useSuggestions } from './suggestionHooks';

type Props = { templateId?: string; empty?: React.ReactNode };

/** The viewer's own suggestions and what became of them. */
export function MySuggestions({ templateId, empty = null }: Props) {
  const zone = useViewerZone();
  const suggestions = useSuggestions({ templateId, mine: true });
  const mine = suggestions.data?.pages.flatMap((p) => p.items) ?? [];

  if (suggestions.isPending) return <ListSkeleton count={2} />;
  if (suggestions.isError)
    return <ErrorNotice error={suggestions.error} onRetry={() => void suggestions.refetch()} title="Your suggestions could not load" />;
  if (mine.length === 0) return <>{empty}</>;
  return (
    <>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Your suggestions">
        {mine.map((s) => (
          <Card key={s.id} component="li" withBorder padding="md">
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <SuggestionStatus s={s} />
                <Text fz="xs" c="dimmed">
                  Sent {formatDate(s.createdAt, zone)}
                  {s.decidedAt && ` · answered ${formatDate(s.decidedAt, zone)}`}
                </Text>
              </Group>
              <SuggestionSummary s={s} />
              <Reply s={s} />
            </Stack>
          </Card>
        ))}
      </Stack>
      <LoadMore query={suggestions} />
    </>
  );
}

function Reply({ s }: { s: ChecklistSuggestion }) {
  if (!s.reply) return null;
  return (
    <Blockquote p="sm" color={s.status === 'declined' ? 'red' : 'teal'} cite="— the education team">
      {s.reply}
    </Blockquote>
  );
}
