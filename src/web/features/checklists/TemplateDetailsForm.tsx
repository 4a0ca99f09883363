import { Button, Group, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type CreateTemplateBody,
  createTemplateBody,
  formatLabels,
  type WorkshopFormat,
  workshopFormats,
} from '../../../contracts/index.js';
import { contractValidator, errorMessage, serverFieldErrors } from '../../lib/forms';

type Values = { name: string; description: string; formats: WorkshopFormat[] };

type Props = {
  initial?: Values;
  submitLabel: string;
  busy: boolean;
  onSubmit: (body: CreateTemplateBody, fail: (err: unknown) => void) => void;
  onCancel: () => void;
};

const formatOptions = workshopFormats.map((f) => ({ value: f, label: formatLabels[f] }));
const validateTemplate = contractValidator(createTemplateBody);

/** Name, description and the formats a template is suggested for: creating one, or editing it. */
export function TemplateDetailsForm({ initial, submitLabel, busy, onSubmit, onCancel }: Props) {
  const form = useForm<Values>({
    initialValues: initial ?? { name: '', description: '', formats: [] },
    validate: validateTemplate,
    // A message stays until the next try, as the server's would.
    clearInputErrorOnChange: false,
  });
  const errors = form.errors;

  const submit = form.onSubmit((values) =>
    onSubmit(createTemplateBody.parse(values), (err) => {
      const fields = serverFieldErrors(err);
      form.setErrors(Object.keys(fields).length > 0 ? fields : { _form: errorMessage(err) });
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" placeholder="Pairing session" withAsterisk maxLength={120} {...form.getInputProps('name')} data-autofocus />
        <Textarea
          label="Description"
          description="One or two sentences: what kind of workshop it is for."
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('description')}
        />
        <MultiSelect
          label="Suggested for these formats"
          description="Hosts of workshops in these formats see it first, marked “Suggested”."
          data={formatOptions}
          {...form.getInputProps('formats')}
          clearable
        />
        {errors._form && (
          <Text c="red.9" fz="sm" role="alert">
            {errors._form}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
