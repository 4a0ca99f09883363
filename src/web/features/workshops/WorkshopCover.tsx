import {
  IconBrain,
  IconBrowser,
  IconCode,
  IconCreditCard,
  IconDatabase,
  IconDeviceMobile,
  IconFlask,
  IconHeartbeat,
  IconMessages,
  IconMicrophone,
  IconPencil,
  IconSchool,
  IconServer2,
  IconShieldLock,
  IconUsers,
} from '@tabler/icons-react';
import { type CoverIcon, coverBackground, coverOf } from './cover';

const icons: Record<CoverIcon, typeof IconCode> = {
  security: IconShieldLock,
  data: IconDatabase,
  ml: IconBrain,
  frontend: IconBrowser,
  mobile: IconDeviceMobile,
  platform: IconServer2,
  reliability: IconHeartbeat,
  craft: IconCode,
  teaching: IconPencil,
  payments: IconCreditCard,
  talk: IconMicrophone,
  lab: IconFlask,
  discussion: IconMessages,
  course: IconSchool,
  office_hours: IconUsers,
};

/** A workshop's generated cover tile (colour of its channel, icon of its topic): decoration, hidden from screen readers. */
export function WorkshopCover({
  workshop,
  size = 56,
}: {
  workshop: { title: string; format: string; channels: { slug: string; name: string }[] };
  size?: number;
}) {
  const cover = coverOf(workshop);
  const Icon = icons[cover.icon];
  return (
    <div className="workshop-cover" aria-hidden="true" style={{ width: size, height: size, background: coverBackground(cover.hue) }}>
      <Icon size={Math.round(size * 0.5)} stroke={1.6} color="white" />
    </div>
  );
}
