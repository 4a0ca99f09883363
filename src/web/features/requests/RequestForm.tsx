import { Button, Card, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { createRequestBody } from '../../../contracts/index.js';
import { type FieldErrors, notifySuccess, serverFieldErrors, zodFieldErrors } from '../../lib/forms';
import { useCreateRequest } from './hooks';

/** "I'd like a workshop on …": a title is enough; your own vote comes with it. */
export function RequestForm({ initialTitle = '' }: { initialTitle?: string }) {
  const [title, setTitle] = useState(initialTitle);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateRequest();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = createRequestBody.safeParse({ title, description });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: () => {
        notifySuccess('Colleagues can upvote it now, and a host can pick it up.', 'Request posted');
        setTitle('');
        setDescription('');
      },
      onError: (err) => setErrors({ _form: 'Could not post the request. Try again.', ...serverFieldErrors(err) }),
    });
  };

  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="ask-title" noValidate>
      <Stack gap="sm">
        <Title order={2} fz="h4" id="ask-title">
          I’d like a workshop on…
        </Title>
        <TextInput
          label="Topic"
          placeholder="e.g. Profiling Go services"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          maxLength={160}
          required
        />
        <Textarea
          label="What would you like to learn? (optional)"
          placeholder="Your situation, what you tried, what a good session would give you."
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description ?? errors._form}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={4000}
        />
        <Button type="submit" loading={create.isPending} w="fit-content">
          Post the request
        </Button>
      </Stack>
    </Card>
  );
}
