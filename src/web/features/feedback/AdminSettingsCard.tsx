import { Button, Card, Group, NumberInput, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { type FeedbackSettings, FOLLOW_UP_DAYS, feedbackSettingsBody } from '../../../contracts/index.js';
import { ErrorNotice } from '../../components/States';
import { contractValidator, notifyError, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { useFeedbackSettings, useUpdateFeedbackSettings } from './adminHooks';

const validate = contractValidator(feedbackSettingsBody);

/** The organisation's feedback settings: the NPS question, and when the "Have you applied it?" follow-up comes. */
export function AdminSettingsCard() {
  const settings = useFeedbackSettings();
  const update = useUpdateFeedbackSettings();
  const form = useForm<FeedbackSettings>({
    initialValues: { npsEnabled: false, followUpDays: FOLLOW_UP_DAYS.default },
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
        notifySuccess('They apply to the feedback asked from now on.', 'Feedback settings saved');
      },
      onError: (err) => {
        form.setErrors(serverFieldErrors(err));
        notifyError(err, 'The settings were not saved');
      },
    }),
  );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="fb-settings">
      <Title order={2} fz="h3" id="fb-settings" mb="sm">
        Settings
      </Title>
      {settings.isPending && <Skeleton height={120} />}
      {settings.isError && (
        <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} title="The settings could not load" />
      )}
      {loaded && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Switch
              label="Ask the 0–10 recommendation question (NPS)"
              description="Off by default. When on, every feedback form asks how likely people are to recommend the session."
              {...form.getInputProps('npsEnabled', { type: 'checkbox' })}
            />
            <NumberInput
              label="Follow-up after (days)"
              description={`People who plan to apply it are asked "Have you applied it?" this many days after the session (${FOLLOW_UP_DAYS.min}–${FOLLOW_UP_DAYS.max}).`}
              min={FOLLOW_UP_DAYS.min}
              max={FOLLOW_UP_DAYS.max}
              // Say why 100 is refused instead of quietly saving 90.
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              styles={{ wrapper: { maxWidth: 160 } }}
              {...form.getInputProps('followUpDays')}
            />
            <Group>
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                Save settings
              </Button>
              {!form.isDirty() && (
                <Text fz="sm" c="dimmed">
                  No unsaved changes
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
