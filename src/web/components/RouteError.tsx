import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a page crashes: never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>Something went wrong on this page</Title>
        <Text>Reload the page to try again. If it keeps happening, tell the Lyceum team what you clicked.</Text>
        <Text c="dimmed" fz="sm">
          Details: {message}
        </Text>
        <Button component={Link} to="/" w="fit-content">
          Back to the catalog
        </Button>
      </Stack>
    </Container>
  );
}
