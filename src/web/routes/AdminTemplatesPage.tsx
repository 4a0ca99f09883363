import { Anchor, Badge, Button, Card, Modal, Stack, Switch, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatLabels } from '../../contracts/index.js';
import { AdminOnly } from '../components/AdminOnly';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { TemplateDetailsForm } from '../features/checklists/TemplateDetailsForm';
import { useCreateTemplate, useTemplates } from '../features/checklists/templateHooks';
import { EducationHeader } from '../features/education/EducationHeader';
import { notifySuccess } from '../lib/forms';

export function AdminTemplatesPage() {
  useDocumentTitle('Checklist templates · Lyceum');
  return (
    <AdminOnly>
      <TemplateList />
    </AdminOnly>
  );
}

/** Every template with its versions at a glance; retired ones on request. */
function TemplateList() {
  const [params, setParams] = useSearchParams();
  const includeRetired = params.get('retired') === 'true';
  const templates = useTemplates({ includeRetired });
  const items = templates.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);
  const create = useCreateTemplate();
  const navigate = useNavigate();

  const newButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
      New template
    </Button>
  );

  return (
    <Stack gap="md">
      <EducationHeader
        title="Checklist templates"
        description="What presenters can prepare with. Editing a published template opens a new draft; runs keep their version until their hosts upgrade."
        actions={newButton}
      />
      <Switch
        label="Show retired templates"
        checked={includeRetired}
        onChange={(e) => setParams(e.currentTarget.checked ? { retired: 'true' } : {}, { replace: true })}
      />
      {templates.isPending && <ListSkeleton count={3} height={64} />}
      {templates.isError && (
        <ErrorNotice error={templates.error} onRetry={() => void templates.refetch()} title="The templates could not load" />
      )}
      {templates.isSuccess && items.length === 0 && (
        <Empty
          icon={<IconChecklist size={32} aria-hidden="true" />}
          title="No templates yet"
          description="A template is a short list of yes/no items per ADDIE phase. Start one; it stays a draft until you publish it."
        >
          {newButton}
        </Empty>
      )}
      {items.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Suggested for</Table.Th>
                  <Table.Th>Current version</Table.Th>
                  <Table.Th>Draft</Table.Th>
                  <Table.Th ta="right">Items</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/checklists/${t.id}`} fw={600}>
                        {t.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{t.formats.length > 0 ? t.formats.map((f) => formatLabels[f]).join(', ') : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {t.currentVersion === null ? (
                        <Text fz="sm" c="dimmed">
                          Not published
                        </Text>
                      ) : (
                        `v${t.currentVersion}`
                      )}
                    </Table.Td>
                    <Table.Td>
                      {t.draftVersion !== null ? (
                        <Badge variant="light" color="yellow" tt="none">
                          Draft v{t.draftVersion}
                        </Badge>
                      ) : (
                        <Text fz="sm" c="dimmed">
                          None
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{t.itemCount}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={t.status === 'active' ? 'teal' : 'gray'} tt="none">
                        {t.status === 'active' ? 'Active' : 'Retired'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <LoadMore query={templates} />
      <Modal opened={creating} onClose={() => setCreating(false)} title="New checklist template" centered size="lg">
        <TemplateDetailsForm
          submitLabel="Create and add items"
          busy={create.isPending}
          onCancel={() => setCreating(false)}
          onSubmit={(body, fail) =>
            create.mutate(body, {
              onSuccess: (t) => {
                notifySuccess('Draft version 1 is open: add its items, then publish.', `${t.name} created`);
                setCreating(false);
                navigate(`/admin/checklists/${t.id}${t.version ? `?version=${t.version}` : ''}`);
              },
              onError: fail,
            })
          }
        />
      </Modal>
    </Stack>
  );
}
