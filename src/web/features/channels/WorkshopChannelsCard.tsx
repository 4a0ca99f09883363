import { Button, Card, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Workshop } from '../../../contracts/index.js';
import { errorMessage, notifySuccess } from '../../lib/forms';
import { ChannelChips } from './ChannelChips';
import { useChannelOptions, useSetWorkshopChannels } from './hooks';

const MAX_CHANNELS = 5;

/** The workshop's channels; its hosts choose them here (where followers of those channels will see it). */
export function WorkshopChannelsCard({ workshop: w }: { workshop: Workshop }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="h4" mb="sm">
        Channels
      </Title>
      {w.channels.length > 0 ? (
        <ChannelChips channels={w.channels} size="md" />
      ) : (
        <Text fz="sm" c="dimmed">
          {w.canEdit ? 'In no channel yet: add one so its followers see this workshop.' : 'In no channel yet.'}
        </Text>
      )}
      {w.canEdit &&
        (editing ? (
          <ChannelPicker workshop={w} onDone={() => setEditing(false)} />
        ) : (
          <Button variant="light" size="xs" mt="sm" onClick={() => setEditing(true)}>
            Choose channels
          </Button>
        ))}
    </Card>
  );
}

function ChannelPicker({ workshop: w, onDone }: { workshop: Workshop; onDone: () => void }) {
  const options = useChannelOptions();
  const save = useSetWorkshopChannels(w.id);
  const [value, setValue] = useState(w.channels.map((c) => c.slug));
  const data = (options.data?.items ?? []).map((c) => ({ value: c.slug, label: c.name }));
  return (
    <Stack gap="xs" mt="sm">
      <MultiSelect
        label={`Put it in up to ${MAX_CHANNELS} channels`}
        description="Followers of these channels get it recommended."
        placeholder={options.isPending ? 'Loading channels…' : value.length === 0 ? 'Pick channels' : undefined}
        data={data}
        value={value}
        onChange={setValue}
        maxValues={MAX_CHANNELS}
        searchable
        clearable
        nothingFoundMessage="No channel with that name"
        error={save.isError ? errorMessage(save.error) : options.isError ? 'Channels could not load. Try again later.' : undefined}
      />
      <Stack gap={6}>
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() =>
            save.mutate(value, {
              onSuccess: () => {
                notifySuccess('Followers of those channels will see it.', 'Channels saved');
                onDone();
              },
            })
          }
        >
          Save channels
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Stack>
    </Stack>
  );
}
