import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';

type Props = { note: string | null; onSave: (note: string | null) => void; onClose: () => void };

/** A private note on an item ("asked Priya for a dry run on Tuesday"); an empty note removes it. */
export function NoteEditor({ note, onSave, onClose }: Props) {
  const [value, setValue] = useState(note ?? '');
  const save = () => {
    onSave(value.trim() || null);
    onClose();
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="Your note"
        description="Only the workshop's hosts and the education team see it."
        autosize
        minRows={2}
        maxRows={8}
        maxLength={2000}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter saves, Escape leaves without saving: no reaching for the mouse.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
          if (e.key === 'Escape') onClose();
        }}
        data-autofocus
        autoFocus
      />
      <Group gap="xs">
        <Button size="xs" onClick={save}>
          Save note
        </Button>
        <Button size="xs" variant="default" onClick={onClose}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
