import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChartBar, IconDownload } from '@tabler/icons-react';
import { checklistsApi, fillPath } from '../../contracts/index.js';
import { AdminOnly } from '../components/AdminOnly';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton } from '../components/States';
import { AdoptionTable } from '../features/checklists/AdoptionTable';
import { StruggleList } from '../features/checklists/StruggleList';
import { useAdoption } from '../features/checklists/suggestionHooks';
import { EducationHeader } from '../features/education/EducationHeader';

export function AdminAdoptionPage() {
  useDocumentTitle('Checklist adoption · Lyceum');
  return (
    <AdminOnly>
      <Adoption />
    </AdminOnly>
  );
}

/** Who prepares with which checklist, how far they get, and where they say "no". */
function Adoption() {
  const adoption = useAdoption();
  const data = adoption.data;
  const share = data && data.workshopsTotal > 0 ? Math.round((data.workshopsWithChecklist / data.workshopsTotal) * 100) : 0;

  return (
    <Stack gap="lg">
      <EducationHeader
        title="Checklist adoption"
        description="Checklists are optional: this shows where they help, not who is behind."
        actions={
          <Button
            component="a"
            href={fillPath(checklistsApi.adoptionCsv.path, {})}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden="true" />}
          >
            Download CSV
          </Button>
        }
      />
      {adoption.isPending && <ListSkeleton count={3} height={80} />}
      {adoption.isError && <ErrorNotice error={adoption.error} onRetry={() => void adoption.refetch()} title="Adoption could not load" />}
      {data && (
        <>
          <Card withBorder padding="md">
            <Group justify="space-between" align="flex-end" gap="xs" mb={6}>
              <Text fw={600}>
                {data.workshopsWithChecklist} of {data.workshopsTotal} workshops use a checklist
              </Text>
              <Text fz="sm" c="dimmed">
                {share}%
              </Text>
            </Group>
            <Progress value={share} size="lg" aria-label="Workshops with a checklist" />
          </Card>
          {data.items.length === 0 ? (
            <Empty
              icon={<IconChartBar size={32} aria-hidden="true" />}
              title="No workshop uses a checklist yet"
              description="Hosts find the checklist on their workshop page. Once a few start, completion and sticking points show up here."
            />
          ) : (
            <>
              <section aria-labelledby="per-version">
                <Title order={2} fz="h3" id="per-version" mb="xs">
                  Per template and version
                </Title>
                <AdoptionTable rows={data.items} />
              </section>
              <section aria-labelledby="struggles">
                <Title order={2} fz="h3" id="struggles">
                  Where presenters struggle
                </Title>
                <Text c="dimmed" mb="sm">
                  Items most often answered “no”: better guidance, or a better item, may help.
                </Text>
                <StruggleList rows={data.items} />
              </section>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
