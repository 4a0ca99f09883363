import { Group, Text } from '@mantine/core';
import { IconArmchair, IconBuildingCommunity, IconDeviceLaptop, IconMapPin } from '@tabler/icons-react';
import { modeLabels, type Session, type SessionMode } from '../../../contracts/index.js';
import { availabilityText, isFull } from '../registrations/model';

const modeIcons = { in_person: IconMapPin, online: IconDeviceLaptop, hybrid: IconBuildingCommunity } as const;

/** Mode icon plus its name in words. */
export function ModeLabel({ mode }: { mode: SessionMode }) {
  const Icon = modeIcons[mode];
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={16} aria-hidden="true" />
      <Text fz="sm" span>
        {modeLabels[mode]}
      </Text>
    </Group>
  );
}

export function seatsLabel(seats: number | null): string {
  if (seats === null) return 'Unlimited seats';
  return seats === 1 ? '1 seat' : `${seats.toLocaleString('en-GB')} seats`;
}

/** "12 seats left", "Full — 4 waiting", "Unlimited seats"; full is also said in orange, never colour alone. */
export function SeatsLabel({ session }: { session: Session }) {
  const full = session.status !== 'cancelled' && isFull(session);
  return (
    <Group gap={4} wrap="nowrap">
      <IconArmchair size={16} aria-hidden="true" />
      <Text fz="sm" className={full ? 'text-warn' : undefined} fw={full ? 600 : undefined}>
        {availabilityText(session)}
      </Text>
    </Group>
  );
}
