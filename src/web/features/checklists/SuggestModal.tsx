import { Blockquote, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type ChecklistItem,
  type ChecklistPhase,
  type ChecklistWhen,
  createSuggestionBody,
  phaseLabels,
} from '../../../contracts/index.js';
import { contractValidator, errorMessage, type FieldErrors, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { whenLabels, whenOrder } from './progress';
import { useCreateSuggestion } from './suggestionHooks';

/** What is being suggested: a change to an item, or a new item in a phase. */
export type SuggestionTarget =
  | { kind: 'reword' | 'remove'; item: Pick<ChecklistItem, 'id' | 'text' | 'phase' | 'when'> }
  | { kind: 'add'; phase: ChecklistPhase };

const titles = { reword: 'Suggest a better wording', remove: 'Suggest removing this item', add: 'Suggest an item' };
const validateSuggestion = contractValidator(createSuggestionBody);

type Values = { text: string; reason: string; when: ChecklistWhen };

type Props = { templateId: string; target: SuggestionTarget | null; onClose: () => void };

/** Anyone can suggest; the education team decides and replies, and the outcome shows under "My suggestions". */
export function SuggestModal({ templateId, target, onClose }: Props) {
  if (!target) return null;
  // A fresh form for every target.
  const key = target.kind === 'add' ? `add-${target.phase}` : `${target.kind}-${target.item.id}`;
  return <SuggestForm key={key} templateId={templateId} target={target} onClose={onClose} />;
}

function SuggestForm({ templateId, target, onClose }: Props & { target: SuggestionTarget }) {
  const create = useCreateSuggestion();
  // What the contract checks: the suggestion as it is sent.
  const bodyOf = ({ text, reason, when }: Values) =>
    target.kind === 'add'
      ? { templateId, kind: target.kind, text, reason, phase: target.phase, when }
      : { templateId, kind: target.kind, itemId: target.item.id, text: target.kind === 'reword' ? text : '', reason };
  const form = useForm<Values>({
    // A rewording starts from the current text.
    initialValues: { text: target.kind === 'reword' ? target.item.text : '', reason: '', when: 'before' },
    validate: (values): FieldErrors => {
      const errors = validateSuggestion(bodyOf(values));
      if (Object.keys(errors).length > 0) return errors;
      if (target.kind === 'reword' && values.text.trim() === target.item.text.trim()) {
        return { text: 'Change the wording first: this is the item as it is now.' };
      }
      return {};
    },
    clearInputErrorOnChange: false,
  });
  const errors = form.errors;

  const submit = form.onSubmit((values) =>
    create.mutate(createSuggestionBody.parse(bodyOf(values)), {
      onSuccess: () => {
        notifySuccess('The education team will look at it. You will find their answer under “My suggestions”.', 'Thank you');
        onClose();
      },
      onError: (err) => {
        const fields = serverFieldErrors(err);
        form.setErrors(Object.keys(fields).length > 0 ? fields : { _form: errorMessage(err) });
      },
    }),
  );

  const title = target.kind === 'add' ? `${titles.add} for ${phaseLabels[target.phase]}` : titles[target.kind];
  return (
    <Modal opened onClose={onClose} title={title} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {target.kind !== 'add' && (
            <Blockquote p="sm" color="gray" cite={`${phaseLabels[target.item.phase]}, ${whenLabels[target.item.when].toLowerCase()}`}>
              {target.item.text}
            </Blockquote>
          )}
          {target.kind === 'reword' && (
            <Textarea label="Your wording" autosize minRows={2} maxLength={1000} {...form.getInputProps('text')} data-autofocus />
          )}
          {target.kind === 'add' && (
            <>
              <Textarea
                label="The item"
                description="A short yes/no statement, where “yes” is the good answer."
                placeholder="Attendees get the setup steps at least a week before."
                autosize
                minRows={2}
                maxLength={1000}
                {...form.getInputProps('text')}
                data-autofocus
              />
              <div>
                <Text fz="sm" fw={500} mb={4} id="suggest-when">
                  When
                </Text>
                <SegmentedControl
                  aria-labelledby="suggest-when"
                  value={form.values.when}
                  onChange={(v) => form.setFieldValue('when', v as ChecklistWhen)}
                  data={whenOrder.map((w) => ({ value: w, label: w[0]?.toUpperCase() + w.slice(1) }))}
                />
              </div>
            </>
          )}
          <Textarea
            label="Why?"
            description="A sentence is enough: it helps the education team decide."
            withAsterisk
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('reason')}
            data-autofocus={target.kind === 'remove' ? true : undefined}
          />
          {(errors._form || errors.itemId) && (
            <Text c="red.9" fz="sm" role="alert">
              {errors._form ?? errors.itemId}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Send suggestion
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
