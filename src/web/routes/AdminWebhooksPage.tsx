import { Alert, Badge, Button, Card, Checkbox, Code, CopyButton, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconCheck, IconCopy, IconPlus, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { type CreatedWebhook, type CreateWebhookBody, createWebhookBody, type WebhookSubscription } from '../../contracts/index.js';
import { AdminOnly } from '../components/AdminOnly';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { EducationHeader } from '../features/education/EducationHeader';
import { useCreateWebhook, useDeleteWebhook, useUpdateWebhook, useWebhookDeliveries, useWebhooks } from '../features/notifications/hooks';
import { contractValidator, notifyError, serverFieldErrors } from '../lib/forms';
import { formatDateTime } from '../lib/time';

const EVENTS = [
  { value: 'registration.created', label: 'Someone registered (seat or waitlist)' },
  { value: 'registration.cancelled', label: 'A registration was cancelled' },
  { value: 'registration.promoted', label: 'Someone moved up from the waitlist' },
  { value: 'session.updated', label: 'A session changed time, place or link' },
  { value: 'session.cancelled', label: 'A session was cancelled' },
  { value: 'attendance.recorded', label: 'Someone checked in' },
] as const;

export function AdminWebhooksPage() {
  useDocumentTitle('Webhooks · Lyceum');
  return (
    <AdminOnly>
      <Webhooks />
    </AdminOnly>
  );
}

/** Integrators' subscriptions: URL, events, on/off, and each one's recent deliveries. */
function Webhooks() {
  const webhooks = useWebhooks();
  const [adding, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const items = webhooks.data?.items ?? [];
  return (
    <Stack gap="md">
      <EducationHeader
        title="Webhooks"
        description="Lyceum posts registration, session and attendance events to these addresses, signed, with retries."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={open}>
            Add a webhook
          </Button>
        }
      />
      {webhooks.isPending && <ListSkeleton count={2} height={120} />}
      {webhooks.isError && <ErrorNotice error={webhooks.error} onRetry={() => void webhooks.refetch()} />}
      {webhooks.isSuccess && items.length === 0 && (
        <Empty
          icon={<IconWebhook size={32} aria-hidden="true" />}
          title="No webhooks yet"
          description="Connect an LMS, a data warehouse or a chat bot: choose the events it should hear of."
        >
          <Button onClick={open}>Add a webhook</Button>
        </Empty>
      )}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Webhooks">
        {items.map((w) => (
          <WebhookCard key={w.id} w={w} />
        ))}
      </Stack>
      <AddWebhookModal opened={adding} onClose={close} onCreated={setCreated} />
      <SecretModal created={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}

function WebhookCard({ w }: { w: WebhookSubscription }) {
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [showLog, setShowLog] = useState(false);
  return (
    <Card component="li" withBorder padding="md" aria-label={w.url}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {w.url}
            </Text>
            {w.description && (
              <Text fz="sm" c="dimmed">
                {w.description}
              </Text>
            )}
          </Stack>
          <Switch
            label={w.active ? 'On' : 'Paused'}
            checked={w.active}
            onChange={(e) => update.mutate({ id: w.id, active: e.currentTarget.checked }, { onError: (err) => notifyError(err) })}
          />
        </Group>
        <Group gap={6}>
          {w.events.map((e) => (
            <Badge key={e} variant="light" tt="none">
              {e}
            </Badge>
          ))}
        </Group>
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={() => setShowLog((v) => !v)} aria-expanded={showLog}>
            {showLog ? 'Hide deliveries' : 'Recent deliveries'}
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} aria-hidden="true" />}
            loading={remove.isPending}
            onClick={() => remove.mutate(w.id, { onError: (err) => notifyError(err, 'Could not remove it') })}
          >
            Remove
          </Button>
        </Group>
        {showLog && <Deliveries id={w.id} />}
      </Stack>
    </Card>
  );
}

function Deliveries({ id }: { id: string }) {
  const zone = useViewerZone();
  const log = useWebhookDeliveries(id, true);
  if (log.isPending) return <ListSkeleton count={1} height={60} />;
  if (log.isError) return <ErrorNotice error={log.error} />;
  if (log.data.items.length === 0) return <Text c="dimmed">Nothing sent yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.topic}</Table.Td>
              <Table.Td>{formatDateTime(d.createdAt, zone)}</Table.Td>
              <Table.Td>
                <Badge
                  color={d.status === 'done' ? 'teal' : d.status === 'dead' ? 'red' : 'gray'}
                  variant="light"
                  title={d.lastError ?? undefined}
                >
                  {d.status === 'done' ? 'delivered' : d.status === 'dead' ? 'failed' : 'waiting'}
                </Badge>
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type WebhookForm = { url: string; description: string; events: NonNullable<CreateWebhookBody['events']> };

const emptyWebhook = (): WebhookForm => ({ url: '', description: '', events: ['registration.created', 'registration.cancelled'] });

function AddWebhookModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (w: CreatedWebhook) => void }) {
  const create = useCreateWebhook();
  const form = useForm<WebhookForm>({ initialValues: emptyWebhook(), validate: contractValidator(createWebhookBody) });
  const submit = form.onSubmit((values) => {
    create.mutate(values, {
      onSuccess: (w) => {
        onCreated(w);
        onClose();
        form.setValues({ url: '', description: '' });
      },
      onError: (err) => form.setErrors({ _form: 'Could not add the webhook.', ...serverFieldErrors(err) }),
    });
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Add a webhook" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Address" required placeholder="https://lms.example.com/hooks/lyceum" {...form.getInputProps('url')} />
          <TextInput label="What it is for" placeholder="LMS sync" maxLength={200} {...form.getInputProps('description')} />
          <Checkbox.Group label="Events" required {...form.getInputProps('events')} error={form.errors.events ?? form.errors._form}>
            <Stack gap={6} mt={6}>
              {EVENTS.map((e) => (
                <Checkbox key={e.value} value={e.value} label={`${e.label} (${e.value})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add webhook
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The signing secret, shown once, with how receivers check it. */
function SecretModal({ created, onClose }: { created: CreatedWebhook | null; onClose: () => void }) {
  return (
    <Modal opened={created !== null} onClose={onClose} title="Webhook added" centered size="lg">
      {created && (
        <Stack>
          <Alert color="yellow" title="Copy the signing secret now">
            It is shown only this once. Receivers check each delivery with it.
          </Alert>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ flex: 1, overflowWrap: 'anywhere' }}>{created.secret}</Code>
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="light"
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text fz="sm">
            Deliveries are signed as the Standard Webhooks specification says: verify each with this secret and a Standard Webhooks library
            (<Code>{'new Webhook(secret).verify(body, headers)'}</Code>), which refuses timestamps older than five minutes. Act once per{' '}
            <Code>webhook-id</Code>: a retry repeats it.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
