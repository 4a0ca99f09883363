import { Button, Checkbox, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type Channel, createChannelBody } from '../../../contracts/index.js';
import { contractValidator, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { useSaveChannel } from './hooks';

type Props = {
  /** Null: a new channel (admins). */
  channel: Channel | null;
  opened: boolean;
  onClose: () => void;
  onSaved?: (c: Channel) => void;
};

type ChannelFormValues = {
  name: string;
  slug: string;
  description: string;
  /** Write-only: the address is a secret, so it is never shown again; empty keeps the current one. */
  slackUrl: string;
  disconnect: boolean;
};

/** Slug from a name: "Data Engineering" → "data-engineering". */
const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

const validateChannel = contractValidator(createChannelBody);

/** Name and description of a channel; a new one also gets its address (slug), which never changes. */
export function ChannelFormModal({ channel, opened, onClose, onSaved }: Props) {
  // What the contract checks: a channel as it is created (an existing one keeps its address).
  const channelOf = (v: ChannelFormValues) => ({ slug: channel ? channel.slug : v.slug, name: v.name, description: v.description });
  const form = useForm<ChannelFormValues>({
    initialValues: {
      name: channel?.name ?? '',
      slug: channel?.slug ?? '',
      description: channel?.description ?? '',
      slackUrl: '',
      disconnect: false,
    },
    validate: (v) => validateChannel(channelOf(v)),
  });
  const [slugTouched, setSlugTouched] = useState(false);
  const save = useSaveChannel();
  const errors = form.errors;

  const submit = form.onSubmit((values) => {
    const parsed = createChannelBody.parse(channelOf(values));
    const slackUrl = values.slackUrl.trim();
    const slack = values.disconnect ? { slackWebhookUrl: null } : slackUrl ? { slackWebhookUrl: slackUrl } : {};
    save.mutate(
      channel
        ? { slug: channel.slug, body: { name: parsed.name, description: parsed.description, ...slack } }
        : { slug: null, body: parsed },
      {
        onSuccess: (c) => {
          notifySuccess(channel ? 'Your changes are saved.' : `${c.name} is ready: add workshops to it from their pages.`);
          onSaved?.(c);
          onClose();
        },
        onError: (err) => form.setErrors({ _form: 'Could not save the channel.', ...serverFieldErrors(err) }),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={channel ? `Edit ${channel.name}` : 'New channel'} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Name"
            required
            value={form.values.name}
            maxLength={80}
            onChange={(e) => {
              const v = e.currentTarget.value;
              form.setFieldValue('name', v);
              if (!channel && !slugTouched) form.setFieldValue('slug', slugify(v));
            }}
            error={errors.name}
          />
          {!channel && (
            <TextInput
              label="Address"
              description={`/channels/${form.values.slug || '…'} — it cannot change later.`}
              required
              value={form.values.slug}
              maxLength={80}
              onChange={(e) => {
                setSlugTouched(true);
                form.setFieldValue('slug', e.currentTarget.value);
              }}
              error={errors.slug}
            />
          )}
          <Textarea
            label="What it is about"
            value={form.values.description}
            maxLength={2000}
            autosize
            minRows={2}
            onChange={(e) => form.setFieldValue('description', e.currentTarget.value)}
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
                value={form.values.slackUrl}
                disabled={form.values.disconnect}
                onChange={(e) => form.setFieldValue('slackUrl', e.currentTarget.value)}
                error={errors.slackWebhookUrl ?? errors._form}
              />
              {channel.slackConnected && (
                <Checkbox
                  label="Stop announcing in Slack"
                  checked={form.values.disconnect}
                  onChange={(e) => form.setFieldValue('disconnect', e.currentTarget.checked)}
                />
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
