import { Alert, Avatar, Badge, Button, Card, Center, Container, Group, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { DevAccount } from '../../contracts/index.js';
import type { SignInErrorCode } from '../../contracts/sign-in-errors.js';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { initials } from '../components/UserMenu';
import { Wordmark } from '../components/Wordmark';
import { useAuthConfig, useDevAccounts, useDevSignIn, useMe } from '../features/auth/hooks';
import { notifyError } from '../lib/forms';
import { safeNext } from '../lib/navigation';

/** What the ?error= codes of single sign-on (OIDC callback, SAML ACS) mean to the person who tried to sign in. */
const SIGN_IN_ERRORS: Record<SignInErrorCode, string> = {
  oidc_failed:
    'Signing in with your company account did not complete (it may have taken too long, or been used already). Please try again.',
  oidc_denied:
    'Your company’s sign-in service did not let you in to Lyceum (you may have cancelled, or not be assigned to it). Try again, or ask your IT team.',
  oidc_unavailable:
    'Your company’s sign-in service could not finish signing you in to Lyceum. Try again in a moment; if it keeps happening, tell your Lyceum administrators (Lyceum’s log says why).',
  saml_failed:
    'Signing in with your company account did not complete (it may have taken too long, been used already, or been refused by Lyceum’s security checks). Please try again; if it persists, tell your Lyceum administrators.',
  saml_denied:
    'Your company’s sign-in service did not let you in to Lyceum (you may not be assigned to it). Ask your IT team or your Lyceum administrators.',
  email_missing:
    'Your company account did not share an email address with Lyceum. Ask your Lyceum administrators to check the sign-in settings.',
  email_unverified:
    'Your company account’s email address is not marked as verified, so Lyceum cannot tell it is yours. Ask your IT team to verify it, then try again.',
  account_inactive: 'Your Lyceum account is deactivated. Ask your Lyceum administrators if you think this is a mistake.',
};

export function SignInPage() {
  useDocumentTitle('Sign in · Lyceum');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const config = useAuthConfig();
  const signInError = params.get('error');

  if (me.data) return <Navigate to={next} replace />;

  const refusal = signInError && (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title="You are not signed in">
      {SIGN_IN_ERRORS[signInError as SignInErrorCode] ?? SIGN_IN_ERRORS.oidc_failed}
    </Alert>
  );
  const sso = config.data && config.data.mode !== 'dev' && config.data.signInUrl ? config.data : undefined;

  return (
    <Container size={sso ? 480 : 'sm'} py="xl" component="main">
      <Stack gap="lg">
        <Center>
          <Wordmark />
        </Center>
        {sso ? (
          <Card withBorder radius="md" padding="xl" shadow="sm">
            <Stack gap="lg">
              <Stack gap={4}>
                <Title order={1} ta="center">
                  Sign in to Lyceum
                </Title>
                <Text c="dimmed" ta="center">
                  Workshops and learning sessions hosted by your colleagues.
                </Text>
              </Stack>
              {refusal}
              <Button component="a" size="md" fullWidth href={`${sso.signInUrl}?${new URLSearchParams({ next })}`}>
                {sso.signInLabel ?? 'Sign in with your company account'}
              </Button>
              <Text fz="sm" c="dimmed" ta="center">
                You sign in with your company account; Lyceum never sees your password.
              </Text>
            </Stack>
          </Card>
        ) : (
          <>
            <Title order={1} ta="center">
              Sign in to Lyceum
            </Title>
            {config.isError && (
              <ErrorNotice error={config.error} onRetry={() => void config.refetch()} title="Lyceum could not be reached" />
            )}
            {config.isPending && <ListSkeleton count={3} />}
            {refusal}
            {config.data && config.data.mode === 'dev' && <DevSignIn next={next} />}
          </>
        )}
      </Stack>
    </Container>
  );
}

function DevSignIn({ next }: { next: string }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const accounts = useDevAccounts(debounced);
  const signIn = useDevSignIn();
  const navigate = useNavigate();
  const items = accounts.data?.pages.flatMap((p) => p.items) ?? [];

  const choose = (a: DevAccount) =>
    signIn.mutate(a.email, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (err) => notifyError(err, 'Could not sign in'),
    });

  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden="true" />} title="Demo mode">
        Demo mode — pick anyone to sign in as; real deployments use SSO.
      </Alert>
      <TextInput
        label="Find a person"
        maxLength={200}
        placeholder="Name, email, team or title"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        autoFocus
      />
      {accounts.isPending && <ListSkeleton count={5} />}
      {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.isSuccess && items.length === 0 && <Text c="dimmed">Nobody matches “{debounced}”. Try part of a name or a team.</Text>}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="People you can sign in as">
        {items.map((a) => (
          <li key={a.id}>
            <Card withBorder padding={0}>
              <UnstyledButton onClick={() => choose(a)} disabled={signIn.isPending} p="sm" w="100%">
                <Group wrap="nowrap">
                  <Avatar color="lyceum" radius="xl" alt="" aria-hidden="true">
                    {initials(a.name)}
                  </Avatar>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{a.name}</Text>
                      {a.role === 'admin' && (
                        <Badge size="sm" variant="light" color="grape">
                          Admin
                        </Badge>
                      )}
                    </Group>
                    <Text fz="sm" c="dimmed" truncate>
                      {[a.title, a.team].filter(Boolean).join(' · ') || a.email}
                    </Text>
                  </div>
                  <Text fz="sm" c="lyceum.9" fw={600}>
                    {signIn.isPending && signIn.variables === a.email ? 'Signing in…' : 'Sign in'}
                  </Text>
                </Group>
              </UnstyledButton>
            </Card>
          </li>
        ))}
      </Stack>
      <LoadMore query={accounts} label="Show more people" />
    </Stack>
  );
}
