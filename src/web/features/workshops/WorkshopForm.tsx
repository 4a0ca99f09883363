import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Group,
  NumberInput,
  Select,
  Stack,
  Tabs,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconAlertTriangle, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { defaultDurationMinutes, formatLabels, type WorkshopFormat, workshopFormats } from '../../../contracts/index.js';
import { Markdown } from '../../components/Markdown';
import { errorMessage, serverFieldErrors } from '../../lib/forms';
import { formatDuration } from '../../lib/time';
import { useTags } from '../tags/hooks';
import { MaterialsField, ObjectivesField } from './ListFields';
import { basicFields, remapErrors, type Validated, type WorkshopFormValues } from './workshopFormModel';

type Props<T> = {
  initialValues: WorkshopFormValues;
  validate: (v: WorkshopFormValues) => Validated<T>;
  onSubmit: (body: T) => Promise<unknown>;
  submitLabel: string;
  onCancel: () => void;
  detailsOpen?: boolean;
};

const formatOptions = workshopFormats.map((f) => ({ value: f, label: formatLabels[f] }));

export function WorkshopForm<T>({ initialValues, validate, onSubmit, submitLabel, onCancel, detailsOpen = false }: Props<T>) {
  const form = useForm<WorkshopFormValues>({
    initialValues,
    validate: (values) => {
      const result = validate(values);
      return result.ok ? {} : result.errors;
    },
  });
  const [open, setOpen] = useState(detailsOpen);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const tags = useTags();
  const format = form.values.format as WorkshopFormat | null;

  /** Opens the details when a field there needs attention. */
  const revealErrors = (errors: Record<string, unknown>) => {
    if (Object.keys(errors).some((k) => !(basicFields as readonly string[]).includes(k))) setOpen(true);
  };

  const handleSubmit = form.onSubmit(
    async (values) => {
      setFormError(null);
      const result = validate(values);
      if (!result.ok) return;
      setSubmitting(true);
      try {
        await onSubmit(result.body);
      } catch (err) {
        const errors = remapErrors(serverFieldErrors(err), result.index);
        form.setErrors(errors);
        revealErrors(errors);
        setFormError(errorMessage(err));
      } finally {
        setSubmitting(false);
      }
    },
    (errors) => {
      revealErrors(errors);
      setFormError('Some fields need attention: see the messages next to them.');
    },
  );

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <TextInput label="Title" placeholder="e.g. Debugging Kafka consumer lag" withAsterisk {...form.getInputProps('title')} />
        <TextInput
          label="Summary"
          description="One line: what people get out of it. It shows on every catalog card."
          placeholder="Find out why your consumers fall behind and fix it in an afternoon"
          withAsterisk
          {...form.getInputProps('summary')}
        />
        <Select
          label="Format"
          placeholder="Pick a format"
          data={formatOptions}
          withAsterisk
          allowDeselect={false}
          description={
            format
              ? `Sessions default to ${formatDuration(defaultDurationMinutes[format])} for a ${formatLabels[format].toLowerCase()}.`
              : undefined
          }
          {...form.getInputProps('format')}
        />

        <Group gap="xs" wrap="wrap">
          <Button
            variant="light"
            w="fit-content"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls="more-details"
            rightSection={open ? <IconChevronUp size={16} aria-hidden="true" /> : <IconChevronDown size={16} aria-hidden="true" />}
          >
            {open ? 'Fewer details' : 'More details'}
          </Button>
          {!open && (
            <Text fz="sm" c="dimmed">
              Description, duration, tags, audience, objectives, prerequisites, materials
            </Text>
          )}
        </Group>
        <Collapse expanded={open} id="more-details">
          <Stack gap="md">
            <DescriptionField form={form} />
            <NumberInput
              label="Duration in minutes"
              description="How long one session usually takes."
              placeholder={format ? `${defaultDurationMinutes[format]} (the default for this format)` : 'e.g. 60'}
              min={5}
              max={1440}
              clampBehavior="none"
              step={15}
              allowDecimal={false}
              w={{ base: '100%', xs: 260 }}
              {...form.getInputProps('durationMinutes')}
            />
            <Checkbox
              label="The sessions form a series"
              description="People register once for all parts, and wait for all of them together when one is full."
              {...form.getInputProps('isSeries', { type: 'checkbox' })}
            />
            <TagsInput
              label="Tags"
              description="Press Enter after each tag. People filter the catalog by them."
              placeholder="kafka, observability…"
              data={(tags.data?.items ?? []).map((t) => t.tag)}
              maxTags={20}
              clearable
              {...form.getInputProps('tags')}
            />
            <Textarea
              label="Audience"
              description="Who is it for?"
              placeholder="Backend engineers who run Kafka consumers in production"
              autosize
              minRows={2}
              {...form.getInputProps('audience')}
            />
            <ObjectivesField form={form} />
            <Textarea
              label="Prerequisites"
              placeholder="A laptop with Docker; basic Kafka vocabulary"
              autosize
              minRows={2}
              {...form.getInputProps('prerequisites')}
            />
            <MaterialsField form={form} />
          </Stack>
        </Collapse>

        {formError && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DescriptionField({ form }: { form: UseFormReturnType<WorkshopFormValues> }) {
  const [tab, setTab] = useState<string | null>('write');
  return (
    <Tabs value={tab} onChange={setTab} variant="outline">
      <Tabs.List aria-label="Editor view">
        <Tabs.Tab value="write">Write</Tabs.Tab>
        <Tabs.Tab value="preview">Preview</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          label="Description"
          description="Markdown: **bold**, lists, `code`, [links](https://…). No HTML."
          autosize
          minRows={6}
          maxRows={24}
          {...form.getInputProps('description')}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        {form.values.description.trim() ? <Markdown>{form.values.description}</Markdown> : <em>Nothing to preview yet.</em>}
      </Tabs.Panel>
    </Tabs>
  );
}
