import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { FeedbackSummary } from '../../../contracts/index.js';
import { oneDecimal, SummaryBars, scaleBars, share } from './SummaryBars';

function Stat({ label, value, hint }: { label: string; value: string; hint?: React.ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text fz="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function ScaleCard({ id, title, scale }: { id: string; title: string; scale: FeedbackSummary['rating'] }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Title order={3} fz="md" id={id}>
          {title}
        </Title>
        <Text fw={700}>{oneDecimal(scale.average)} / 5</Text>
      </Group>
      {scale.distribution && <SummaryBars bars={scaleBars(scale.distribution)} label={`${title}: answers per score`} />}
    </Card>
  );
}

/** The headline figures of a (visible) summary: responses, averages, distributions, apply, NPS, confidence. */
export function SummaryFigures({ summary: s }: { summary: FeedbackSummary }) {
  const applyTotal = s.willApply ? s.willApply.yes + s.willApply.no : 0;
  const median = s.orgMedianRating;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat
          label="Responses"
          value={String(s.responses)}
          // The rate from the two counts: the same figure, with no doubt about fraction or percent.
          hint={s.asked > 0 ? `of ${s.asked} asked (${share(s.responses, s.asked)})` : undefined}
        />
        <Stat
          label="Overall rating"
          value={`${oneDecimal(s.rating.average)} / 5`}
          hint={median !== null ? `Organisation median ${oneDecimal(median)}` : undefined}
        />
        <Stat label="Useful for work" value={`${oneDecimal(s.usefulness.average)} / 5`} />
        <Stat
          label="Plan to apply it"
          value={s.willApply && applyTotal > 0 ? share(s.willApply.yes, applyTotal) : '–'}
          hint={s.willApply ? `${s.willApply.yes} yes · ${s.willApply.no} no` : 'Nobody answered it yet'}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ScaleCard id="fb-rating" title="Overall rating" scale={s.rating} />
        <ScaleCard id="fb-usefulness" title="Useful for my work" scale={s.usefulness} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <AppliedCard applied={s.applied} />
        {s.nps && <NpsCard nps={s.nps} />}
        {s.confidence && <ConfidenceCard confidence={s.confidence} />}
      </SimpleGrid>
    </Stack>
  );
}

function AppliedCard({ applied }: { applied: FeedbackSummary['applied'] }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="fb-applied">
      <Title order={3} fz="md" id="fb-applied" mb={4}>
        Applied it, a month on
      </Title>
      {!applied || applied.answered === 0 ? (
        <Text fz="sm" c="dimmed">
          {applied && applied.asked > 0
            ? `${applied.asked} people were asked "Have you applied it?"; nobody has answered yet.`
            : 'People who plan to apply it are asked "Have you applied it?" about a month after their session. No answers yet.'}
        </Text>
      ) : (
        <>
          <Text fz="sm" c="dimmed" mb="sm">
            {applied.answered} of {applied.asked} asked have answered.
          </Text>
          <SummaryBars
            label="Applied it: answers"
            bars={[
              { label: 'A lot', count: applied.aLot },
              { label: 'A little', count: applied.aLittle },
              { label: 'Not yet', count: applied.notYet },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function NpsCard({ nps }: { nps: NonNullable<FeedbackSummary['nps']> }) {
  const score = Math.round(nps.score);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="fb-nps">
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Title order={3} fz="md" id="fb-nps">
          Would recommend (NPS)
        </Title>
        <Text fw={700}>{score > 0 ? `+${score}` : score}</Text>
      </Group>
      <SummaryBars
        label="Recommendation: answers"
        bars={[
          { label: 'Promoters', count: nps.promoters },
          { label: 'Passives', count: nps.passives },
          { label: 'Detractors', count: nps.detractors },
        ]}
      />
    </Card>
  );
}

function ConfidenceCard({ confidence }: { confidence: NonNullable<FeedbackSummary['confidence']> }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="fb-confidence">
      <Title order={3} fz="md" id="fb-confidence" mb={4}>
        Your confidence, from the checklist
      </Title>
      <Group gap="xl">
        <div>
          <Text fz="sm" c="dimmed">
            Before
          </Text>
          <Text fz="xl" fw={700}>
            {oneDecimal(confidence.before)} / 5
          </Text>
        </div>
        <div>
          <Text fz="sm" c="dimmed">
            After
          </Text>
          <Text fz="xl" fw={700}>
            {oneDecimal(confidence.after)} / 5
          </Text>
        </div>
      </Group>
    </Card>
  );
}
