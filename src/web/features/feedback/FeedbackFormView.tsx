import { Alert, Button, Checkbox, Group, Input, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { type FeedbackAnswer, type FeedbackForm, feedbackBody } from '../../../contracts/index.js';
import { isApiError } from '../../api/client';
import { contractValidator, errorMessage, serverFieldErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { useAnswerFeedback } from './learnerHooks';
import { type FeedbackValues, initialValues, scales, toBody } from './learnerModel';
import { ScaleField } from './ScaleField';

const validateBody = contractValidator(feedbackBody);

/** The server's refusals that are about the whole answer, in words that say what to do. */
function problemOf(err: unknown): string {
  if (isApiError(err)) {
    if (err.code === 'not_an_attendee')
      return 'Only people who had a seat at this session can give feedback on it. If you were there, ask the host to check you in.';
    if (err.code === 'invalid_state') return 'Feedback opens when the session ends. Come back afterwards: Home will show it.';
    if (err.code === 'feedback_closed') return 'Feedback on this session has closed.';
  }
  return errorMessage(err);
}

type Props = { form: FeedbackForm; onSaved: (answer: FeedbackAnswer) => void; onClosed: () => void };

/** The one-screen form: two ratings, two optional comments, "I plan to apply this", the host's questions. */
export function FeedbackFormView({ form, onSaved, onClosed }: Props) {
  const zone = useViewerZone();
  const send = useAnswerFeedback(form.sessionId);
  const [problem, setProblem] = useState<string | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const f = useForm<FeedbackValues>({
    initialValues: initialValues(form.questions, form.answer),
    validate: (values) => validateBody(toBody(values, form)),
  });
  const v = f.values;
  const closes = formatDateTime(form.closesAt, zone);

  const focusFirstError = () =>
    requestAnimationFrame(() => {
      const invalid = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      const target = invalid?.getAttribute('role') === 'radiogroup' ? invalid.querySelector<HTMLElement>('input') : invalid;
      // Centred, so the sticky header does not cover the field and its label stays in view.
      invalid?.scrollIntoView({ block: 'center' });
      target?.focus({ preventScroll: true });
    });

  const onError = (err: unknown) => {
    if (isApiError(err) && err.code === 'feedback_closed') onClosed();
    const fields = serverFieldErrors(err);
    if (Object.keys(fields).length > 0) {
      f.setErrors(fields);
      focusFirstError();
    } else setProblem(problemOf(err));
  };

  const submit = f.onSubmit(
    (values) => {
      setProblem(null);
      send.mutate(toBody(values, form), { onSuccess: onSaved, onError });
    },
    () => focusFirstError(),
  );

  const decline = () => {
    setProblem(null);
    send.mutate({ attended: false }, { onSuccess: onSaved, onError });
  };

  const answered = form.answer?.status === 'answered';
  return (
    <Paper
      component="form"
      ref={ref}
      onSubmit={submit}
      noValidate
      aria-label="Your feedback"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'xl' }}
    >
      <Stack gap="lg">
        {!form.answer && (
          <Text fz="sm" c="dimmed">
            Two ratings; the rest is optional. Under a minute. You can change your answer until {closes}.
          </Text>
        )}
        {form.answer && (
          <Alert color="lyceum" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
            {answered
              ? `This is the answer you gave. You can change it until ${closes}.`
              : `You told us you didn't attend. If you did, you can still answer until ${closes}.`}
          </Alert>
        )}
        <ScaleField
          id="fb-rating"
          label="Overall rating"
          scale={scales.rating}
          value={v.rating}
          onChange={(n) => f.setFieldValue('rating', n)}
          error={f.errors.rating}
          required
        />
        <ScaleField
          id="fb-usefulness"
          label="Useful for my work"
          scale={scales.usefulness}
          value={v.usefulness}
          onChange={(n) => f.setFieldValue('usefulness', n)}
          error={f.errors.usefulness}
          required
        />
        <Textarea label="What worked?" description="Optional" autosize minRows={2} maxRows={8} {...f.getInputProps('worked')} />
        <Textarea label="What could be better?" description="Optional" autosize minRows={2} maxRows={8} {...f.getInputProps('improve')} />
        <Stack gap="xs">
          <YesNoField
            id="fb-apply"
            label="I plan to apply this"
            value={v.willApply}
            onChange={(yes) => f.setFieldValue('willApply', yes)}
          />
          {v.willApply && (
            <TextInput
              label="How?"
              description="Optional: one line, e.g. “add lag alerts to our consumers”. We ask a month later how it went."
              maxLength={500}
              {...f.getInputProps('applyHow')}
            />
          )}
        </Stack>
        {form.questions.map((q) =>
          q.kind === 'rating' ? (
            <ScaleField
              key={q.id}
              id={`fb-q-${q.id}`}
              label={q.prompt}
              scale={scales.question}
              value={typeof v.answers[q.id] === 'number' ? (v.answers[q.id] as number) : null}
              onChange={(n) => f.setFieldValue(`answers.${q.id}`, n)}
              error={f.errors[`answers.${q.id}`]}
              description="Optional · from the host"
            />
          ) : (
            <TextInput
              key={q.id}
              label={q.prompt}
              description="Optional · from the host"
              maxLength={1000}
              {...f.getInputProps(`answers.${q.id}`)}
            />
          ),
        )}
        {form.npsEnabled && (
          <ScaleField
            id="fb-nps"
            label="How likely are you to recommend this session to a colleague?"
            description="Optional"
            scale={scales.nps}
            value={v.nps}
            onChange={(n) => f.setFieldValue('nps', n)}
            error={f.errors.nps}
          />
        )}
        <Checkbox
          label="Sign my comments with my name"
          description="Hosts never see who answered. Your comments are shown without your name unless you tick this."
          {...f.getInputProps('signed', { type: 'checkbox' })}
        />
        {problem && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} role="alert" title="Your feedback was not sent">
            {problem}
          </Alert>
        )}
        <Group justify="space-between" gap="sm" className="feedback-actions">
          <Button type="submit" size="md" loading={send.isPending && send.variables?.attended !== false} disabled={send.isPending}>
            {answered ? 'Save changes' : 'Send feedback'}
          </Button>
          <Button
            variant="subtle"
            color="gray"
            onClick={decline}
            loading={send.isPending && send.variables?.attended === false}
            disabled={send.isPending}
          >
            I didn't attend
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Yes or no as two radio buttons in one labelled group; neither is chosen until the person says. */
function YesNoField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: boolean | null;
  onChange: (yes: boolean) => void;
}) {
  return (
    <Input.Wrapper id={id} label={label} labelElement="div" description="Optional">
      <SegmentedControl
        mt={6}
        size="md"
        w={{ base: '100%', xs: 220 }}
        data={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={value === null ? '' : value ? 'yes' : 'no'}
        onChange={(choice) => onChange(choice === 'yes')}
        aria-labelledby={`${id}-label`}
        withItemsBorders
        color="lyceum"
      />
    </Input.Wrapper>
  );
}
