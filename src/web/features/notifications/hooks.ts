import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarFeed,
  CreatedCalendarFeed,
  CreatedWebhook,
  CreateWebhookBody,
  Mail,
  MailSummary,
  NotificationPreferences,
  OutboxMessage,
  OutboxPage,
  WebhookSubscription,
} from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';

export type OutboxStatus = 'pending' | 'done' | 'dead';

export const notificationKeys = {
  outbox: (status: OutboxStatus) => ['notifications', 'outbox', status] as const,
  mailbox: (to?: string) => ['notifications', 'mailbox', to ?? ''] as const,
  mail: (id: string) => ['notifications', 'mail', id] as const,
  feed: ['notifications', 'feed'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => api.get<NotificationPreferences>('/me/notification-preferences', undefined, signal),
  });
}

/** Saves one choice; the answer is the whole list, as the server now has it. */
export function useSetPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: string; channel: NotificationPreferences['items'][number]['channel'] }) =>
      api.put<NotificationPreferences>('/me/notification-preferences', { channels: { [change.kind]: change.channel } }),
    onSuccess: (data) => qc.setQueryData(notificationKeys.preferences, data),
  });
}

export function useOutbox(status: OutboxStatus) {
  return useInfiniteQuery({
    queryKey: notificationKeys.outbox(status),
    queryFn: ({ pageParam, signal }) => api.get<OutboxPage>('/admin/outbox', { status, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The worker delivers in the background: what is waiting changes by itself.
    refetchInterval: 10_000,
  });
}

export function useRetryMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxMessage>(`/admin/outbox/${encodeURIComponent(id)}/retry`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications', 'outbox'] }),
  });
}

export function useMailbox(to?: string) {
  return useInfiniteQuery({
    queryKey: notificationKeys.mailbox(to),
    queryFn: ({ pageParam, signal }) => api.get<Page<MailSummary>>('/admin/mailbox', { to, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
}

export function useMail(id: string | null) {
  return useQuery({
    queryKey: notificationKeys.mail(id ?? ''),
    queryFn: ({ signal }) => api.get<Mail>(`/admin/mailbox/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useCalendarFeed(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.feed,
    queryFn: ({ signal }) => api.get<CalendarFeed>('/me/calendar', undefined, signal),
    enabled,
  });
}

/** Makes a new feed address (the first, or one replacing the old); the answer is the only time it is shown. */
export function useNewCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CreatedCalendarFeed>('/me/calendar', {}),
    onSuccess: ({ createdAt, hint }) => qc.setQueryData<CalendarFeed>(notificationKeys.feed, { active: true, createdAt, hint }),
  });
}

const webhookKeys = {
  all: ['notifications', 'webhooks'] as const,
  deliveries: (id: string) => ['notifications', 'webhooks', id, 'deliveries'] as const,
};

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.all,
    queryFn: ({ signal }) => api.get<{ items: WebhookSubscription[] }>('/admin/webhooks', undefined, signal),
  });
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => api.post<CreatedWebhook>('/admin/webhooks', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; active?: boolean; events?: string[] }) =>
      api.patch<WebhookSubscription>(`/admin/webhooks/${encodeURIComponent(id)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/admin/webhooks/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useWebhookDeliveries(id: string, enabled: boolean) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ signal }) => api.get<{ items: OutboxMessage[] }>(`/admin/webhooks/${encodeURIComponent(id)}/deliveries`, undefined, signal),
    enabled,
    refetchInterval: enabled ? 10_000 : false,
  });
}
