import { type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from './api/client';
import { queryClient } from './api/queryClient';
import { LazyNotifications } from './components/LazyNotifications';
import { meKey } from './features/auth/hooks';
import { router } from './router';
import { theme } from './theme';

// Any 401 sends the person to sign in, remembering where they wanted to go.
setUnauthorizedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname === '/sign-in') return;
  queryClient.setQueryData(meKey, null);
  void router.navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});

// Mantine's dimmed grey (gray.6), placeholder grey (gray.5) and error red (red.6) are below AA
// contrast on white. Placeholders are text people read (the dates filter shows "Any date" as one).
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {},
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <LazyNotifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
