import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { WorkshopFormValues } from './workshopFormModel';

type Form = UseFormReturnType<WorkshopFormValues>;

/** A fieldset whose legend looks like the other fields' labels. */
function FieldGroup({ legend, hint, children }: { legend: string; hint: string; children: React.ReactNode }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fz="sm" fw={600} p={0}>
        {legend}
      </Text>
      <Text fz="xs" c="dimmed" mb="xs">
        {hint}
      </Text>
      {children}
    </fieldset>
  );
}

export function ObjectivesField({ form }: { form: Form }) {
  const rows = form.values.objectives;
  return (
    <FieldGroup legend="Objectives" hint="Finish the sentence “After this workshop you will be able to…”, one per line.">
      <Stack gap="xs">
        {rows.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: controlled form rows are identified by position
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              style={{ flex: 1 }}
              aria-label={`Objective ${i + 1}`}
              placeholder="e.g. read a consumer-lag graph and find the slow partition"
              {...form.getInputProps(`objectives.${i}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove objective ${i + 1}`}
              onClick={() => form.removeListItem('objectives', i)}
            >
              <IconTrash size={18} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => form.insertListItem('objectives', '')}
          w="fit-content"
          disabled={rows.length >= 20}
        >
          Add an objective
        </Button>
      </Stack>
    </FieldGroup>
  );
}

export function MaterialsField({ form }: { form: Form }) {
  const rows = form.values.materials;
  return (
    <FieldGroup legend="Materials" hint="Slides, repositories, reading: a title and an http(s) link each.">
      <Stack gap="xs">
        {rows.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: controlled form rows are identified by position
          <Group key={i} gap="xs" wrap="wrap" align="flex-start">
            <TextInput
              style={{ flex: '1 1 12rem' }}
              label={`Material ${i + 1} title`}
              placeholder="Slides"
              {...form.getInputProps(`materials.${i}.title`)}
            />
            <TextInput
              style={{ flex: '2 1 16rem' }}
              label={`Material ${i + 1} link`}
              placeholder="https://…"
              type="url"
              {...form.getInputProps(`materials.${i}.url`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={`Remove material ${i + 1}`}
              onClick={() => form.removeListItem('materials', i)}
            >
              <IconTrash size={18} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => form.insertListItem('materials', { title: '', url: '' })}
          w="fit-content"
          disabled={rows.length >= 50}
        >
          Add a material
        </Button>
      </Stack>
    </FieldGroup>
  );
}
