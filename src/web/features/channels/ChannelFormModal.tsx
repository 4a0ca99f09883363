import { Button, Checkbox, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Channel, createChannelBody } from '../../../contracts/index.js';
import { type FieldErrors, notifySuccess, serverFieldErrors, zodFieldErrors } from '../../lib/forms';
import { useSaveChannel } from './hooks';

type Props = {
  /** Null: a new channel (admins). */
  channel: Channel | null;
  opened: boolean;
  onClose: () => void;
  onSaved?: (c: Channel) => void;
};

/** Slug from a name: "Data Engineering" → "data-engineering". */
const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

/** Name and description of a channel; a new one also gets its address (slug), which never changes. */
export function ChannelFormModal({ channel, opened, onClose, onSaved }: Props) {
  const [name, setName] = useState(channel?.name ?? '');
  const [slug, setSlug] = useState(channel?.slug ?? '');
  const [slugTouched, setSlugTouched] = useState(false);
  const [description, setDescription] = useState(channel?.description ?? '');
  // Write-only: the address is a secret, so it is never shown again; empty keeps the current one.
  const [slackUrl, setSlackUrl] = useState('');
  const [disconnect, setDisconnect] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useSaveChannel(channel?.slug ?? null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = { slug: channel ? channel.slug : slug, name, description };
    const parsed = createChannelBody.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const slack = disconnect ? { slackWebhookUrl: null } : slackUrl.trim() ? { slackWebhookUrl: slackUrl.trim() } : {};
    const payload = channel ? { name: parsed.data.name, description: parsed.data.description, ...slack } : parsed.data;
    save.mutate(payload, {
      onSuccess: (c) => {
        notifySuccess(channel ? 'Your changes are saved.' : `${c.name} is ready: add workshops to it from their pages.`);
        onSaved?.(c);
        onClose();
      },
      onError: (err) => setErrors({ _form: 'Could not save the channel.', ...serverFieldErrors(err) }),
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={channel ? `Edit ${channel.name}` : 'New channel'} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Name"
            required
            value={name}
            maxLength={80}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setName(v);
              if (!channel && !slugTouched) setSlug(slugify(v));
            }}
            error={errors.name}
          />
          {!channel && (
            <TextInput
              label="Address"
              description={`/channels/${slug || '…'} — it cannot change later.`}
              required
              value={slug}
              maxLength={80}
              onChange={(e) => {
                setSlugTouched(true);
                setSlug(e.currentTarget.value);
              }}
              error={errors.slug}
            />
          )}
          <Textarea
            label="What it is about"
            value={description}
            maxLength={2000}
            autosize
            minRows={2}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description ?? (channel ? undefined : errors._form)}
          />
          {channel && (
            <Stack gap={6}>
              <TextInput
                label="Slack incoming webhook"
                description={
                  channel.slackConnected
                    ? 'Connected: new sessions are announced in Slack. Paste another address to change the Slack channel.'
                    : 'Paste a Slack incoming-webhook address to announce new sessions of this channel there.'
                }
                placeholder="https://hooks.slack.com/services/…"
                value={slackUrl}
                disabled={disconnect}
                onChange={(e) => setSlackUrl(e.currentTarget.value)}
                error={errors.slackWebhookUrl ?? errors._form}
              />
              {channel.slackConnected && (
                <Checkbox label="Stop announcing in Slack" checked={disconnect} onChange={(e) => setDisconnect(e.currentTarget.checked)} />
              )}
            </Stack>
          )}

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {channel ? 'Save changes' : 'Create channel'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
