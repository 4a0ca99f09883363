import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { PersonRef } from '../../../contracts/index.js';
import { errorMessage, notifySuccess } from '../../lib/forms';
import { useWorkshops } from '../workshops/hooks';
import { useSuggestWorkshop } from './hooks';

/** The manager picks a published workshop (searched in the catalog) and may add a note; the report decides. */
export function SuggestWorkshopModal({ person, onClose }: { person: PersonRef | null; onClose: () => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const workshops = useWorkshops({ q: q || undefined, status: 'published' }, person !== null);
  const suggest = useSuggestWorkshop();
  const [workshopId, setWorkshopId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const options = (workshops.data?.pages.flatMap((p) => p.items) ?? []).map((w) => ({ value: w.id, label: w.title }));

  const close = () => {
    setWorkshopId(null);
    setNote('');
    setSearch('');
    suggest.reset();
    onClose();
  };
  const submit = () => {
    if (!person || !workshopId) return;
    suggest.mutate(
      { personId: person.id, workshopId, note: note.trim() || undefined },
      {
        onSuccess: (s) => {
          notifySuccess(`${s.person.name} will hear of it and decides for themselves.`, 'Suggestion sent');
          close();
        },
      },
    );
  };

  return (
    <Modal opened={person !== null} onClose={close} title={`Suggest a workshop to ${person?.name ?? ''}`} centered>
      <Stack>
        <Text fz="sm" c="dimmed">
          They get a message with your note. Nothing is booked for them: they choose a session, or none.
        </Text>
        <Select
          label="Workshop"
          placeholder="Search the catalog"
          data={options}
          value={workshopId}
          onChange={setWorkshopId}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={workshops.isPending ? 'Searching…' : 'No published workshop with that name'}
          error={suggest.isError ? errorMessage(suggest.error) : undefined}
        />
        <Textarea
          label="Note (optional)"
          description="Why you think it is worth their time."
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!workshopId} loading={suggest.isPending}>
            Send suggestion
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
