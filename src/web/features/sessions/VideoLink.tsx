import { Anchor, Group, Text } from '@mantine/core';
import { IconVideo } from '@tabler/icons-react';
import { type Session, videoLinkStatuses } from '../../../contracts/index.js';

/**
 * The way into an online or hybrid session. The server sends the link only to people with a
 * confirmed seat, the hosts and admins; everyone else learns where it will appear, but only when
 * there is one (`hasVideoLink`): a session without a link, such as an in-person one, shows nothing.
 */
export function VideoLink({ session: s, canEdit = false }: { session: Session; canEdit?: boolean }) {
  if (s.videoUrl) {
    return (
      <Anchor href={s.videoUrl} target="_blank" rel="noopener noreferrer" fz="sm">
        <Group gap={4} wrap="nowrap" component="span">
          <IconVideo size={16} aria-hidden="true" /> Video link
        </Group>
      </Anchor>
    );
  }
  const seated = s.myRegistration !== null && videoLinkStatuses.includes(s.myRegistration.status);
  // Hosts and seat holders are sent the link itself; a seat just taken may precede the refetch that brings it.
  if (!s.hasVideoLink || canEdit || seated) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <IconVideo size={16} aria-hidden="true" />
      <Text fz="sm" c="gray.7">
        The video link appears here once you have a seat
      </Text>
    </Group>
  );
}
