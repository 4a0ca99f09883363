import { Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { RosterEntry, Session } from '../../../contracts/index.js';
import { ErrorNotice } from '../../components/States';
import { formatRange } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { type Pool, poolLabels, poolsOf } from '../registrations/model';
import { useCheckInCode } from './hooks';

function seatsText(p: Pool): string {
  return p.capacity === null ? `${p.taken} (unlimited)` : `${p.taken} / ${p.capacity}`;
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div style={{ minWidth: '7rem' }}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" fw={600} className="text-warn">
          {hint}
        </Text>
      )}
    </div>
  );
}

/** Enrolled against seats, the waitlist and check-ins, at a glance; after the session, who came, counted as the tabs count. */
export function RosterCounts({ session: s, entries, past }: { session: Session; entries: RosterEntry[] | null; past: boolean }) {
  const pools = poolsOf(s);
  const hybrid = pools.length > 1;
  const count = (statuses: RosterEntry['status'][]) =>
    entries === null ? '…' : String(entries.filter((r) => statuses.includes(r.status)).length);
  const checkedIn = count(['attended']);
  if (past) {
    return (
      <Card withBorder padding="md" component="section" aria-label="Counts">
        <Group gap="xl" wrap="wrap" align="flex-start">
          <Stat label="Had a seat" value={count(['enrolled', 'offered', 'attended', 'no_show'])} />
          <Stat label="Checked in" value={checkedIn} />
          <Stat label="No-show" value={count(['no_show', 'enrolled', 'offered'])} />
          <Stat label="Still waiting" value={count(['waitlisted'])} />
        </Group>
      </Card>
    );
  }
  return (
    <Card withBorder padding="md" component="section" aria-label="Counts">
      <Group gap="xl" wrap="wrap" align="flex-start">
        {pools.map((p) => (
          <Stat
            key={p.pool}
            label={hybrid ? `Enrolled ${poolLabels[p.pool].toLowerCase()}` : 'Enrolled / seats'}
            value={seatsText(p)}
            hint={p.capacity !== null && p.taken >= p.capacity ? 'Full' : undefined}
          />
        ))}
        <Stat label="Waiting" value={String(s.waitlistCount)} />
        <Stat label="Checked in" value={checkedIn} />
      </Group>
    </Card>
  );
}

/** The code people type to check themselves in, big enough to show on a screen in the room. */
export function CheckInCodeCard({ sessionId, enabled }: { sessionId: string; enabled: boolean }) {
  const zone = useViewerZone();
  const code = useCheckInCode(sessionId, enabled);
  if (!enabled) return null;
  return (
    <Card withBorder padding="md" aria-labelledby="checkin-code">
      <Stack gap={6}>
        <Title order={2} fz="h4" id="checkin-code">
          Check-in code
        </Title>
        {code.isPending && <Skeleton height={48} width={220} />}
        {code.isError && <ErrorNotice error={code.error} onRetry={() => void code.refetch()} title="The code could not load" />}
        {code.data && (
          <>
            <Text
              fz={44}
              fw={800}
              lh={1.1}
              ff="monospace"
              style={{ letterSpacing: '0.2em', wordBreak: 'break-all' }}
              aria-label={`Code ${code.data.code.split('').join(' ')}`}
            >
              {code.data.code}
            </Text>
            <Text fz="sm" fw={600}>
              Valid {formatRange(code.data.validFrom, code.data.validUntil, zone)}
            </Text>
            <Text fz="sm" c="dimmed">
              Show it on screen: people check in from the session page or My learning, from 15 minutes before the start until the end.
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
