import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { FeedbackSummary } from '../../../contracts/index.js';
import { oneDecimal, SummaryBars, scaleBars } from './SummaryBars';

type Answered = FeedbackSummary['questions'][number];

const wrap = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;

function QuestionCard({ q, index }: { q: Answered; index: number }) {
  const id = `fb-q-${index}`;
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={id}>
      <Group justify="space-between" align="baseline" gap="xs" wrap="nowrap" mb="xs">
        <Title order={3} fz="md" id={id} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {q.prompt}
        </Title>
        {q.kind === 'rating' && (
          <Text fw={700} style={{ flexShrink: 0 }}>
            {oneDecimal(q.average)} / 5
          </Text>
        )}
      </Group>
      <Text fz="sm" c="dimmed" mb="xs">
        {q.responses === 1 ? '1 answer' : `${q.responses} answers`}
      </Text>
      {q.kind === 'rating' && q.distribution && <SummaryBars bars={scaleBars(q.distribution)} label={`${q.prompt}: answers per score`} />}
      {q.kind === 'text' &&
        (q.texts.length === 0 ? (
          <Text fz="sm">Nobody wrote an answer yet.</Text>
        ) : (
          <Stack gap={6} component="ul" style={{ paddingLeft: '1.1rem', margin: 0 }}>
            {q.texts.map((t, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: answers carry no id (they must not lead back to a person)
              <Text component="li" key={i} style={wrap}>
                {t}
              </Text>
            ))}
          </Stack>
        ))}
    </Card>
  );
}

/** Answers to the hosts' own questions (rating: average and spread; text: what people wrote). */
export function SummaryQuestions({ questions }: { questions: Answered[] }) {
  if (questions.length === 0) return null;
  return (
    <section aria-labelledby="fb-own-questions">
      <Title order={2} fz="h3" id="fb-own-questions" mb="xs">
        Answers to your questions
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {questions.map((q, i) => (
          <QuestionCard key={q.id} q={q} index={i} />
        ))}
      </Stack>
    </section>
  );
}
