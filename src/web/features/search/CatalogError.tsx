import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isApiError } from '../../api/client';

/** What a person can do about a failed search, in their words (the server's own message only for a question it refused). */
export function catalogErrorText(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 0) return 'Lyceum could not be reached. Check your connection, then try again.';
    if (error.status === 400 || error.status === 422) return `The search was not understood: ${error.message}`;
  }
  return 'The catalog is not answering right now. Try again in a moment; your search and filters are kept.';
}

/** The catalog's error state: at once, one friendly line and a retry. */
export function CatalogError({ error, retrying, onRetry }: { error: unknown; retrying: boolean; onRetry: () => void }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title="The catalog could not load" role="alert">
      <Stack gap="xs">
        <Text fz="sm">{catalogErrorText(error)}</Text>
        <Group>
          <Button size="xs" variant="default" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
