import { Badge } from '@mantine/core';
import {
  IconBan,
  IconCircleCheck,
  IconClockHour4,
  IconHourglass,
  IconLock,
  type IconProps,
  IconUserCheck,
  IconUserX,
} from '@tabler/icons-react';

/** Each state has words, an icon and a colour: never colour alone. */
const tones = {
  registered: { color: 'teal', Icon: IconCircleCheck },
  checkedIn: { color: 'teal', Icon: IconUserCheck },
  waitlisted: { color: 'orange', Icon: IconHourglass },
  offered: { color: 'grape', Icon: IconClockHour4 },
  closed: { color: 'gray', Icon: IconLock },
  cancelled: { color: 'red', Icon: IconBan },
  noShow: { color: 'red', Icon: IconUserX },
} satisfies Record<string, { color: string; Icon: React.ComponentType<IconProps> }>;

export type Tone = keyof typeof tones;

export function StateTag({ tone, children, size = 'lg' }: { tone: Tone; children: React.ReactNode; size?: 'md' | 'lg' }) {
  const { color, Icon } = tones[tone];
  return (
    <Badge
      color={color}
      variant="light"
      size={size}
      tt="none"
      fw={600}
      leftSection={<Icon size={16} aria-hidden="true" />}
      style={{ flexShrink: 0 }}
    >
      {children}
    </Badge>
  );
}
