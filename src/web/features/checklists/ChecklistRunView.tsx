import { Alert, Anchor, Button, Card, Grid, Group, Kbd, Modal, Progress, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowUpCircle, IconEye } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type ChecklistAnswer,
  type ChecklistPhase,
  type ChecklistRun,
  type ChecklistRunItem,
  checklistPhases,
  phaseLabels,
  type Workshop,
} from '../../../contracts/index.js';
import { notifyError, notifySuccess } from '../../lib/forms';
import { MySuggestions } from './MySuggestions';
import { PhasePanel } from './PhasePanel';
import { AnswerMixBar } from './ProgressBars';
import { firstOpenPhase } from './progress';
import { RunSettings } from './RunSettings';
import { useAnswerItem, useStartRun, useUpgradeRun } from './runHooks';
import { type SuggestionTarget, SuggestModal } from './SuggestModal';
import { TemplateChooser } from './TemplateChooser';

const isPhase = (v: string | null): v is ChecklistPhase => checklistPhases.includes(v as ChecklistPhase);

/** A running checklist: overall progress, one phase at a time, and the host's choices beside it. */
export function ChecklistRunView({ run, workshop }: { run: ChecklistRun; workshop: Workshop }) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('phase');
  // The phase is in the URL so a link ("look at Design") opens it; otherwise start where work is left.
  const [fallback] = useState(() => firstOpenPhase(run));
  const phase = isPhase(raw) ? raw : fallback;
  const [focusFirst, setFocusFirst] = useState(false);
  const [suggesting, setSuggesting] = useState<SuggestionTarget | null>(null);
  const [switching, setSwitching] = useState(false);
  const answer = useAnswerItem(run.workshopId);
  const tabs = useRef<HTMLDivElement>(null);

  // On phones the tabs scroll sideways: keep the chosen phase in sight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the phase changes; the DOM says which tab is selected
  useEffect(() => {
    tabs.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [phase]);

  const show = (p: ChecklistPhase, focus = false) => {
    setFocusFirst(focus);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('phase', p);
        return next;
      },
      { replace: true },
    );
  };
  const nextPhase = checklistPhases[checklistPhases.indexOf(phase) + 1] ?? null;

  const onAnswer = (item: ChecklistRunItem, value: ChecklistAnswer | null) => answer.mutate({ itemId: item.id, answer: value });
  const onSaveNote = (item: ChecklistRunItem, note: string | null) => answer.mutate({ itemId: item.id, answer: item.answer, note });

  return (
    <Stack gap="lg">
      {!run.canAnswer && (
        <Alert color="blue" variant="light" icon={<IconEye aria-hidden="true" />}>
          You are looking as the education team: only the workshop’s hosts answer its checklist.
        </Alert>
      )}
      {run.latestVersion !== null && run.canAnswer && <UpgradeNotice run={run} />}

      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-end" mb="xs" gap="xs">
          <Title order={2} fz="h4">
            Overall
          </Title>
          {run.canAnswer && (
            <Text fz="xs" c="dimmed" visibleFrom="sm">
              Keyboard: <Kbd>↑</Kbd> <Kbd>↓</Kbd> move between items, <Kbd>Y</Kbd> <Kbd>N</Kbd> <Kbd>A</Kbd> answer yes / no / not
              applicable
            </Text>
          )}
        </Group>
        <AnswerMixBar progress={run.progress.overall} label="Overall progress" />
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs value={phase} onChange={(v) => isPhase(v) && show(v)} keepMounted={false}>
            <Tabs.List ref={tabs} className="phase-tabs" aria-label="ADDIE phases">
              {checklistPhases.map((p) => {
                const pp = run.progress.phases[p];
                return (
                  <Tabs.Tab key={p} value={p}>
                    <Stack gap={4}>
                      <Group gap={6} wrap="nowrap" justify="space-between">
                        <Text fz="sm" fw={600}>
                          {phaseLabels[p]}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {pp.answered}/{pp.total}
                        </Text>
                      </Group>
                      <Progress value={pp.percent} size={4} aria-hidden="true" color={pp.percent === 100 ? 'teal.8' : undefined} />
                    </Stack>
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {checklistPhases.map((p) => (
              <Tabs.Panel key={p} value={p} pt="md">
                <PhasePanel
                  run={run}
                  phase={p}
                  next={nextPhase}
                  onNext={() => nextPhase && show(nextPhase, true)}
                  focusFirst={focusFirst}
                  onAnswer={onAnswer}
                  onSaveNote={onSaveNote}
                  onSuggest={(item, kind) => setSuggesting({ kind, item })}
                  onSuggestNew={(ph) => setSuggesting({ kind: 'add', phase: ph })}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <RunSettings run={run} onSwitch={() => setSwitching(true)} />
            <Card withBorder padding="md" component="section" aria-labelledby="your-suggestions">
              <Title order={2} fz="h4" id="your-suggestions" mb={4}>
                Your suggestions
              </Title>
              <Stack gap="xs">
                <MySuggestions
                  templateId={run.templateId}
                  empty={
                    <Text fz="sm" c="dimmed">
                      Something unclear, missing or not for engineers? Use “Suggest a change” on an item: the education team replies here.
                    </Text>
                  }
                />
                <Anchor component={Link} to="/my/suggestions" fz="sm">
                  All your suggestions
                </Anchor>
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <SuggestModal templateId={run.templateId} target={suggesting} onClose={() => setSuggesting(null)} />
      <SwitchTemplateModal opened={switching} run={run} workshop={workshop} onClose={() => setSwitching(false)} />
    </Stack>
  );
}

function UpgradeNotice({ run }: { run: ChecklistRun }) {
  const upgrade = useUpgradeRun(run.workshopId);
  return (
    <Alert
      color="lyceum"
      variant="light"
      icon={<IconArrowUpCircle aria-hidden="true" />}
      title={`Version ${run.latestVersion} of ${run.templateName} is out`}
    >
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">The education team improved it. Your answers carry over item by item; nothing changes until you choose to.</Text>
        <Button
          size="xs"
          loading={upgrade.isPending}
          onClick={() =>
            upgrade.mutate(undefined, {
              onSuccess: (r) => notifySuccess(`Now on version ${r?.templateVersion}. Your answers came along.`, 'Upgraded'),
              onError: (err) => notifyError(err, 'Could not upgrade'),
            })
          }
        >
          Upgrade to version {run.latestVersion}
        </Button>
      </Stack>
    </Alert>
  );
}

function SwitchTemplateModal({
  opened,
  run,
  workshop,
  onClose,
}: {
  opened: boolean;
  run: ChecklistRun;
  workshop: Workshop;
  onClose: () => void;
}) {
  const start = useStartRun(run.workshopId);
  return (
    <Modal opened={opened} onClose={onClose} title="Switch to another template" size="lg" centered>
      <Stack gap="sm">
        <Text fz="sm">Answers carry over for items both templates share.</Text>
        <TemplateChooser
          workshop={workshop}
          currentTemplateId={run.templateId}
          busyId={start.isPending ? (start.variables ?? null) : null}
          onChoose={(t) =>
            start.mutate(t.id, {
              onSuccess: () => {
                notifySuccess(`This workshop now uses ${t.name}.`);
                onClose();
              },
              onError: (err) => notifyError(err, 'Could not switch the template'),
            })
          }
        />
      </Stack>
    </Modal>
  );
}
