import { Group, Text } from '@mantine/core';
import { IconArmchair } from '@tabler/icons-react';
import type { SearchHit } from '../../../contracts/index.js';
import { ModeLabel } from '../sessions/labels';
import { SessionTime } from '../sessions/SessionTime';

type HitSession = NonNullable<SearchHit['nextSession']>;

/** "12 seats left", "Full — 4 waiting", "Unlimited seats": the search hit's own numbers. */
export function hitAvailability(s: HitSession): { text: string; full: boolean } {
  if (s.seatsLeft === null) return { text: 'Unlimited seats', full: false };
  if (s.seatsLeft > 0 && s.waitlistCount === 0)
    return { text: s.seatsLeft === 1 ? '1 seat left' : `${s.seatsLeft} seats left`, full: false };
  return { text: s.waitlistCount > 0 ? `Full — ${s.waitlistCount} waiting` : 'Full', full: true };
}

/** The next session of a search hit: when (viewer's zone, the session's beside it), how, where, seats. */
export function SessionFacts({ session: s }: { session: HitSession }) {
  const seats = hitAvailability(s);
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
        <Group gap={4} wrap="nowrap">
          <IconArmchair size={16} aria-hidden="true" />
          {/* Full is said in words and in orange, never colour alone. */}
          <Text fz="sm" className={seats.full ? 'text-warn' : undefined} fw={seats.full ? 600 : undefined}>
            {seats.text}
          </Text>
        </Group>
      </Group>
    </>
  );
}
