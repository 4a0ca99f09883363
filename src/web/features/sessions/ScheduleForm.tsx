import { Alert, Button, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCalendar, IconClock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { modeLabels, type Person, type Session, sessionMode, type Workshop } from '../../../contracts/index.js';
import { TimeField } from '../../components/TimeField';
import { errorMessage, serverFieldErrors } from '../../lib/forms';
import { allTimeZones, DATE_FORMAT, dateInZone } from '../../lib/time';
import { useScheduleSessions } from './hooks';
import { SchedulePreview } from './SchedulePreview';
import { SeatsFields } from './SeatsFields';
import { defaultScheduleValues, mapSessionErrors, type ScheduleValues, validateSchedule } from './scheduleModel';

type Props = { workshop: Workshop; me: Person | null; viewerZone: string; onDone: (sessions: Session[]) => void; onCancel: () => void };

export function ScheduleForm({ workshop, me, viewerZone, onDone, onCancel }: Props) {
  const form = useForm<ScheduleValues>({
    initialValues: defaultScheduleValues(workshop, me, viewerZone),
    validate: (values) => {
      const result = validateSchedule(values);
      return result.ok ? {} : result.errors;
    },
  });
  const schedule = useScheduleSessions(workshop.id);
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => allTimeZones().map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);
  const v = form.values;

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      const result = validateSchedule(values);
      if (!result.ok) return;
      schedule.mutate(result.input, {
        onSuccess: onDone,
        onError: (err) => {
          form.setErrors(mapSessionErrors(serverFieldErrors(err)));
          setFormError(errorMessage(err));
        },
      });
    },
    () => setFormError('Some fields need attention: see the messages next to them.'),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <DatePickerInput
            label="Date"
            withAsterisk
            leftSection={<IconCalendar size={16} aria-hidden="true" />}
            valueFormat={DATE_FORMAT}
            minDate={dateInZone(new Date(), v.timeZone)}
            firstDayOfWeek={1}
            {...form.getInputProps('date')}
          />
          <TimeField
            label="Starts at"
            withAsterisk
            leftSection={<IconClock size={16} aria-hidden="true" />}
            {...form.getInputProps('time')}
          />
          <NumberInput
            label="Duration in minutes"
            withAsterisk
            min={5}
            max={1440}
            clampBehavior="none"
            step={15}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        <Select
          label="Time zone"
          description="The date and start time above are in this zone. Attendees see times in their own zone too."
          searchable
          allowDeselect={false}
          data={zones}
          limit={50}
          {...form.getInputProps('timeZone')}
        />
        <Radio.Group label="Mode" withAsterisk {...form.getInputProps('mode')}>
          <Group mt={6}>
            {sessionMode.options.map((m) => (
              <Radio key={m} value={m} label={modeLabels[m]} />
            ))}
          </Group>
        </Radio.Group>
        {v.mode !== 'online' && (
          <TextInput
            label="Location"
            description="Office, floor and room."
            placeholder="Amsterdam HQ, 4th floor, room Turing"
            {...form.getInputProps('location')}
          />
        )}
        {v.mode !== 'in_person' && (
          <TextInput
            label="Video link"
            description="Optional: you can add it later."
            placeholder="https://meet.example.com/…"
            type="url"
            {...form.getInputProps('videoUrl')}
          />
        )}
        <SeatsFields form={form} />
        <Group align="flex-start" gap="md">
          <Select
            label="Repeat"
            allowDeselect={false}
            w={200}
            data={[
              { value: 'none', label: 'Does not repeat' },
              { value: 'weekly', label: 'Weekly' },
              { value: 'daily', label: 'Daily' },
            ]}
            {...form.getInputProps('repeat')}
          />
          {v.repeat !== 'none' && (
            <>
              <NumberInput
                label={v.repeat === 'weekly' ? 'Every how many weeks' : 'Every how many days'}
                min={1}
                max={12}
                allowDecimal={false}
                w={180}
                {...form.getInputProps('interval')}
              />
              <NumberInput
                label="Sessions in total (2–52)"
                min={2}
                max={52}
                allowDecimal={false}
                w={180}
                {...form.getInputProps('count')}
              />
            </>
          )}
        </Group>
        <SchedulePreview values={v} viewerZone={viewerZone} />
        {formError && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
            {formError}
          </Alert>
        )}
        {workshop.status === 'draft' && (
          <Text fz="sm" c="dimmed">
            The workshop is a draft: its sessions appear in the catalog once you publish it.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={schedule.isPending}>
            {v.repeat === 'none' ? 'Schedule session' : 'Schedule sessions'}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
