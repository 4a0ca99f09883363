import { ActionIcon, Button, Card, Group, SegmentedControl, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { type FeedbackQuestion, feedbackQuestionsBody, MAX_HOST_QUESTIONS } from '../../../contracts/index.js';
import { ErrorNotice } from '../../components/States';
import { contractValidator, notifyError, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { useFeedbackQuestions, useSetFeedbackQuestions } from './hostHooks';

type Kind = FeedbackQuestion['kind'];
/** `key` only keeps React's rows apart while they move; it is not sent. */
type Row = { key: string; id?: string; kind: Kind; prompt: string };
type Values = { questions: Row[] };

let nextKey = 0;
const newKey = () => `q${++nextKey}`;
const rowsOf = (items: FeedbackQuestion[]): Row[] => items.map((q) => ({ key: q.id, id: q.id, kind: q.kind, prompt: q.prompt }));
// An existing question keeps its id so its earlier answers stay with it.
const bodyOf = (v: Values) => ({ questions: v.questions.map(({ id, kind, prompt }) => (id ? { id, kind, prompt } : { kind, prompt })) });
const validate = contractValidator(feedbackQuestionsBody);

/** "Your questions": up to three of the host's own, each a 1–5 rating or a short text, asked on every run's form. */
export function QuestionsEditor({ workshopId }: { workshopId: string }) {
  const questions = useFeedbackQuestions(workshopId);
  const save = useSetFeedbackQuestions(workshopId);
  const form = useQuestionsForm();
  const loaded = questions.data;

  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once per loaded list, not on every render
  useEffect(() => {
    if (!loaded) return;
    form.setInitialValues({ questions: rowsOf(loaded.items) });
    form.setValues({ questions: rowsOf(loaded.items) });
  }, [loaded]);

  const rows = form.values.questions;
  const submit = form.onSubmit((values) =>
    save.mutate(bodyOf(values), {
      onSuccess: () => notifySuccess('Learners see them on the feedback form of every session from now on.', 'Questions saved'),
      onError: (err) => {
        form.setErrors(serverFieldErrors(err));
        notifyError(err, 'Your questions were not saved');
      },
    }),
  );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="fb-your-questions">
      <Title order={2} fz="h4" id="fb-your-questions">
        Your questions
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        Ask up to {MAX_HOST_QUESTIONS} questions of your own on the feedback form, each a rating from 1 to 5 or a short text.
      </Text>
      {questions.isPending && <Skeleton height={80} />}
      {questions.isError && (
        <ErrorNotice error={questions.error} onRetry={() => void questions.refetch()} title="Your questions could not load" />
      )}
      {loaded && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {rows.length === 0 && <Text fz="sm">No questions of your own yet: learners see the standard form.</Text>}
            {rows.map((row, i) => (
              <QuestionRow key={row.key} form={form} index={i} count={rows.length} />
            ))}
            {form.errors.questions && (
              <Text fz="sm" c="red.8" role="alert">
                {form.errors.questions}
              </Text>
            )}
            {rows.length >= MAX_HOST_QUESTIONS && (
              <Text fz="sm">That is the most: {MAX_HOST_QUESTIONS} questions keep the form under a minute.</Text>
            )}
            <Group justify="space-between" gap="xs">
              <Button
                variant="subtle"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                disabled={rows.length >= MAX_HOST_QUESTIONS}
                onClick={() => form.insertListItem('questions', { key: newKey(), kind: 'rating', prompt: '' })}
              >
                Add a question
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save questions
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

/** The editor's form: its type (with its validator) is what each row is given. */
const useQuestionsForm = () => useForm<Values>({ initialValues: { questions: [] }, validate: (v) => validate(bodyOf(v)) });
type QuestionsForm = ReturnType<typeof useQuestionsForm>;

function QuestionRow({ form, index: i, count }: { form: QuestionsForm; index: number; count: number }) {
  const n = i + 1;
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        {/* A textarea so a long question wraps instead of scrolling out of sight on a phone. */}
        <Textarea
          label={`Question ${n}`}
          placeholder="e.g. Was the pace right?"
          autosize
          minRows={1}
          maxRows={4}
          maxLength={200}
          {...form.getInputProps(`questions.${i}.prompt`)}
        />
        <Group justify="space-between" gap="xs">
          <SegmentedControl
            aria-label={`Answer to question ${n}`}
            size="xs"
            data={[
              { value: 'rating', label: 'Rating 1–5' },
              { value: 'text', label: 'Short text' },
            ]}
            {...form.getInputProps(`questions.${i}.kind`)}
          />
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Move question ${n} up`}
              disabled={i === 0}
              onClick={() => form.reorderListItem('questions', { from: i, to: i - 1 })}
            >
              <IconArrowUp size={18} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Move question ${n} down`}
              disabled={i === count - 1}
              onClick={() => form.reorderListItem('questions', { from: i, to: i + 1 })}
            >
              <IconArrowDown size={18} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove question ${n}`}
              onClick={() => form.removeListItem('questions', i)}
            >
              <IconTrash size={18} aria-hidden="true" />
            </ActionIcon>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
