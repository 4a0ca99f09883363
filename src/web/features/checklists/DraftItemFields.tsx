import { ActionIcon, Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { checklistPhases, describeOffset, phaseLabels } from '../../../contracts/index.js';
import type { FieldErrors } from '../../lib/forms';
import type { DraftRow } from './draftModel';
import { whenOrder } from './progress';

const phaseOptions = checklistPhases.map((p) => ({ value: p, label: phaseLabels[p] }));
const whenOptions = whenOrder.map((w) => ({ value: w, label: w[0]?.toUpperCase() + w.slice(1) }));

type Props = { row: DraftRow; errors: FieldErrors; onChange: (patch: Partial<DraftRow>) => void };

/** Every field of one draft item; errors sit next to the field they are about. */
export function DraftItemFields({ row, errors, onChange }: Props) {
  const offset = row.offsetDays === 0 ? 'On the day of' : describeOffset(row.offsetDays);
  const whenId = `when-${row.uid}`;
  return (
    <Stack gap="sm">
      <Textarea
        label="Item"
        description="A short yes/no statement where “yes” is the good answer."
        withAsterisk
        autosize
        minRows={2}
        maxLength={300}
        value={row.text}
        onChange={(e) => onChange({ text: e.currentTarget.value })}
        error={errors.text}
        data-autofocus
      />
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label="Phase"
          data={phaseOptions}
          value={row.phase}
          allowDeselect={false}
          onChange={(v) => v && onChange({ phase: v as DraftRow['phase'] })}
          error={errors.phase}
          w={180}
        />
        <div>
          <Text fz="sm" fw={500} mb={4} id={whenId}>
            When
          </Text>
          <SegmentedControl
            aria-labelledby={whenId}
            data={whenOptions}
            value={row.when}
            onChange={(v) => onChange({ when: v as DraftRow['when'] })}
          />
        </div>
        <NumberInput
          label="Suggested timing (days)"
          description={offset ? `${offset} the next session` : 'Empty: no suggested time. −21 is 3 weeks before.'}
          value={row.offsetDays ?? ''}
          onChange={(v) => onChange({ offsetDays: typeof v === 'number' ? v : null })}
          allowDecimal={false}
          min={-365}
          max={365}
          error={errors.offsetDays}
          w={220}
        />
      </Group>
      <Textarea
        label="Guidance"
        description="Markdown: why it matters, how to do it, an example. Hosts open it with “Why and how”."
        autosize
        minRows={3}
        maxRows={12}
        maxLength={4000}
        value={row.guidance}
        onChange={(e) => onChange({ guidance: e.currentTarget.value })}
        error={errors.guidance}
      />
      <LinksField row={row} errors={errors} onChange={onChange} />
    </Stack>
  );
}

function LinksField({ row, errors, onChange }: Props) {
  const set = (links: DraftRow['links']) => onChange({ links });
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fz="sm" fw={500} p={0}>
        Links
      </Text>
      <Stack gap="xs" mt={4}>
        {row.links.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a small controlled list, identified by position
          <Group key={i} gap="xs" wrap="wrap" align="flex-start">
            <TextInput
              style={{ flex: '1 1 10rem' }}
              aria-label={`Link ${i + 1} title`}
              placeholder="Title"
              value={l.title}
              onChange={(e) => set(row.links.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)))}
              error={errors[`links.${i}.title`]}
            />
            <TextInput
              style={{ flex: '2 1 14rem' }}
              aria-label={`Link ${i + 1} address`}
              placeholder="https://…"
              type="url"
              value={l.url}
              onChange={(e) => set(row.links.map((x, j) => (j === i ? { ...x, url: e.currentTarget.value } : x)))}
              error={errors[`links.${i}.url`]}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove link ${i + 1}`}
              onClick={() => set(row.links.filter((_, j) => j !== i))}
            >
              <IconTrash size={18} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          disabled={row.links.length >= 10}
          onClick={() => set([...row.links, { title: '', url: '' }])}
        >
          Add a link
        </Button>
      </Stack>
    </fieldset>
  );
}
