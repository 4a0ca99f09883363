import { Anchor, Avatar, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Person } from '../../contracts/index.js';
import { isApiError } from '../api/client';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { initials, useSignOutAction } from '../components/UserMenu';
import { useMe } from '../features/auth/hooks';
import { FollowHostButton } from '../features/channels/FollowHostButton';
import { CalendarFeedSection } from '../features/notifications/CalendarFeedSection';
import { PreferencesSection } from '../features/notifications/PreferencesSection';
import { usePerson } from '../features/people/hooks';
import { TokensSection } from '../features/people/TokensSection';
import { useWorkshops } from '../features/workshops/hooks';
import { WorkshopCard } from '../features/workshops/WorkshopCard';
import { formatTime, zoneAbbreviation } from '../lib/time';
import { NotFoundPage } from './NotFoundPage';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  const me = useMe();
  const signOut = useSignOutAction();
  useDocumentTitle(person.data ? `${person.data.name} · Lyceum` : 'Person · Lyceum');

  if (person.isPending) return <Skeleton height={240} />;
  if (person.isError) {
    if (isApiError(person.error) && person.error.status === 404) return <NotFoundPage what="person" />;
    return <ErrorNotice error={person.error} onRetry={() => void person.refetch()} />;
  }
  const p = person.data;
  const isMe = me.data?.id === p.id;
  const now = new Date();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Group gap="md" wrap="nowrap">
          <Avatar color="lyceum" radius="xl" size="xl" alt="" aria-hidden="true">
            {initials(p.name)}
          </Avatar>
          <div>
            <Group gap="xs">
              <Title order={1}>{p.name}</Title>
              {p.role === 'admin' && (
                <Badge color="grape" variant="light">
                  Admin
                </Badge>
              )}
              {isMe && <Badge variant="light">You</Badge>}
            </Group>
            <Text c="dimmed">{[p.title, p.team].filter(Boolean).join(' · ') || 'No title or team given'}</Text>
          </div>
        </Group>
        {isMe ? (
          <Button variant="default" color="red" leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={signOut}>
            Sign out
          </Button>
        ) : (
          <HostFollow person={p} />
        )}
      </Group>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label="Email">
            <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor>
          </Fact>
          <Fact label="Location">{p.location ?? 'Not given'}</Fact>
          <Fact label="Time zone">
            {p.timeZone} ({zoneAbbreviation(now, p.timeZone)}, now {formatTime(now, p.timeZone)})
          </Fact>
          <Fact label="Manager">
            {p.manager ? (
              <Anchor component={Link} to={`/people/${p.manager.id}`}>
                {p.manager.name}
              </Anchor>
            ) : (
              'None'
            )}
          </Fact>
        </SimpleGrid>
      </Card>
      <HostedWorkshops person={p} isMe={isMe} />
      {isMe && <PreferencesSection />}
      {isMe && <CalendarFeedSection />}
      {isMe && <TokensSection />}
    </Stack>
  );
}

/** "Follow" only for people who host something: following is about their sessions. */
function HostFollow({ person }: { person: Person }) {
  const hosted = useWorkshops({ hostId: person.id });
  if (!hosted.data?.pages[0]?.items.length) return null;
  return <FollowHostButton personId={person.id} name={person.name} />;
}

function HostedWorkshops({ person, isMe }: { person: Person; isMe: boolean }) {
  const workshops = useWorkshops({ hostId: person.id });
  const items = workshops.data?.pages.flatMap((pg) => pg.items) ?? [];
  return (
    <section aria-labelledby="hosted">
      <Title order={2} fz="h3" id="hosted" mb="sm">
        {isMe ? 'Workshops you host' : `Workshops ${person.name.split(' ')[0]} hosts`}
      </Title>
      {workshops.isPending && <ListSkeleton count={2} />}
      {workshops.isError && <ErrorNotice error={workshops.error} onRetry={() => void workshops.refetch()} />}
      {workshops.isSuccess && items.length === 0 && (
        <Text c="dimmed">
          {isMe ? (
            <>
              None yet.{' '}
              <Anchor component={Link} to="/workshops/new">
                Create a workshop
              </Anchor>
              : three fields are enough to start.
            </>
          ) : (
            'None yet.'
          )}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {items.map((w) => (
          <WorkshopCard key={w.id} workshop={w} showActions={isMe} />
        ))}
      </SimpleGrid>
      <LoadMore query={workshops} />
    </section>
  );
}
