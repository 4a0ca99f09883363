import { Button, Group, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  type CreateTemplateBody,
  createTemplateBody,
  formatLabels,
  type WorkshopFormat,
  workshopFormats,
} from '../../../contracts/index.js';
import { errorMessage, type FieldErrors, serverFieldErrors, zodFieldErrors } from '../../lib/forms';

type Values = { name: string; description: string; formats: WorkshopFormat[] };

type Props = {
  initial?: Values;
  submitLabel: string;
  busy: boolean;
  onSubmit: (body: CreateTemplateBody, fail: (err: unknown) => void) => void;
  onCancel: () => void;
};

const formatOptions = workshopFormats.map((f) => ({ value: f, label: formatLabels[f] }));

/** Name, description and the formats a template is suggested for: creating one, or editing it. */
export function TemplateDetailsForm({ initial, submitLabel, busy, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Values>(initial ?? { name: '', description: '', formats: [] });
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = createTemplateBody.safeParse(values);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    onSubmit(parsed.data, (err) => {
      const fields = serverFieldErrors(err);
      setErrors(Object.keys(fields).length > 0 ? fields : { _form: errorMessage(err) });
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          placeholder="Pairing session"
          withAsterisk
          maxLength={120}
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        <Textarea
          label="Description"
          description="One or two sentences: what kind of workshop it is for."
          autosize
          minRows={2}
          maxLength={2000}
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.currentTarget.value })}
          error={errors.description}
        />
        <MultiSelect
          label="Suggested for these formats"
          description="Hosts of workshops in these formats see it first, marked “Suggested”."
          data={formatOptions}
          value={values.formats}
          onChange={(v) => setValues({ ...values, formats: v as WorkshopFormat[] })}
          error={errors.formats}
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
