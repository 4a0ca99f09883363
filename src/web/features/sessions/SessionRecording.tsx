import { ActionIcon, Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconFileText, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Session, type SessionMaterial, sessionsApi } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../lib/forms';
import { catalogKeys, searchKeys } from '../search/hooks';
import { workshopKeys } from '../workshops/hooks';

const MAX_MATERIALS = 20;

/** The recording and what was shared, under a past session; its hosts add or change them. */
export function SessionRecording({ session: s, canEdit }: { session: Session; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const has = s.recordingUrl !== null || s.materials.length > 0;
  if (!has && !canEdit) return null;
  return (
    <Group gap="md" wrap="wrap">
      {s.recordingUrl && (
        <Anchor href={s.recordingUrl} target="_blank" rel="noopener noreferrer" fz="sm" fw={600}>
          <Group gap={4} wrap="nowrap" component="span">
            <IconPlayerPlay size={16} aria-hidden="true" /> Watch the recording
          </Group>
        </Anchor>
      )}
      {s.materials.map((m) => (
        <Anchor key={`${m.title} ${m.url}`} href={m.url} target="_blank" rel="noopener noreferrer" fz="sm">
          <Group gap={4} wrap="nowrap" component="span">
            <IconFileText size={16} aria-hidden="true" /> {m.title}
          </Group>
        </Anchor>
      ))}
      {canEdit && (
        <Button variant="light" size="xs" onClick={() => setEditing(true)}>
          {has ? 'Edit recording and materials' : 'Add recording or materials'}
        </Button>
      )}
      {canEdit && editing && <RecordingModal session={s} onClose={() => setEditing(false)} />}
    </Group>
  );
}

function useSaveRecording(session: Session) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { recordingUrl: string | null; materials: SessionMaterial[] }) =>
      call(sessionsApi.update, { params: { id: session.id }, body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: workshopKeys.all });
      void qc.invalidateQueries({ queryKey: catalogKeys.all });
      void qc.invalidateQueries({ queryKey: searchKeys.all });
    },
  });
}

function RecordingModal({ session: s, onClose }: { session: Session; onClose: () => void }) {
  const [recordingUrl, setRecordingUrl] = useState(s.recordingUrl ?? '');
  const [materials, setMaterials] = useState<SessionMaterial[]>(s.materials.length > 0 ? s.materials : [{ title: '', url: '' }]);
  const save = useSaveRecording(s);
  const first = s.recordingUrl === null;
  const set = (i: number, change: Partial<SessionMaterial>) =>
    setMaterials((list) => list.map((m, j) => (j === i ? { ...m, ...change } : m)));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const kept = materials.map((m) => ({ title: m.title.trim(), url: m.url.trim() })).filter((m) => m.title || m.url);
    save.mutate(
      { recordingUrl: recordingUrl.trim() || null, materials: kept },
      {
        onSuccess: () => {
          notifySuccess(first && recordingUrl.trim() ? 'Saved. Everyone who registered, waited or asked to hear of it is told.' : 'Saved.');
          onClose();
        },
        onError: (err) => notifyError(err, 'Not saved'),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Recording and materials" size="lg">
      <form onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label="Recording link"
            description="Where people watch it (https://…). Leave empty if there is none."
            placeholder="https://video.example.com/…"
            value={recordingUrl}
            onChange={(e) => setRecordingUrl(e.currentTarget.value)}
            type="url"
          />
          <Stack gap="xs">
            <Text fw={600} fz="sm">
              Materials
            </Text>
            {materials.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place while being typed
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={`Title ${i + 1}`}
                  placeholder="Slides"
                  value={m.title}
                  onChange={(e) => set(i, { title: e.currentTarget.value })}
                  style={{ flex: '1 1 40%' }}
                />
                <TextInput
                  label={`Link ${i + 1}`}
                  placeholder="https://…"
                  value={m.url}
                  onChange={(e) => set(i, { url: e.currentTarget.value })}
                  type="url"
                  style={{ flex: '1 1 60%' }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`Remove material ${i + 1}`}
                  onClick={() => setMaterials((list) => list.filter((_, j) => j !== i))}
                >
                  <IconTrash size={18} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                disabled={materials.length >= MAX_MATERIALS}
                onClick={() => setMaterials((list) => [...list, { title: '', url: '' }])}
              >
                Add a material
              </Button>
            </Group>
          </Stack>
          {first && (
            <Text fz="sm" c="dimmed">
              When you first add a recording, the people who registered (whether they came or not), who waited for a seat and who asked to
              hear when it runs again get a message with the link.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
