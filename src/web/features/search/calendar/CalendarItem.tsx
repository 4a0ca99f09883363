import { Anchor, Group, Text } from '@mantine/core';
import { IconBuildingCommunity, IconDeviceLaptop, IconMapPin } from '@tabler/icons-react';
import { Link } from 'react-router';
import { modeLabels, type SearchHit } from '../../../../contracts/index.js';
import { formatTime } from '../../../lib/time';
import { hitAvailability } from '../availability';

const modeIcons = { in_person: IconMapPin, online: IconDeviceLaptop, hybrid: IconBuildingCommunity } as const;

/** One session in a calendar day: its start in the viewer's zone and mode on one line, the title under it. */
export function CalendarItem({ hit, zone, lines = 2 }: { hit: SearchHit; zone: string; lines?: number }) {
  const s = hit.nextSession;
  if (!s) return null;
  const Icon = modeIcons[s.mode];
  const seats = hitAvailability(s);
  return (
    <Anchor component={Link} to={`/workshops/${hit.workshop.id}`} className="cal-item" c="inherit" underline="never">
      <Group gap={4} wrap="nowrap">
        <Text span fz="xs" fw={700}>
          {formatTime(new Date(s.startsAt), zone)}
        </Text>
        <Icon size={13} aria-label={modeLabels[s.mode]} />
        {seats.full && (
          <Text span fz="xs" className="text-warn" fw={600}>
            Full
          </Text>
        )}
      </Group>
      <Text fz="xs" lh={1.3} lineClamp={lines} className="cal-item-title">
        {hit.workshop.title}
      </Text>
    </Anchor>
  );
}
