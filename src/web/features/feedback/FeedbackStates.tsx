import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconLock, IconUserQuestion } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { FEEDBACK_PRIVACY_THRESHOLD, FEEDBACK_WINDOW_DAYS, type FeedbackAnswer, type FeedbackForm } from '../../../contracts/index.js';
import { formatDateTime } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { SessionTime } from '../sessions/SessionTime';

/** What the form is about: the session's title, its time in the viewer's zone, its hosts. */
export function FeedbackSessionHeader({ form }: { form: FeedbackForm }) {
  const hosts = form.hosts.map((h) => h.name);
  const hostLine = hosts.length > 1 ? `${hosts.slice(0, -1).join(', ')} and ${hosts.at(-1)}` : hosts[0];
  return (
    <Stack gap={6}>
      <Text fz="sm" fw={600} c="lyceum.9" tt="uppercase" lts="0.04em">
        How was it?
      </Text>
      <Title order={1} fz="h2" id="feedback-title">
        <Anchor component={Link} to={`/workshops/${form.workshopId}`} c="inherit" fz="inherit" fw="inherit">
          {form.title}
        </Anchor>
      </Title>
      <SessionTime startsAt={form.startsAt} endsAt={form.endsAt} timeZone={form.timeZone} size="sm" />
      {hostLine && <Text fz="sm">Hosted by {hostLine}</Text>}
    </Stack>
  );
}

/** A state instead of the form, as a card with an icon, a heading that takes focus, and the next step. */
function StateCard({
  icon,
  color,
  title,
  children,
  actions,
  order = 2,
}: {
  /** 1 when the page has no session header above (the form itself was refused). */
  order?: 1 | 2;
  icon: React.ReactNode;
  color: string;
  title: string;
  children?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The page changed under the person (after sending): move focus so screen readers hear it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="center">
          <ThemeIcon size={40} radius="xl" variant="light" color={color} aria-hidden="true">
            {icon}
          </ThemeIcon>
          <Title order={order} fz="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
        </Group>
        {children}
        {actions && (
          <Group gap="sm" mt="xs">
            {actions}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

const backLinks = (
  <>
    <Button component={Link} to="/" variant="default">
      Back to Home
    </Button>
    <Button component={Link} to="/my/learning" variant="subtle">
      My learning
    </Button>
  </>
);

/** After sending: thanks, and how long it can still be changed. */
export function FeedbackThanks({ answer, onChange }: { answer: FeedbackAnswer; onChange: () => void }) {
  const zone = useViewerZone();
  const declined = answer.status === 'declined';
  return (
    <StateCard
      icon={<IconCircleCheck size={24} />}
      color="teal"
      title={declined ? 'Thanks for letting us know' : 'Thank you — your feedback is in'}
      actions={
        <>
          <Button variant="light" onClick={onChange}>
            {declined ? 'I did attend: answer now' : 'Change my answer'}
          </Button>
          {backLinks}
        </>
      }
    >
      <Text>
        {declined
          ? `We won’t remind you about this session. If you did attend after all, you can still answer until ${formatDateTime(answer.closesAt, zone)}.`
          : `The hosts see it with everyone else’s once at least ${FEEDBACK_PRIVACY_THRESHOLD} people have answered, without names unless you signed. You can change it until ${formatDateTime(answer.closesAt, zone)}.`}
      </Text>
    </StateCard>
  );
}

function answerLine(answer: FeedbackAnswer): string {
  if (answer.status === 'declined') return 'You told us you didn’t attend.';
  return `Your answer: overall ${answer.rating ?? '–'} of 5, useful for your work ${answer.usefulness ?? '–'} of 5.`;
}

export function FeedbackClosed({ form }: { form: FeedbackForm }) {
  const zone = useViewerZone();
  return (
    <StateCard icon={<IconLock size={22} />} color="gray" title="Feedback on this session has closed" actions={backLinks}>
      <Text>
        Answers could be given or changed until {formatDateTime(form.closesAt, zone)}, {FEEDBACK_WINDOW_DAYS} days after the session ended.
      </Text>
      {form.answer && <Text>{answerLine(form.answer)} Thank you.</Text>}
    </StateCard>
  );
}

/** Before the end (`endsAt` known from the form), or the server's 409 when the form itself was refused. */
export function FeedbackNotYet({ endsAt }: { endsAt?: string }) {
  const zone = useViewerZone();
  return (
    <StateCard
      order={endsAt ? 2 : 1}
      icon={<IconClockHour4 size={22} />}
      color="lyceum"
      title="Feedback opens when the session ends"
      actions={backLinks}
    >
      <Text>
        {endsAt ? `This session ends ${formatDateTime(endsAt, zone)}. ` : ''}Come back afterwards: Home and My learning will show it, and
        you get a message.
      </Text>
    </StateCard>
  );
}

export function FeedbackNoSeat() {
  return (
    <StateCard
      order={1}
      icon={<IconUserQuestion size={22} />}
      color="orange"
      title="Only people who had a seat can give feedback"
      actions={backLinks}
    >
      <Text>
        You were not registered for this session, or the host checked people in and you were not among them. If you were there, ask the host
        to check you in, then open this page again.
      </Text>
    </StateCard>
  );
}
