import { Alert, Button, Group, List, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput, DateTimePicker } from '@mantine/dates';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCalendar, IconClock, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { modeLabels, type Session, sessionMode, type UpdateScope } from '../../../contracts/index.js';
import { TimeField } from '../../components/TimeField';
import { errorMessage, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { allTimeZones, DATE_FORMAT, dateInZone, dateTimePickerFormat, sessionTimeText, timePickerFormat } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { type EditValues, editBody, editEffect, editValues } from './editModel';
import { useUpdateSession, useWorkshopSessions } from './hooks';
import { SeatsFields } from './SeatsFields';
import type { ScheduleValues } from './scheduleModel';
import { mapSessionErrors, startEnd } from './scheduleModel';

type Props = { session: Session | null; onClose: () => void };

/** A host changes a scheduled session, seeing who will be told before saving. */
export function EditSessionModal({ session, onClose }: Props) {
  const phone = useMediaQuery('(max-width: 600px)');
  return (
    <Modal opened={session !== null} onClose={onClose} title="Edit session" size="lg" fullScreen={phone}>
      {session && <EditSessionForm session={session} onClose={onClose} />}
    </Modal>
  );
}

function EditSessionForm({ session: s, onClose }: { session: Session; onClose: () => void }) {
  const zone = useViewerZone();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditValues>({
    initialValues: editValues(s),
    // A notice about the last attempt goes once the host changes something.
    onValuesChange: () => setFormError(null),
    validate: (values) => {
      const result = editBody(s, values);
      return result.ok ? {} : result.errors;
    },
  });
  const upcoming = useWorkshopSessions(s.workshopId, 'upcoming');
  const later = (upcoming.data?.pages.flatMap((p) => p.items) ?? []).filter((o) => o.status === 'scheduled' && o.startsAt > s.startsAt);
  const [scope, setScope] = useState<UpdateScope>('this');
  const update = useUpdateSession(s.workshopId);
  const zones = useMemo(() => allTimeZones().map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);
  const v = form.values;
  const registered = s.enrolledCount + s.waitlistCount > 0;
  const checked = editBody(s, v);
  const effect = checked.ok ? editEffect(s, checked.body, scope, later.length) : null;
  const times = startEnd(v);
  const when = times ? sessionTimeText(times.start.toISOString(), times.end.toISOString(), v.timeZone, zone) : null;

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      const result = editBody(s, values);
      if (!result.ok) return;
      if (Object.keys(result.body).length === 0) return onClose();
      update.mutate(
        { id: s.id, body: result.body, scope },
        {
          onSuccess: () => {
            notifySuccess(
              scope === 'following' && later.length > 0 ? 'This session and the later ones are changed.' : 'The session is changed.',
            );
            onClose();
          },
          onError: (err) => {
            form.setErrors(mapSessionErrors(serverFieldErrors(err)));
            setFormError(errorMessage(err));
          },
        },
      );
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
            description="5 to 1440 (24 hours)"
            withAsterisk
            min={5}
            max={1440}
            clampBehavior="none"
            step={15}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        <Select label="Time zone" searchable allowDeselect={false} data={zones} limit={50} {...form.getInputProps('timeZone')} />
        <Radio.Group
          label="Mode"
          description={registered ? 'People have registered, so the mode stays; cancel and schedule anew to change it.' : undefined}
          {...form.getInputProps('mode')}
        >
          <Group mt={6}>
            {sessionMode.options.map((m) => (
              <Radio key={m} value={m} label={modeLabels[m]} disabled={registered && m !== s.mode} />
            ))}
          </Group>
        </Radio.Group>
        {v.mode !== 'online' && (
          <TextInput label="Room or location" placeholder="Amsterdam HQ, 4th floor, room Turing" {...form.getInputProps('location')} />
        )}
        {v.mode !== 'in_person' && (
          <TextInput label="Video link" placeholder="https://meet.example.com/…" type="url" {...form.getInputProps('videoUrl')} />
        )}
        <SeatsFields form={form as unknown as UseFormReturnType<ScheduleValues>} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateTimePicker
            label="Registration opens"
            description={`In ${v.timeZone.replace(/_/g, ' ')}; empty: when the workshop is published`}
            clearable
            valueFormat={dateTimePickerFormat()}
            timePickerProps={timePickerFormat()}
            {...form.getInputProps('opensAt')}
          />
          <DateTimePicker
            label="Registration closes"
            description={`In ${v.timeZone.replace(/_/g, ' ')}; empty: at the start`}
            clearable
            valueFormat={dateTimePickerFormat()}
            timePickerProps={timePickerFormat()}
            {...form.getInputProps('closesAt')}
          />
        </SimpleGrid>
        {later.length > 0 && (
          <Radio.Group label="Change" value={scope} onChange={(value) => setScope(value as UpdateScope)}>
            <Stack gap={6} mt={6}>
              <Radio value="this" label="This session only" />
              <Radio
                value="following"
                label={`This and the following ones (${later.length} more)`}
                description="A new time or duration moves each later session by the same amount."
              />
            </Stack>
          </Radio.Group>
        )}
        {effect && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />} title="When you save" role="status">
            {when && (
              <Text fz="sm" mb={4}>
                {when.local} {when.localZone}
                {when.sessionZone ? ` · ${when.sessionZone}` : ''}
              </Text>
            )}
            <List size="sm" spacing={2}>
              {effect.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {formError && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep as it is
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
