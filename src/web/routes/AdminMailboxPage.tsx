import { Anchor, Badge, Card, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconCalendarEvent, IconMail, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { MailSummary } from '../../contracts/index.js';
import { AdminOnly } from '../components/AdminOnly';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { EducationHeader } from '../features/education/EducationHeader';
import { useMail, useMailbox } from '../features/notifications/hooks';
import { formatDateTime } from '../lib/time';

export function AdminMailboxPage() {
  useDocumentTitle('Mailbox · Lyceum');
  return (
    <AdminOnly>
      <Mailbox />
    </AdminOnly>
  );
}

/** Mail Lyceum "sent" while no SMTP server is configured: what people would have received. */
function Mailbox() {
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(to.trim(), 300);
  const mailbox = useMailbox(debounced || undefined);
  const [open, setOpen] = useState<string | null>(null);
  const items = mailbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <EducationHeader
        title="Mailbox"
        description="Without an SMTP server (SMTP_URL), mail lands here instead of in people's inboxes, so you can see what they would receive."
      />
      <TextInput
        label="Recipient"
        placeholder="someone@example.com"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        maw={360}
      />
      {mailbox.isPending && <ListSkeleton count={4} height={64} />}
      {mailbox.isError && <ErrorNotice error={mailbox.error} onRetry={() => void mailbox.refetch()} title="The mailbox could not load" />}
      {mailbox.isSuccess && items.length === 0 && (
        <Empty
          icon={<IconMail size={32} aria-hidden="true" />}
          title={debounced ? 'No mail to this address' : 'No mail yet'}
          description="Registering for a session, a change of time or place, or a cancellation sends mail."
        />
      )}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Mail">
        {items.map((m) => (
          <MailRow key={m.id} m={m} onOpen={() => setOpen(m.id)} />
        ))}
      </Stack>
      <LoadMore query={mailbox} />
      <MailModal id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function MailRow({ m, onOpen }: { m: MailSummary; onOpen: () => void }) {
  const zone = useViewerZone();
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component="button" type="button" onClick={onOpen} fw={600} ta="left" lineClamp={2}>
            {m.subject}
          </Anchor>
          <Text fz="sm" c="dimmed" truncate>
            To {m.to} · {formatDateTime(m.createdAt, zone)}
          </Text>
        </Stack>
        {m.hasCalendar && (
          <Badge variant="light" leftSection={<IconCalendarEvent size={12} aria-hidden="true" />} style={{ flexShrink: 0 }}>
            Invitation
          </Badge>
        )}
      </Group>
    </Card>
  );
}

function MailModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const mail = useMail(id);
  const m = mail.data;
  return (
    <Modal opened={id !== null} onClose={onClose} title={m?.subject ?? 'Mail'} size="lg">
      {mail.isPending && <ListSkeleton count={1} height={200} />}
      {mail.isError && <ErrorNotice error={mail.error} />}
      {m && (
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            To {m.to}
          </Text>
          {/* Lyceum's own HTML, shown sandboxed: no scripts, no access to this page. */}
          <iframe
            title="Mail as HTML"
            sandbox=""
            srcDoc={m.html}
            style={{ width: '100%', minHeight: 260, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
          />
          {m.calendar && (
            <details>
              <summary>Calendar invitation ({/METHOD:(\w+)/.exec(m.calendar)?.[1] ?? 'calendar'})</summary>
              <Code block mt="xs" style={{ maxHeight: 240, overflow: 'auto' }}>
                {m.calendar}
              </Code>
            </details>
          )}
        </Stack>
      )}
    </Modal>
  );
}
