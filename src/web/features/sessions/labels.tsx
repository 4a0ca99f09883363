import { Group, Text } from '@mantine/core';
import { IconBuildingCommunity, IconDeviceLaptop, IconMapPin } from '@tabler/icons-react';
import { modeLabels, type SessionMode } from '../../../contracts/index.js';

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
