import { Card, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate, useSearchParams } from 'react-router';
import { useCreateWorkshop } from '../features/workshops/hooks';
import { WorkshopForm } from '../features/workshops/WorkshopForm';
import { emptyValues, validateCreate } from '../features/workshops/workshopFormModel';
import { notifySuccess } from '../lib/forms';

export function WorkshopNewPage() {
  useDocumentTitle('Create a workshop · Lyceum');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const create = useCreateWorkshop();

  return (
    <Stack gap="md" maw={760}>
      <div>
        <Title order={1}>Create a workshop</Title>
        <Text c="dimmed">
          Three fields to start; everything else can come later. It stays a draft, visible only to you, until you publish it.
        </Text>
      </div>
      <Card withBorder padding="lg">
        <WorkshopForm
          initialValues={emptyValues(params.get('title') ?? '')}
          validate={validateCreate}
          submitLabel="Create draft"
          onCancel={() => navigate(-1)}
          onSubmit={async (body) => {
            const w = await create.mutateAsync(body);
            notifySuccess('Next: schedule a session, then publish it.', 'Draft created');
            navigate(`/workshops/${w.id}`);
          }}
        />
      </Card>
    </Stack>
  );
}
