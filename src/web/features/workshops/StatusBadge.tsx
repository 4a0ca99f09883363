import { Badge } from '@mantine/core';
import type { Workshop } from '../../../contracts/index.js';

export function WorkshopStatusBadge({ status }: { status: Workshop['status'] }) {
  return status === 'draft' ? (
    <Badge color="yellow" variant="light" title="Only hosts and admins can see a draft" style={{ flexShrink: 0 }}>
      Draft
    </Badge>
  ) : (
    <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
      Published
    </Badge>
  );
}
