import { Group, Input, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';

type Scale = { min: number; max: number; low: string; high: string };

type Props = {
  /** The field's id: its label is `${id}-label`, its error `${id}-error`. */
  id: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  scale: Scale;
  value: number | null;
  onChange: (value: number) => void;
  error?: React.ReactNode;
  required?: boolean;
};

/**
 * A 1–5 (or 0–10) scale as one row of native radio buttons (a labelled radiogroup: Tab reaches it
 * once, the arrow keys choose), big enough to tap on a phone. Nothing is chosen until the person
 * chooses; the ends carry words ("Poor … Excellent"), shown under the row and read with the number.
 */
export function ScaleField({ id, label, description, scale, value, onChange, error, required }: Props) {
  const data = [];
  for (let n = scale.min; n <= scale.max; n++) {
    const word = n === scale.min ? scale.low : n === scale.max ? scale.high : null;
    data.push({
      value: String(n),
      label: (
        <>
          {n}
          {word && <VisuallyHidden>, {word}</VisuallyHidden>}
        </>
      ),
    });
  }
  const describedBy = [error ? `${id}-error` : null, description ? `${id}-description` : null].filter(Boolean).join(' ');
  return (
    <Input.Wrapper id={id} label={label} labelElement="div" description={description} error={error} required={required}>
      <SegmentedControl
        id={`${id}-scale`}
        data={data}
        // '' is no option: nothing is highlighted until a choice is made.
        value={value === null ? '' : String(value)}
        onChange={(v) => onChange(Number(v))}
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        fullWidth
        size="md"
        mt={6}
        withItemsBorders
        color="lyceum"
        styles={{ root: error ? { outline: '1px solid var(--mantine-color-error)' } : undefined }}
      />
      <Group justify="space-between" mt={4} mb={error ? 4 : 0} aria-hidden="true">
        <Text fz="xs" c="dimmed">
          {scale.min} · {scale.low}
        </Text>
        <Text fz="xs" c="dimmed">
          {scale.high} · {scale.max}
        </Text>
      </Group>
    </Input.Wrapper>
  );
}
