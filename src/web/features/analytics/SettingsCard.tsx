import { Button, Card, Group, NumberInput, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { analyticsApi, analyticsSettingsBody, formatLabels, type PersonRef, workshopFormats } from '../../../contracts/index.js';
import { withQuery } from '../../api/client';
import { ErrorNotice } from '../../components/States';
import { contractValidator, notifyError, notifySuccess, serverFieldErrors } from '../../lib/forms';
import type { PeriodQuery } from './filters';
import { useAnalyticsSettings, useDashboardViewers, useSetDashboardViewers, useUpdateAnalyticsSettings } from './hooks';
import { formatPeriod } from './labels';
import { PeopleMultiSelect } from './PersonSelect';

const validate = contractValidator(analyticsSettingsBody);

type Values = { preparationHours: Record<string, number>; checklistThreshold: number };

/** The education team's own controls: how engineer-hours are estimated, the default threshold, who else may look, the HR export. */
export function SettingsCard({ query }: { query: PeriodQuery }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="dashboard-settings">
      <Title order={2} fz="h3" id="dashboard-settings" mb="xs">
        Dashboard settings
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        Only the education team sees this part.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xl">
        <EstimatesForm />
        <ShareForm />
        <Stack gap="xs">
          <Title order={3} fz="h5">
            Attendance export
          </Title>
          <Text fz="sm">
            Every registration in {formatPeriod(query)} with person, team, session, status and hours, for HR and L&amp;D systems. The
            filters above apply.
          </Text>
          <Group>
            <Button
              component="a"
              href={withQuery(analyticsApi.attendanceCsv.path, query)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              Download attendance CSV
            </Button>
          </Group>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

function EstimatesForm() {
  const settings = useAnalyticsSettings();
  const update = useUpdateAnalyticsSettings();
  const form = useForm<Values>({
    initialValues: { preparationHours: {}, checklistThreshold: 0.8 },
    validate: (v) => validate(v),
  });
  const loaded = settings.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form when the settings arrive, not on every render
  useEffect(() => {
    if (!loaded) return;
    form.setInitialValues(loaded);
    form.setValues(loaded);
  }, [loaded]);

  const submit = form.onSubmit((values) =>
    update.mutate(values, {
      onSuccess: (saved) => {
        form.setInitialValues(saved);
        form.setValues(saved);
        notifySuccess('The figures use them from now on.', 'Dashboard settings saved');
      },
      onError: (err) => {
        form.setErrors(serverFieldErrors(err));
        notifyError(err, 'The settings were not saved');
      },
    }),
  );

  if (settings.isPending) return <Skeleton height={200} />;
  if (settings.isError)
    return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} title="The settings could not load" />;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="estimates-title">
      <Stack gap="xs">
        <Title order={3} fz="h5" id="estimates-title">
          Preparation hours per session
        </Title>
        <Text fz="sm" c="dimmed">
          Hosts' preparation time in engineer-hours invested, per format.
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          {workshopFormats.map((f) => (
            <NumberInput
              key={f}
              label={formatLabels[f]}
              min={0}
              max={200}
              clampBehavior="none"
              allowNegative={false}
              suffix=" h"
              {...form.getInputProps(`preparationHours.${f}`)}
            />
          ))}
        </SimpleGrid>
        <NumberInput
          label="Default checklist threshold"
          description="Completion from which a workshop counts as prepared with a checklist."
          min={0}
          max={100}
          step={5}
          suffix="%"
          allowDecimal={false}
          clampBehavior="none"
          value={Math.round((form.values.checklistThreshold ?? 0) * 100)}
          onChange={(v) => form.setFieldValue('checklistThreshold', typeof v === 'number' ? v / 100 : 0)}
          error={form.errors.checklistThreshold}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShareForm() {
  const viewers = useDashboardViewers();
  const save = useSetDashboardViewers();
  const [chosen, setChosen] = useState<PersonRef[] | null>(null);
  const current = chosen ?? viewers.data?.items ?? [];
  const dirty = chosen !== null;

  if (viewers.isPending) return <Skeleton height={160} />;
  if (viewers.isError)
    return <ErrorNotice error={viewers.error} onRetry={() => void viewers.refetch()} title="The shared list could not load" />;
  return (
    <form
      noValidate
      aria-labelledby="share-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          current.map((p) => p.id),
          {
            onSuccess: (saved) => {
              setChosen(null);
              notifySuccess(
                saved.items.length
                  ? `${saved.items.length} ${saved.items.length === 1 ? 'person sees' : 'people see'} the dashboard read-only.`
                  : 'Only the education team sees the dashboard now.',
                'Sharing saved',
              );
            },
            onError: (err) => notifyError(err, 'Sharing was not saved'),
          },
        );
      }}
    >
      <Stack gap="xs">
        <Title order={3} fz="h5" id="share-title">
          Share read-only with…
        </Title>
        <PeopleMultiSelect
          label="People who may see the dashboard"
          description="For leadership, say: they see the figures and charts, not hosts' names nor these settings."
          value={current}
          onChange={setChosen}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Save sharing
          </Button>
          {dirty && (
            <Button variant="subtle" onClick={() => setChosen(null)}>
              Undo changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
