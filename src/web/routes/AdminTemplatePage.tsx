import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconEdit, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { type ChecklistTemplate, formatLabels } from '../../contracts/index.js';
import { isApiError } from '../api/client';
import { AdminOnly } from '../components/AdminOnly';
import { ErrorNotice, ListSkeleton } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { DraftEditor } from '../features/checklists/DraftEditor';
import { TemplateDetailsForm } from '../features/checklists/TemplateDetailsForm';
import { TemplateItemsView } from '../features/checklists/TemplateItemsView';
import { useOpenDraft, useRetireTemplate, useTemplate, useUpdateTemplate } from '../features/checklists/templateHooks';
import { EducationHeader } from '../features/education/EducationHeader';
import { notifyError, notifySuccess } from '../lib/forms';
import { formatDate } from '../lib/time';
import { NotFoundPage } from './NotFoundPage';

export function AdminTemplatePage() {
  return (
    <AdminOnly>
      <TemplateEditor />
    </AdminOnly>
  );
}

const statusLabels = { draft: 'draft', published: 'current', superseded: 'older' } as const;

/** One template: its versions, the items of the one shown, and — on a draft — the editor. */
function TemplateEditor() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('version'));
  const version = Number.isInteger(asked) && asked > 0 ? asked : undefined;
  const template = useTemplate(id, version);
  const openDraft = useOpenDraft(id);
  const [editingDetails, setEditingDetails] = useState(false);
  useDocumentTitle(template.data ? `${template.data.name} · Checklist templates · Lyceum` : 'Checklist template · Lyceum');

  if (template.isPending) {
    return (
      <Stack>
        <Skeleton height={36} width="50%" />
        <Skeleton height={20} width="70%" />
        <ListSkeleton count={4} height={64} />
      </Stack>
    );
  }
  if (template.isError) {
    if (isApiError(template.error) && template.error.status === 404) return <NotFoundPage what="template (or version)" />;
    return <ErrorNotice error={template.error} onRetry={() => void template.refetch()} title="This template could not load" />;
  }
  const t = template.data;
  const show = (n?: number) => setParams(n ? { version: String(n) } : {});
  const edit = () => {
    if (t.draftVersion !== null) return show(t.draftVersion);
    openDraft.mutate(undefined, {
      onSuccess: (r) => {
        notifySuccess(`Draft version ${r.version} is a copy of the current version. Change it, then publish.`);
        show(r.version);
      },
      onError: (err) => notifyError(err, 'Could not open a draft'),
    });
  };
  const isDraft = t.versionStatus === 'draft' && t.version !== null;

  return (
    <Stack gap="lg">
      <EducationHeader
        title={t.name}
        description={t.description || undefined}
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setEditingDetails(true)}>
              Edit details
            </Button>
            <RetireButton template={t} />
          </Group>
        }
      />
      <Group gap="xs">
        <Badge variant="light" color={t.status === 'active' ? 'teal' : 'gray'} tt="none">
          {t.status === 'active' ? 'Active' : 'Retired: hosts cannot start it'}
        </Badge>
        <Text fz="sm" c="dimmed">
          Suggested for {t.formats.length > 0 ? t.formats.map((f) => formatLabels[f].toLowerCase()).join(', ') : 'no format'}
        </Text>
      </Group>
      <VersionPicker template={t} onShow={show} />

      {isDraft ? (
        <DraftEditor
          key={`${t.id}-${t.version}`}
          template={t}
          version={t.version as number}
          onPublished={() => {
            show(undefined);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" gap="sm">
            <Text>
              {t.version === null
                ? 'Not published yet.'
                : t.versionStatus === 'published'
                  ? `Version ${t.version}: what new checklists use.`
                  : `Version ${t.version}: an older version; some workshops may still use it.`}
            </Text>
            <Button leftSection={<IconEdit size={16} aria-hidden="true" />} loading={openDraft.isPending} onClick={edit}>
              {t.draftVersion !== null ? `Continue draft version ${t.draftVersion}` : 'Edit (opens a draft)'}
            </Button>
          </Group>
          {t.version !== null && <TemplateItemsView items={t.items} />}
        </Stack>
      )}

      <DetailsModal template={t} opened={editingDetails} onClose={() => setEditingDetails(false)} />
    </Stack>
  );
}

function VersionPicker({ template: t, onShow }: { template: ChecklistTemplate; onShow: (n?: number) => void }) {
  const zone = useViewerZone();
  if (t.versions.length === 0) return null;
  const versions = [...t.versions].sort((a, b) => b.version - a.version);
  return (
    <Group gap={6} role="group" aria-label="Versions">
      <Text fz="sm" fw={600}>
        Versions:
      </Text>
      {versions.map((v) => {
        const shown = v.version === t.version;
        return (
          <Button
            key={v.version}
            size="compact-sm"
            variant={shown ? 'light' : 'subtle'}
            color={shown ? undefined : 'dark'}
            aria-current={shown ? 'true' : undefined}
            title={v.publishedAt ? `Published ${formatDate(v.publishedAt, zone)}` : 'Not published'}
            onClick={() => onShow(v.status === 'published' ? undefined : v.version)}
          >
            v{v.version} · {statusLabels[v.status]}
          </Button>
        );
      })}
    </Group>
  );
}

function RetireButton({ template: t }: { template: ChecklistTemplate }) {
  const retire = useRetireTemplate(t.id);
  const [confirming, setConfirming] = useState(false);
  const run = (value: boolean) =>
    retire.mutate(value, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(value ? `${t.name} is retired. Workshops using it keep it.` : `${t.name} is available again.`);
      },
      onError: (err) => notifyError(err, value ? 'Could not retire the template' : 'Could not restore the template'),
    });
  if (t.status === 'retired') {
    return (
      <Button
        variant="default"
        leftSection={<IconArchiveOff size={16} aria-hidden="true" />}
        loading={retire.isPending}
        onClick={() => run(false)}
      >
        Restore
      </Button>
    );
  }
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconArchive size={16} aria-hidden="true" />} onClick={() => setConfirming(true)}>
        Retire
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Retire ${t.name}?`} centered>
        <Stack>
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
            Hosts can no longer start it. Workshops already using it keep it, answers included. You can restore it any time.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red" loading={retire.isPending} onClick={() => run(true)}>
              Retire
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function DetailsModal({ template: t, opened, onClose }: { template: ChecklistTemplate; opened: boolean; onClose: () => void }) {
  const update = useUpdateTemplate(t.id);
  return (
    <Modal opened={opened} onClose={onClose} title="Template details" centered size="lg">
      <TemplateDetailsForm
        key={t.updatedAt}
        initial={{ name: t.name, description: t.description, formats: t.formats }}
        submitLabel="Save"
        busy={update.isPending}
        onCancel={onClose}
        onSubmit={(body, fail) =>
          update.mutate(body, {
            onSuccess: () => {
              notifySuccess('Details saved.');
              onClose();
            },
            onError: fail,
          })
        }
      />
    </Modal>
  );
}
