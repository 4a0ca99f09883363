import { Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { WorkshopRequest } from '../../../contracts/index.js';
import { errorMessage, notifySuccess } from '../../lib/forms';
import { useMe } from '../auth/hooks';
import { useWorkshops } from '../workshops/hooks';
import { useAnswerRequest } from './hooks';

/** The claimer picks, among the workshops they host, the one that answers the request. */
export function LinkWorkshopModal({ request, onClose }: { request: WorkshopRequest | null; onClose: () => void }) {
  const me = useMe();
  const mine = useWorkshops({ hostId: me.data?.id }, request !== null && Boolean(me.data));
  const answer = useAnswerRequest();
  const [workshopId, setWorkshopId] = useState<string | null>(null);
  const options = (mine.data?.pages.flatMap((p) => p.items) ?? []).map((w) => ({
    value: w.id,
    label: w.status === 'draft' ? `${w.title} (draft)` : w.title,
  }));

  const close = () => {
    setWorkshopId(null);
    answer.reset();
    onClose();
  };
  const submit = () => {
    if (!request || !workshopId) return;
    answer.mutate(
      { id: request.id, workshopId },
      {
        onSuccess: () => {
          notifySuccess('Everyone who voted for it can find it now.', 'Workshop linked');
          close();
        },
      },
    );
  };

  return (
    <Modal opened={request !== null} onClose={close} title="Link the workshop that answers it" centered>
      <Stack>
        <Text fz="sm">“{request?.title}”</Text>
        <Select
          label="Your workshop"
          placeholder={mine.isPending ? 'Loading your workshops…' : 'Choose one you host'}
          data={options}
          value={workshopId}
          onChange={setWorkshopId}
          searchable
          nothingFoundMessage="No workshop with that name"
          error={answer.isError ? errorMessage(answer.error) : undefined}
        />
        {mine.isSuccess && options.length === 0 && (
          <Text fz="sm" c="dimmed">
            You host no workshops yet.{' '}
            <Anchor component={Link} to={`/workshops/new?title=${encodeURIComponent(request?.title ?? '')}`} fz="sm">
              Create one for this request
            </Anchor>
            , then come back to link it.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Not now
          </Button>
          <Button onClick={submit} disabled={!workshopId} loading={answer.isPending}>
            Link workshop
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
