import { Anchor, Blockquote, Button, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCheck, IconMessage2, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ChecklistSuggestion } from '../../contracts/index.js';
import { AdminOnly } from '../components/AdminOnly';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { DecideModal, type DecisionTarget } from '../features/checklists/DecideModal';
import { SuggestionStatus, SuggestionSummary } from '../features/checklists/SuggestionSummary';
import { useSuggestions } from '../features/checklists/suggestionHooks';
import { useTemplates } from '../features/checklists/templateHooks';
import { EducationHeader } from '../features/education/EducationHeader';
import { formatDate } from '../lib/time';

type Status = 'open' | 'accepted' | 'declined';
const isStatus = (v: string | null): v is Status => v === 'open' || v === 'accepted' || v === 'declined';

export function AdminSuggestionsPage() {
  useDocumentTitle('Checklist suggestions · Lyceum');
  return (
    <AdminOnly>
      <SuggestionQueue />
    </AdminOnly>
  );
}

/** What presenters would change; open ones first, each accepted into the next draft or declined with a reply. */
function SuggestionQueue() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: Status = isStatus(raw) ? raw : 'open';
  const templateId = params.get('template') ?? undefined;
  const suggestions = useSuggestions({ status, templateId });
  const templates = useTemplates({ includeRetired: true });
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);
  const items = suggestions.data?.pages.flatMap((p) => p.items) ?? [];

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <EducationHeader
        title="Suggestions"
        description="From presenters using the checklists. Accepted changes go into the template's next draft."
      />
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label="Show"
          value={status}
          onChange={(v) => setParam('status', v === 'open' ? null : v)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'accepted', label: 'Accepted' },
            { value: 'declined', label: 'Declined' },
          ]}
        />
        <Select
          aria-label="Template"
          placeholder="All templates"
          clearable
          value={templateId ?? null}
          onChange={(v) => setParam('template', v)}
          data={(templates.data?.pages.flatMap((p) => p.items) ?? []).map((t) => ({ value: t.id, label: t.name }))}
          w={260}
        />
      </Group>
      {suggestions.isPending && <ListSkeleton count={3} height={120} />}
      {suggestions.isError && (
        <ErrorNotice error={suggestions.error} onRetry={() => void suggestions.refetch()} title="Suggestions could not load" />
      )}
      {suggestions.isSuccess && items.length === 0 && (
        <Empty
          icon={<IconMessage2 size={32} aria-hidden="true" />}
          title={status === 'open' ? 'No open suggestions' : `No ${status} suggestions`}
          description={
            status === 'open'
              ? 'All caught up. Presenters suggest changes from their checklist with “Suggest a change”.'
              : 'Decided suggestions show up here with your reply.'
          }
        />
      )}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Suggestions">
        {items.map((s) => (
          <SuggestionCard key={s.id} s={s} onDecide={(accept) => setDeciding({ suggestion: s, accept })} />
        ))}
      </Stack>
      <LoadMore query={suggestions} />
      <DecideModal target={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}

function SuggestionCard({ s, onDecide }: { s: ChecklistSuggestion; onDecide: (accept: boolean) => void }) {
  const zone = useViewerZone();
  return (
    <Card component="li" withBorder padding="md" aria-label={`Suggestion by ${s.author.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fz="sm">
            <Anchor component={Link} to={`/people/${s.author.id}`} fz="sm" fw={600}>
              {s.author.name}
            </Anchor>{' '}
            <Text span c="dimmed" fz="sm">
              · {formatDate(s.createdAt, zone)}
            </Text>
          </Text>
          <SuggestionStatus s={s} />
        </Group>
        <SuggestionSummary s={s} />
        {s.reply && (
          <Blockquote p="sm" color={s.status === 'declined' ? 'red' : 'teal'} cite="— your team's reply">
            {s.reply}
          </Blockquote>
        )}
        {s.status === 'open' && (
          <Group gap="xs">
            <Button leftSection={<IconCheck size={16} aria-hidden="true" />} onClick={() => onDecide(true)}>
              Accept
            </Button>
            <Button variant="default" color="red" leftSection={<IconX size={16} aria-hidden="true" />} onClick={() => onDecide(false)}>
              Decline
            </Button>
          </Group>
        )}
        {s.status === 'accepted' && s.appliedToVersion !== null && (
          <Anchor component={Link} to={`/admin/checklists/${s.templateId}?version=${s.appliedToVersion}`} fz="sm">
            Open version {s.appliedToVersion} of {s.templateName}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
