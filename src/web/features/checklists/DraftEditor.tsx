import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconWorldUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { type ChecklistPhase, type ChecklistTemplate, checklistPhases, draftItemsBody, phaseLabels } from '../../../contracts/index.js';
import { contractValidator, type FieldErrors, notifyError, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { DraftItemRow } from './DraftItemRow';
import { blankRow, type DraftRow, errorsByRow, fingerprint, fromItem, move, normalize, toInput, update } from './draftModel';
import { usePublishVersion, useSaveDraftItems } from './templateHooks';

type Props = { template: ChecklistTemplate; version: number; onPublished: () => void };

const ERRORS_NOTICE = 'draft-items-errors';
const validateItems = contractValidator(draftItemsBody);

/**
 * Editing a draft version: items are changed here, on screen, and saved as one ordered list
 * (PUT replaces the draft's items). Nothing reaches hosts until the draft is published.
 */
export function DraftEditor({ template, version, onPublished }: Props) {
  const [rows, setRows] = useState<DraftRow[]>(() => template.items.map(fromItem));
  const [saved, setSaved] = useState(() => fingerprint(rows));
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [rowErrors, setRowErrors] = useState<Record<string, FieldErrors>>({});
  const [publishing, setPublishing] = useState(false);
  const saveItems = useSaveDraftItems(template.id);
  const publish = usePublishVersion(template.id);
  const dirty = fingerprint(rows) !== saved;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  // Closing the tab with unsaved items: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const toggle = (uid: string, value?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (value ?? !next.has(uid)) next.add(uid);
      else next.delete(uid);
      return next;
    });

  const change = (uid: string, patch: Partial<DraftRow>) => {
    setRows((r) => update(r, uid, patch));
    setRowErrors(({ [uid]: _fixed, ...rest }) => rest);
  };

  /** Opens and marks every item with a problem, and says so: some may be far down the page. */
  const showErrors = (errors: FieldErrors) => {
    const byRow = errorsByRow(errors, rows);
    setRowErrors(byRow);
    setOpen((prev) => new Set([...prev, ...Object.keys(byRow)]));
    const n = Object.keys(byRow).length;
    notifications.show({
      id: ERRORS_NOTICE,
      color: 'red',
      title: 'Not saved yet',
      message: n === 1 ? 'One item needs a fix: it is open and marked in red.' : `${n} items need a fix: they are open and marked in red.`,
    });
  };

  const save = (then?: () => void) => {
    const body = { items: rows.map(toInput) };
    const errors = validateItems(body);
    if (Object.keys(errors).length > 0) return showErrors(errors);
    saveItems.mutate(
      { version, items: draftItemsBody.parse(body).items },
      {
        onSuccess: (t) => {
          // The server gives new items their keys: start again from its list.
          const fresh = t.items.map(fromItem);
          setRows(fresh);
          setSaved(fingerprint(fresh));
          setOpen(new Set());
          setRowErrors({});
          notifications.hide(ERRORS_NOTICE);
          if (then) then();
          else notifySuccess(`Draft version ${version} saved. Hosts see it once you publish.`);
        },
        onError: (err) => {
          const fields = serverFieldErrors(err);
          if (Object.keys(fields).length > 0) showErrors(fields);
          else notifyError(err, 'Could not save the draft');
        },
      },
    );
  };

  const doPublish = () => {
    const go = () =>
      publish.mutate(version, {
        onSuccess: () => {
          setPublishing(false);
          notifySuccess(`New checklists use version ${version}. Hosts on older versions can upgrade.`, 'Published');
          onPublished();
        },
        onError: (err) => notifyError(err, 'Could not publish'),
      });
    if (dirty) save(go);
    else go();
  };

  const add = (phase: ChecklistPhase) => {
    const row = blankRow(phase);
    setRows((r) => normalize([...r, row]));
    toggle(row.uid, true);
  };

  let position = 0;
  return (
    <Stack gap="lg">
      <Card withBorder padding="sm" className="sticky-bar">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Badge color="yellow" variant="light" tt="none" size="lg">
              Draft version {version}
            </Badge>
            <Text fz="sm" c={dirty ? undefined : 'dimmed'} fw={dirty ? 600 : undefined} aria-live="polite">
              {dirty ? 'Unsaved changes' : 'All changes saved'} · {rows.length} items
            </Text>
          </Group>
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
              disabled={!dirty}
              loading={saveItems.isPending && !publish.isPending && !publishing}
              onClick={() => save()}
            >
              Save draft
            </Button>
            <Button
              leftSection={<IconWorldUpload size={16} aria-hidden="true" />}
              disabled={rows.length === 0}
              onClick={() => setPublishing(true)}
            >
              Publish version {version}
            </Button>
          </Group>
        </Group>
      </Card>

      {checklistPhases.map((phase) => {
        const group = rows.filter((r) => r.phase === phase);
        return (
          <section key={phase} aria-labelledby={`draft-${phase}`}>
            <Title order={2} fz="h4" id={`draft-${phase}`} mb="xs">
              {phaseLabels[phase]}{' '}
              <Text span c="dimmed" fz="sm" fw={400}>
                ({group.length} {group.length === 1 ? 'item' : 'items'})
              </Text>
            </Title>
            {group.length > 0 && (
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {group.map((row, i) => (
                  <DraftItemRow
                    key={row.uid}
                    row={row}
                    position={++position}
                    open={open.has(row.uid)}
                    errors={rowErrors[row.uid] ?? {}}
                    first={i === 0}
                    last={i === group.length - 1}
                    onToggle={() => toggle(row.uid)}
                    onChange={(patch) => change(row.uid, patch)}
                    onMove={(d) => setRows((r) => move(r, row.uid, d))}
                    onDelete={() => setRows((r) => r.filter((x) => x.uid !== row.uid))}
                  />
                ))}
              </Stack>
            )}
            <Button
              variant="subtle"
              size="compact-sm"
              mt="xs"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => add(phase)}
            >
              Add an item to {phaseLabels[phase]}
            </Button>
          </section>
        );
      })}

      <Modal opened={publishing} onClose={() => setPublishing(false)} title={`Publish version ${version}?`} centered>
        <Stack>
          <Text>
            New checklists use version {version} from now on. Workshops already using {template.name} keep their version; their hosts see
            “Upgrade to version {version}” and keep their answers item by item.
          </Text>
          {dirty && <Text fz="sm">Your unsaved changes are saved first.</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPublishing(false)}>
              Not yet
            </Button>
            <Button loading={publish.isPending || saveItems.isPending} onClick={doPublish}>
              {dirty ? 'Save and publish' : 'Publish'}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave without saving?" centered>
        <Stack>
          <Text>Your changes to draft version {version} are not saved yet.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              Stay and save
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              Leave and lose them
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
