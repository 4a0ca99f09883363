import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { PersonRef, TeamMember } from '../../../contracts/index.js';
import { formatDate, formatDateTime } from '../../lib/time';

const upcomingLabels = {
  enrolled: { label: 'Registered', color: 'teal' },
  waitlisted: { label: 'Waitlisted', color: 'yellow' },
  offered: { label: 'Seat offered', color: 'grape' },
} as const;

const outcomeLabels = {
  attended: { label: 'Attended', color: 'teal' },
  no_show: { label: 'Did not come', color: 'red' },
  cancelled_late: { label: 'Cancelled late', color: 'orange' },
} as const;

function Row({ workshop, at, badge }: { workshop: { id: string; title: string }; at: string; badge: { label: string; color: string } }) {
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="sm">
      <div style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/workshops/${workshop.id}`} fz="sm" fw={500}>
          {workshop.title}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {at}
        </Text>
      </div>
      <Badge color={badge.color} variant="light" style={{ flexShrink: 0 }}>
        {badge.label}
      </Badge>
    </Group>
  );
}

const listStyle = { listStyle: 'none', padding: 0, margin: 0 };

/** One report: what they are booked for, what they went to lately (never their feedback), what you suggested. */
export function ReportCard({
  member,
  zone,
  recentDays,
  onSuggest,
}: {
  member: TeamMember;
  zone: string;
  recentDays: number;
  onSuggest: (person: PersonRef) => void;
}) {
  const { person, upcoming, recent, suggestions } = member;
  const headingId = `report-${person.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} fz="h4" id={headingId}>
            <Anchor component={Link} to={`/people/${person.id}`} inherit>
              {person.name}
            </Anchor>
          </Title>
          {person.title && (
            <Text fz="sm" c="dimmed">
              {person.title}
            </Text>
          )}
        </div>
        <Button variant="light" size="xs" leftSection={<IconBulb size={16} aria-hidden="true" />} onClick={() => onSuggest(person)}>
          Suggest a workshop
        </Button>
      </Group>
      <Stack gap="sm">
        <div>
          <Text fz="sm" fw={600}>
            Coming up
          </Text>
          {upcoming.length === 0 ? (
            <Text fz="sm" c="dimmed">
              Nothing booked.
            </Text>
          ) : (
            <Stack component="ul" gap={6} style={listStyle} aria-label={`${person.name}: coming up`}>
              {upcoming.map((u) => (
                <Row key={u.registrationId} workshop={u.workshop} at={formatDateTime(u.startsAt, zone)} badge={upcomingLabels[u.status]} />
              ))}
            </Stack>
          )}
        </div>
        <div>
          <Text fz="sm" fw={600}>
            Last {recentDays} days
          </Text>
          {recent.length === 0 ? (
            <Text fz="sm" c="dimmed">
              No sessions.
            </Text>
          ) : (
            <Stack component="ul" gap={6} style={listStyle} aria-label={`${person.name}: last ${recentDays} days`}>
              {recent.map((r) => (
                <Row key={r.registrationId} workshop={r.workshop} at={formatDate(r.startsAt, zone)} badge={outcomeLabels[r.outcome]} />
              ))}
            </Stack>
          )}
        </div>
        {suggestions.length > 0 && (
          <Text fz="xs" c="dimmed">
            You suggested: {suggestions.map((s) => `${s.workshop.title} (${formatDate(s.createdAt, zone)})`).join(', ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
