import { Checkbox, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ScheduleValues } from './scheduleModel';

/** Seats (in person and online for hybrid sessions) and what happens when a seat frees up. */
export function SeatsFields({ form }: { form: UseFormReturnType<ScheduleValues> }) {
  const v = form.values;
  const hybrid = v.mode === 'hybrid';
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md">
        <NumberInput
          label={hybrid ? 'In-person seats' : 'Seats'}
          min={1}
          max={100000}
          allowDecimal={false}
          disabled={v.unlimitedSeats}
          w={160}
          {...form.getInputProps('seats')}
        />
        <Checkbox
          label={hybrid ? 'Unlimited in person' : 'Unlimited seats'}
          mb={8}
          {...form.getInputProps('unlimitedSeats', { type: 'checkbox' })}
        />
      </Group>
      {hybrid && (
        <Group align="flex-end" gap="md">
          <NumberInput
            label="Online seats"
            min={1}
            max={100000}
            allowDecimal={false}
            disabled={v.unlimitedOnlineSeats}
            w={160}
            {...form.getInputProps('onlineSeats')}
          />
          <Checkbox label="Unlimited online" mb={8} {...form.getInputProps('unlimitedOnlineSeats', { type: 'checkbox' })} />
        </Group>
      )}
      <Radio.Group label="When a seat frees up" description="Someone cancels and people are waiting." {...form.getInputProps('promotion')}>
        <Stack gap={8} mt={6}>
          <Radio value="auto" label="Enrol the next person on the waitlist straight away" />
          <Group gap="xs" wrap="wrap" align="center">
            <Radio value="offer" label="Offer it to the next person for" />
            <NumberInput
              aria-label="Hours to confirm an offered seat"
              min={1}
              max={168}
              allowDecimal={false}
              w={90}
              size="xs"
              disabled={v.promotion !== 'offer'}
              {...form.getInputProps('offerHours')}
            />
            <Text span fz="sm">
              hours; if they do not confirm, it passes on
            </Text>
          </Group>
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
