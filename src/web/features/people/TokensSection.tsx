import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { type ApiToken, type CreatedToken, type CreateTokenBody, createTokenBody, type TokenScope } from '../../../contracts/index.js';
import { ErrorNotice, ListSkeleton } from '../../components/States';
import { contractValidator, notifyError, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { useCreateToken, useRevokeToken, useTokens } from './hooks';

/** API tokens for scripts: create (shown once), list, revoke. Only on your own profile. */
export function TokensSection() {
  const tokens = useTokens(true);
  const zone = useViewerZone();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = tokens.data?.items ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tokens">
      <Title order={2} fz="h3" id="tokens">
        API tokens
      </Title>
      <Text c="dimmed" fz="sm" mb="md">
        For scripts and tools: send <Code>Authorization: Bearer &lt;token&gt;</Code>. A token acts as you, so keep it secret, give it only
        the access it needs (read only, if it just looks) and revoke it when you are done.
      </Text>
      <CreateToken />
      {tokens.isPending && <ListSkeleton count={2} />}
      {tokens.isError && <ErrorNotice error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && items.length === 0 && (
        <Text c="dimmed" mt="md">
          You have no tokens.
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640} mt="md">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Access</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>
                    <Code>…{t.hint}</Code>
                  </Table.Td>
                  <Table.Td>
                    <ScopeBadge scope={t.scope} />
                  </Table.Td>
                  <Table.Td>
                    <Expiry expiresAt={t.expiresAt} zone={zone} />
                  </Table.Td>
                  <Table.Td>{formatDate(t.createdAt, zone)}</Table.Td>
                  <Table.Td>{t.lastUsedAt ? formatDate(t.lastUsedAt, zone) : 'Never'}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(t)} aria-label={`Revoke token ${t.name}`}>
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RevokeModal token={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}

const SCOPES: { value: TokenScope; label: string }[] = [
  { value: 'write', label: 'Read and write' },
  { value: 'read', label: 'Read only' },
];

/** The lifetimes the API accepts (30, 90, 365 days or never), as the select offers them. */
const LIFETIMES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

function ScopeBadge({ scope }: { scope: TokenScope }) {
  return scope === 'read' ? (
    <Badge variant="light" color="gray">
      Read only
    </Badge>
  ) : (
    <Badge variant="light">Read and write</Badge>
  );
}

function Expiry({ expiresAt, zone }: { expiresAt: string | null; zone: string }) {
  if (expiresAt === null) return <>Never</>;
  if (Date.parse(expiresAt) <= Date.now()) {
    return (
      <Group gap={6} wrap="nowrap">
        <Badge color="red" variant="light">
          Expired
        </Badge>
        {formatDate(expiresAt, zone)}
      </Group>
    );
  }
  return <>{formatDate(expiresAt, zone)}</>;
}

/** The form's values: the lifetime as the select holds it ('never' for no expiry). */
interface TokenFormValues {
  name: string;
  scope: TokenScope;
  lifetime: string;
}

const toBody = (v: TokenFormValues): CreateTokenBody => ({
  name: v.name,
  scope: v.scope,
  expiresInDays: v.lifetime === 'never' ? null : (Number(v.lifetime) as 30 | 90 | 365),
});

const checkToken = contractValidator(createTokenBody);

/** The contract's rules, with a hint for the one field people leave empty. */
function validateToken(values: TokenFormValues) {
  const errors = checkToken(toBody(values));
  return errors.name ? { ...errors, name: 'Name the token after what will use it, e.g. “reporting script”.' } : errors;
}

function CreateToken() {
  const form = useForm<TokenFormValues>({ initialValues: { name: '', scope: 'write', lifetime: '90' }, validate: validateToken });
  const errors = form.errors;
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useCreateToken();
  const scopeLabel = useId();
  const zone = useViewerZone();

  const submit = form.onSubmit((values) => {
    create.mutate(createTokenBody.parse(toBody(values)), {
      onSuccess: (t) => {
        setCreated(t);
        form.setFieldValue('name', '');
        form.clearErrors();
      },
      onError: (err) => {
        form.setErrors(serverFieldErrors(err));
        notifyError(err, 'Could not create the token');
      },
    });
  });

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm">
          <TextInput
            label="New token name"
            placeholder="reporting script"
            {...form.getInputProps('name')}
            style={{ flex: '1 1 14rem' }}
            maxLength={100}
          />
          <div>
            <Text fz="sm" fw={500} mb={4} id={scopeLabel}>
              Access
            </Text>
            <SegmentedControl
              aria-labelledby={scopeLabel}
              data={SCOPES}
              value={form.values.scope}
              onChange={(v) => form.setFieldValue('scope', v as TokenScope)}
            />
            {errors.scope && (
              <Text c="red" fz="xs" mt={4}>
                {errors.scope}
              </Text>
            )}
          </div>
          <Select
            label="Expires after"
            data={LIFETIMES}
            value={form.values.lifetime}
            onChange={(v) => v && form.setFieldValue('lifetime', v)}
            allowDeselect={false}
            error={errors.expiresInDays}
            w={140}
          />
          <Button type="submit" mt={25} loading={create.isPending} leftSection={<IconKey size={16} aria-hidden="true" />}>
            Create token
          </Button>
        </Group>
      </form>
      {created && (
        <Alert
          color="teal"
          title={`Token “${created.name}” created`}
          withCloseButton
          closeButtonLabel="Hide the token"
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            <Text fz="sm" fw={600}>
              Copy it now: you won’t see it again.
            </Text>
            <Text fz="sm">
              {created.scope === 'read' ? 'Read only' : 'Read and write'};{' '}
              {created.expiresAt ? `works until ${formatDate(created.expiresAt, zone)}` : 'never expires'}.
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label="Your new token">
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy the token'}>
                    <ActionIcon
                      variant="light"
                      color={copied ? 'teal' : 'gray'}
                      size="lg"
                      onClick={copy}
                      aria-label={copied ? 'Copied' : 'Copy the token'}
                    >
                      {copied ? <IconCheck size={18} aria-hidden="true" /> : <IconCopy size={18} aria-hidden="true" />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function RevokeModal({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const revoke = useRevokeToken();
  return (
    <Modal opened={token !== null} onClose={onClose} title="Revoke this token?" centered>
      <Stack>
        <Text>Scripts using “{token?.name}” will stop working at once. This cannot be undone.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              token &&
              revoke.mutate(token.id, {
                onSuccess: () => {
                  notifySuccess(`Token “${token.name}” is revoked.`);
                  onClose();
                },
                onError: (err) => notifyError(err, 'Could not revoke the token'),
              })
            }
          >
            Revoke token
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
