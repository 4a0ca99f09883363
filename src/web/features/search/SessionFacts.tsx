import { Group, Text } from '@mantine/core';
import { IconArmchair } from '@tabler/icons-react';
import type { SearchHit } from '../../../contracts/index.js';
import { ModeLabel } from '../sessions/labels';
import { SessionTime } from '../sessions/SessionTime';
import { poolAvailability } from './availability';

type HitSession = NonNullable<SearchHit['nextSession']>;

/** The next session of a search hit: when (viewer's zone, the session's beside it), how, where, seats. */
export function SessionFacts({ session: s }: { session: HitSession }) {
  const pools = poolAvailability(s);
  return (
    <>
      <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} timeZone={s.timeZone} />
      <Group gap="md" wrap="wrap">
        <ModeLabel mode={s.mode} />
        {s.location && (
          <Text fz="sm" c="dimmed">
            {s.location}
          </Text>
        )}
        {/* One line per pool: a hybrid session names each (a full room is never hidden by an open stream). */}
        {pools.map((p) => (
          <Group key={p.label ?? 'seats'} gap={4} wrap="nowrap">
            <IconArmchair size={16} aria-hidden="true" />
            {/* Full is said in words and in orange, never colour alone. */}
            <Text fz="sm" className={p.full ? 'text-warn' : undefined} fw={p.full ? 600 : undefined}>
              {p.label ? `${p.label}: ${p.text}` : p.text}
            </Text>
          </Group>
        ))}
      </Group>
    </>
  );
}
