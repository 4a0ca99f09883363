import { Button, Card, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { createRequestBody } from '../../../contracts/index.js';
import { contractValidator, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { useCreateRequest } from './hooks';

const validateRequest = contractValidator(createRequestBody);

/** "I'd like a workshop on …": a title is enough; your own vote comes with it. */
export function RequestForm({ initialTitle = '' }: { initialTitle?: string }) {
  const form = useForm({ initialValues: { title: initialTitle, description: '' }, validate: validateRequest });
  const errors = form.errors;
  const create = useCreateRequest();

  const submit = form.onSubmit((values) => {
    create.mutate(createRequestBody.parse(values), {
      onSuccess: () => {
        notifySuccess('Colleagues can upvote it now, and a host can pick it up.', 'Request posted');
        form.setValues({ title: '', description: '' });
      },
      onError: (err) => form.setErrors({ _form: 'Could not post the request. Try again.', ...serverFieldErrors(err) }),
    });
  });

  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="ask-title" noValidate>
      <Stack gap="sm">
        <Title order={2} fz="h4" id="ask-title">
          I’d like a workshop on…
        </Title>
        <TextInput label="Topic" placeholder="e.g. Profiling Go services" {...form.getInputProps('title')} maxLength={160} required />
        <Textarea
          label="What would you like to learn? (optional)"
          placeholder="Your situation, what you tried, what a good session would give you."
          {...form.getInputProps('description')}
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
