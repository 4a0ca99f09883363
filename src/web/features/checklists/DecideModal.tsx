import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ChecklistSuggestion, decideSuggestionBody, declineSuggestionBody } from '../../../contracts/index.js';
import { contractValidator, errorMessage, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { SuggestionSummary } from './SuggestionSummary';
import { useDecideSuggestion } from './suggestionHooks';

export type DecisionTarget = { suggestion: ChecklistSuggestion; accept: boolean };

const validateAccept = contractValidator(decideSuggestionBody);
const validateDecline = contractValidator(declineSuggestionBody);

/** Accept (a reply is welcome) or decline (a reply is owed: the person sees it). */
export function DecideModal({ target, onClose }: { target: DecisionTarget | null; onClose: () => void }) {
  if (!target) return null;
  return <DecideForm key={`${target.suggestion.id}-${target.accept}`} target={target} onClose={onClose} />;
}

function DecideForm({ target, onClose }: { target: DecisionTarget; onClose: () => void }) {
  const { suggestion: s, accept } = target;
  const decide = useDecideSuggestion();
  const form = useForm({
    initialValues: { reply: '' },
    validate: accept ? validateAccept : validateDecline,
    clearInputErrorOnChange: false,
  });

  const submit = form.onSubmit(({ reply }) =>
    decide.mutate(
      { id: s.id, accept, reply },
      {
        onSuccess: (done) => {
          notifySuccess(
            accept
              ? `It went into draft version ${done.appliedToVersion ?? ''} of ${done.templateName}. Publish the draft when it is ready.`
              : `${done.author.name} will see your reply.`,
            accept ? 'Accepted' : 'Declined',
          );
          onClose();
        },
        onError: (err) => form.setErrors({ reply: serverFieldErrors(err).reply ?? errorMessage(err) }),
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={accept ? 'Accept this suggestion' : 'Decline this suggestion'} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SuggestionSummary s={s} />
          <Text fz="sm" c="dimmed">
            {accept
              ? 'The change goes into the template’s next draft (one is opened if needed). Nothing reaches hosts until you publish it.'
              : `${s.author.name} sees your reply under “My suggestions”.`}
          </Text>
          <Textarea
            label={accept ? 'Reply (optional)' : 'Reply'}
            withAsterisk={!accept}
            placeholder={accept ? 'Thanks — good catch.' : 'We keep it because…'}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('reply')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={accept ? undefined : 'red'} loading={decide.isPending}>
              {accept ? 'Accept' : 'Decline'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
