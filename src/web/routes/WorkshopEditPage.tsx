import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ErrorNotice } from '../components/States';
import { useUpdateWorkshop, useWorkshop } from '../features/workshops/hooks';
import { WorkshopForm } from '../features/workshops/WorkshopForm';
import { validateUpdate, valuesFromWorkshop } from '../features/workshops/workshopFormModel';
import { notifySuccess } from '../lib/forms';
import { NotFoundPage } from './NotFoundPage';

export function WorkshopEditPage() {
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const update = useUpdateWorkshop(id);
  const navigate = useNavigate();
  useDocumentTitle(workshop.data ? `Edit ${workshop.data.title} · Lyceum` : 'Edit workshop · Lyceum');

  if (workshop.isPending) return <Skeleton height={400} />;
  if (workshop.isError) {
    if (isApiError(workshop.error) && workshop.error.status === 404) return <NotFoundPage what="workshop" />;
    return <ErrorNotice error={workshop.error} onRetry={() => void workshop.refetch()} />;
  }
  const w = workshop.data;
  if (!w.canEdit) {
    return (
      <Stack>
        <Title order={1}>You cannot edit this workshop</Title>
        <Text>
          Only its hosts and admins can. Ask a host to add you as a co-host, or go back to{' '}
          <Anchor component={Link} to={`/workshops/${w.id}`}>
            {w.title}
          </Anchor>
          .
        </Text>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={760}>
      <div>
        <Anchor component={Link} to={`/workshops/${w.id}`} fz="sm">
          ← {w.title}
        </Anchor>
        <Title order={1}>Edit workshop</Title>
      </div>
      <Card withBorder padding="lg">
        <WorkshopForm
          key={w.updatedAt}
          initialValues={valuesFromWorkshop(w)}
          validate={validateUpdate}
          detailsOpen
          submitLabel="Save changes"
          onCancel={() => navigate(`/workshops/${w.id}`)}
          onSubmit={async (body) => {
            await update.mutateAsync(body);
            notifySuccess('Your changes are saved.');
            navigate(`/workshops/${w.id}`);
          }}
        />
      </Card>
    </Stack>
  );
}
