import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import {
  type ChecklistAnswer,
  type ChecklistPhase,
  type ChecklistRun,
  type ChecklistRunItem,
  phaseLabels,
} from '../../../contracts/index.js';
import { ChecklistItemCard, type ItemSuggestionKind } from './ChecklistItemCard';
import { AnswerMixBar } from './ProgressBars';
import { phaseIntro } from './phaseCopy';
import { phaseItems, whenLabels, whenOrder } from './progress';

const shortcuts: Record<string, ChecklistAnswer> = { y: 'yes', n: 'no', a: 'na' };

type Props = {
  run: ChecklistRun;
  phase: ChecklistPhase;
  next: ChecklistPhase | null;
  onNext: () => void;
  onAnswer: (item: ChecklistRunItem, answer: ChecklistAnswer | null) => void;
  onSaveNote: (item: ChecklistRunItem, note: string | null) => void;
  onSuggest: (item: ChecklistRunItem, kind: ItemSuggestionKind) => void;
  onSuggestNew: (phase: ChecklistPhase) => void;
  /** Put focus on the first item when the panel appears ("Next: Design" was pressed). */
  focusFirst?: boolean;
};

/** One phase: its progress, then its items grouped before / during / after, driven by mouse or keyboard. */
export function PhasePanel({ run, phase, next, onNext, onAnswer, onSaveNote, onSuggest, onSuggestNew, focusFirst = false }: Props) {
  const items = phaseItems(run, phase);
  const refs = useRef<Array<HTMLLIElement | null>>([]);
  const nextButton = useRef<HTMLButtonElement>(null);
  const progress = run.progress.phases[phase];

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the panel first appears
  useEffect(() => {
    if (focusFirst) refs.current[0]?.focus();
  }, []);

  const focusAt = (index: number) => {
    if (index >= items.length) nextButton.current?.focus();
    else refs.current[Math.max(0, index)]?.focus();
  };

  const onKeyDown = (index: number, item: ChecklistRunItem) => (e: React.KeyboardEvent<HTMLLIElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    // Typing in a note is not a shortcut, nor are keys in a menu or dialog opened from the card:
    // React bubbles them through portals, but they are not inside the card in the page.
    if (!e.currentTarget.contains(target) || target.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusAt(index + (e.key === 'ArrowDown' ? 1 : -1));
      return;
    }
    const answer = shortcuts[e.key.toLowerCase()];
    if (!answer || !run.canAnswer) return;
    e.preventDefault();
    if (item.answer !== answer) onAnswer(item, answer);
    focusAt(index + 1);
  };

  let index = 0;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} fz="h3">
          {phaseLabels[phase]}
        </Title>
        <Text c="dimmed" mb="sm">
          {phaseIntro[phase]}
        </Text>
        <AnswerMixBar progress={progress} label={`${phaseLabels[phase]} progress`} />
      </div>
      {items.length === 0 && <Text c="dimmed">This template has no items for {phaseLabels[phase].toLowerCase()}.</Text>}
      {whenOrder.map((when) => {
        const group = items.filter((i) => i.when === when);
        if (group.length === 0) return null;
        const headingId = `${phase}-${when}`;
        return (
          <section key={when} aria-labelledby={headingId}>
            <Title order={3} fz="md" id={headingId} mb="xs" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {whenLabels[when]}
            </Title>
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {group.map((item) => {
                const i = index++;
                return (
                  <ChecklistItemCard
                    key={item.id}
                    ref={(el) => {
                      refs.current[i] = el;
                    }}
                    item={item}
                    canAnswer={run.canAnswer}
                    onAnswer={(answer) => onAnswer(item, answer)}
                    onSaveNote={(note) => onSaveNote(item, note)}
                    onSuggest={(kind) => onSuggest(item, kind)}
                    onKeyDown={onKeyDown(i, item)}
                  />
                );
              })}
            </Stack>
          </section>
        );
      })}
      <Group justify="space-between" gap="sm">
        <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => onSuggestNew(phase)}>
          Suggest an item for {phaseLabels[phase]}
        </Button>
        {next && (
          <Button ref={nextButton} variant="light" rightSection={<IconArrowRight size={16} aria-hidden="true" />} onClick={onNext}>
            Next: {phaseLabels[next]}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
