import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { messageBody } from '../../../contracts/index.js';
import { ErrorNotice } from '../../components/States';
import { contractValidator, errorMessage, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { useSendMessage, useSessionMessages } from './hooks';

const validateMessage = contractValidator(messageBody);

/** Write to everyone with a seat: the message goes out by email (and their chosen channels) at once. */
export function MessagesSection({ sessionId }: { sessionId: string }) {
  const zone = useViewerZone();
  const messages = useSessionMessages(sessionId);
  const send = useSendMessage(sessionId);
  const form = useForm({ initialValues: { subject: '', body: '' }, validate: validateMessage });
  const errors = form.errors;

  const submit = form.onSubmit((values) => {
    send.mutate(messageBody.parse(values), {
      onSuccess: () => {
        form.reset();
        notifySuccess('It is on its way to everyone with a seat.', 'Message sent');
      },
      onError: (err) => {
        const fields = serverFieldErrors(err);
        form.setErrors(Object.keys(fields).length > 0 ? fields : { _form: errorMessage(err) });
      },
    });
  });

  const items = messages.data?.items ?? [];
  return (
    <section aria-labelledby="messages">
      <Title order={2} fz="h3" id="messages" mb="xs">
        Message attendees
      </Title>
      <Card withBorder padding="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
              Everyone with a seat gets this by email, in the way each of them chose to be told.
            </Alert>
            <TextInput
              label="Subject"
              placeholder="Room change: we moved to Turing (4th floor)"
              maxLength={200}
              {...form.getInputProps('subject')}
            />
            <Textarea label="Message" autosize minRows={3} maxRows={10} {...form.getInputProps('body')} />
            {errors._form && (
              <Text c="red.9" fz="sm" role="alert">
                {errors._form}
              </Text>
            )}
            <Group>
              <Button type="submit" loading={send.isPending} leftSection={<IconSend size={16} aria-hidden="true" />}>
                Send message
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {messages.isError && (
        <ErrorNotice error={messages.error} onRetry={() => void messages.refetch()} title="Sent messages could not load" />
      )}
      {items.length > 0 && (
        <Stack gap="xs" mt="md" component="ul" p={0} style={{ listStyle: 'none' }} aria-label="Sent messages">
          {items.map((m) => (
            <Card key={m.id} withBorder padding="sm" component="li">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600}>{m.subject}</Text>
                <Badge variant="light" color={m.delivered ? 'teal' : 'gray'} tt="none">
                  {m.delivered ? 'Sent' : 'Sending'}
                </Badge>
              </Group>
              <Text fz="xs" c="dimmed">
                {m.author.name}, {formatDateTime(m.createdAt, zone)}
              </Text>
              <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {m.body}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
