import { Button, Card, Collapse, Group, Menu, Stack, Text } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { IconChevronDown, IconClock, IconMessage2, IconNote } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { type ChecklistAnswer, type ChecklistRunItem, describeOffset } from '../../../contracts/index.js';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { AnswerToggles, answerColors } from './AnswerToggles';
import { GuidancePanel } from './GuidancePanel';
import { NoteEditor } from './NoteEditor';

export type ItemSuggestionKind = 'reword' | 'remove';

type Props = {
  ref?: React.Ref<HTMLLIElement>;
  item: ChecklistRunItem;
  canAnswer: boolean;
  onAnswer: (answer: ChecklistAnswer | null) => void;
  onSaveNote: (note: string | null) => void;
  onSuggest: (kind: ItemSuggestionKind) => void;
  onKeyDown: (e: React.KeyboardEvent<HTMLLIElement>) => void;
};

/** "3 weeks before · 14 Jan 2026": the suggested timing, and the date once a session is scheduled. */
function timingText(item: ChecklistRunItem, zone: string): string | null {
  const parts = [describeOffset(item.offsetDays), item.dueAt ? formatDate(item.dueAt, zone) : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * One yes/no item. The card itself takes focus (the list moves it with ↑/↓ and answers with
 * Y/N/A); everything else — guidance, note, suggestion — is one click away, never in the way.
 */
export function ChecklistItemCard({ ref, item, canAnswer, onAnswer, onSaveNote, onSuggest, onKeyDown }: Props) {
  const zone = useViewerZone();
  const own = useRef<HTMLLIElement>(null);
  const cardRef = useMergedRef(ref, own);
  const [guidanceOpen, setGuidanceOpen] = useState(false);
  const [editingNote, setEditingNote] = useState(false);
  const textId = `item-${item.id}`;
  const guidanceId = `guidance-${item.id}`;
  const timing = timingText(item, zone);
  const hasGuidance = item.guidance.trim() !== '' || item.links.length > 0;

  return (
    <Card
      ref={cardRef}
      component="li"
      withBorder
      padding="md"
      tabIndex={0}
      aria-labelledby={textId}
      onKeyDown={onKeyDown}
      className="checklist-item"
      data-answer={item.answer ?? 'open'}
      style={{ borderLeft: `4px solid var(--mantine-color-${(item.answer ? answerColors[item.answer] : 'gray.3').replace('.', '-')})` }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div style={{ flex: '1 1 18rem', minWidth: 0 }}>
            <Text fw={600} id={textId}>
              {item.text}
            </Text>
            {timing && (
              <Group gap={4} mt={2} wrap="nowrap">
                <IconClock size={14} aria-hidden="true" color="var(--mantine-color-dimmed)" />
                <Text fz="sm" c="dimmed">
                  {timing}
                </Text>
              </Group>
            )}
          </div>
          <AnswerToggles value={item.answer} disabled={!canAnswer} labelledBy={textId} onChange={onAnswer} />
        </Group>

        <Group gap={4}>
          {hasGuidance && (
            <Button
              size="compact-sm"
              variant="subtle"
              aria-expanded={guidanceOpen}
              aria-controls={guidanceId}
              onClick={() => setGuidanceOpen((o) => !o)}
              rightSection={
                <IconChevronDown
                  size={14}
                  aria-hidden="true"
                  style={{ transform: guidanceOpen ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
                />
              }
            >
              Why and how
            </Button>
          )}
          {canAnswer && !editingNote && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconNote size={14} aria-hidden="true" />}
              onClick={() => setEditingNote(true)}
            >
              {item.note ? 'Edit note' : 'Add a note'}
            </Button>
          )}
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconMessage2 size={14} aria-hidden="true" />}>
                Suggest a change
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onSuggest('reword')}>Suggest a better wording</Menu.Item>
              <Menu.Item onClick={() => onSuggest('remove')}>Suggest removing this item</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>

        <Collapse expanded={guidanceOpen} id={guidanceId}>
          <GuidancePanel item={item} />
        </Collapse>

        {editingNote ? (
          <NoteEditor
            note={item.note}
            onSave={onSaveNote}
            onClose={() => {
              setEditingNote(false);
              // The editor disappears: keep keyboard users on this item rather than at the page top.
              own.current?.focus();
            }}
          />
        ) : (
          item.note && (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600} fz="sm">
                Note:{' '}
              </Text>
              {item.note}
            </Text>
          )
        )}
      </Stack>
    </Card>
  );
}
