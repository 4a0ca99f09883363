import { Button, Card, Divider, Group, Modal, SegmentedControl, Stack, Switch, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowsExchange, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChecklistRun, UpdateRunBody } from '../../../contracts/index.js';
import { notifyError, notifySuccess } from '../../lib/forms';
import { useStopRun, useUpdateRun } from './runHooks';

const scale = [
  {
    value: 'none',
    label: (
      <>
        <span aria-hidden="true">–</span>
        <VisuallyHidden>Not set</VisuallyHidden>
      </>
    ),
  },
  ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
];

function Confidence({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: number | null;
  disabled: boolean;
  onChange: (v: number | null) => void;
}) {
  return (
    <div>
      <Text fz="sm" fw={500} mb={4}>
        {label}
      </Text>
      <SegmentedControl
        fullWidth
        aria-label={`Confidence ${label.toLowerCase()}, from 1 (not at all) to 5 (very)`}
        disabled={disabled}
        value={value === null ? 'none' : String(value)}
        onChange={(v) => onChange(v === 'none' ? null : Number(v))}
        data={scale}
      />
    </div>
  );
}

type Props = { run: ChecklistRun; onSwitch: () => void };

/** Everything about the run that is not an answer: visibility, reminders, confidence, template. All optional. */
export function RunSettings({ run, onSwitch }: Props) {
  const update = useUpdateRun(run.workshopId);
  const stop = useStopRun(run.workshopId);
  const [stopping, setStopping] = useState(false);
  const set = (body: UpdateRunBody) => update.mutate(body);
  const off = !run.canAnswer;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="run-settings">
      <Title order={2} fz="h4" id="run-settings" mb="sm">
        Your choices
      </Title>
      <Stack gap="md">
        <Switch
          label={`Show “Prepared with the ${run.templateName} checklist” on the workshop page`}
          checked={run.showOnWorkshop}
          disabled={off}
          onChange={(e) => set({ showOnWorkshop: e.currentTarget.checked })}
        />
        <Switch
          label="Remind me of open items at their suggested time"
          description="We write to you when an open item is due. Nobody else is told."
          checked={run.reminders}
          disabled={off}
          onChange={(e) => set({ reminders: e.currentTarget.checked })}
        />
        <Divider />
        <div>
          <Text fw={600} fz="sm">
            How confident do you feel about presenting this?
          </Text>
          <Text fz="xs" c="dimmed" mb="xs">
            Optional. 1 = not at all, 5 = very. Only you and the education team see it.
          </Text>
          <Stack gap="sm">
            <Confidence
              label="Before the first session"
              value={run.confidenceBefore}
              disabled={off}
              onChange={(v) => set({ confidenceBefore: v })}
            />
            <Confidence
              label="After the last session"
              value={run.confidenceAfter}
              disabled={off}
              onChange={(v) => set({ confidenceAfter: v })}
            />
          </Stack>
        </div>
        <Divider />
        <div>
          <Text fz="sm">
            Using <b>{run.templateName}</b>, version {run.templateVersion}.
          </Text>
          {run.canAnswer && (
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="default" leftSection={<IconArrowsExchange size={14} aria-hidden="true" />} onClick={onSwitch}>
                Switch template
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden="true" />}
                onClick={() => setStopping(true)}
              >
                Stop using a checklist
              </Button>
            </Group>
          )}
        </div>
      </Stack>
      <Modal opened={stopping} onClose={() => setStopping(false)} title="Stop using a checklist?" centered>
        <Stack>
          <Text>Your answers and notes on this workshop’s checklist are deleted. You can start a checklist again any time.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStopping(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={stop.isPending}
              onClick={() =>
                stop.mutate(undefined, {
                  onSuccess: () => notifySuccess('This workshop no longer uses a checklist.'),
                  onError: (err) => notifyError(err, 'Could not stop the checklist'),
                  onSettled: () => setStopping(false),
                })
              }
            >
              Stop and delete answers
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
