import { Button, Group } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ChecklistAnswer } from '../../../contracts/index.js';

// Shade 8/9 keeps white text on the filled (chosen) toggle above AA contrast.
const options: Array<{ value: ChecklistAnswer; label: string; name: string; color: string }> = [
  { value: 'yes', label: 'Yes', name: 'Yes', color: 'teal.9' },
  { value: 'no', label: 'No', name: 'No', color: 'red.9' },
  { value: 'na', label: 'N/A', name: 'N/A, not applicable', color: 'gray.7' },
];

export const answerColors: Record<ChecklistAnswer, string> = { yes: 'teal.8', no: 'red.8', na: 'gray.6' };

type Props = { value: ChecklistAnswer | null; disabled: boolean; labelledBy: string; onChange: (answer: ChecklistAnswer | null) => void };

/**
 * Three big toggle buttons. The chosen one is filled and ticked (shape as well as colour);
 * pressing it again takes the answer back.
 */
export function AnswerToggles({ value, disabled, labelledBy, onChange }: Props) {
  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-labelledby={labelledBy} className="answer-toggles">
      {options.map((o) => {
        const on = value === o.value;
        return (
          <Button
            key={o.value}
            size="md"
            miw={84}
            variant={on ? 'filled' : 'default'}
            color={on ? o.color : undefined}
            aria-pressed={on}
            aria-label={o.name}
            disabled={disabled}
            leftSection={on ? <IconCheck size={18} aria-hidden="true" /> : undefined}
            onClick={() => onChange(on ? null : o.value)}
          >
            {o.label}
          </Button>
        );
      })}
    </Group>
  );
}
