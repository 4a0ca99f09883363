import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CalendarFeed,
  type CallInput,
  type CreateWebhookBody,
  calendarApi,
  mailboxApi,
  type NotificationPreferences,
  notificationsApi,
  webhooksApi,
} from '../../../contracts/index.js';
import { call } from '../../api/client';

export type OutboxStatus = 'pending' | 'done' | 'dead';

/** The query keys of this feature: other features invalidate through these, never by spelling the key. */
export const notificationKeys = {
  all: ['notifications'] as const,
  outboxes: ['notifications', 'outbox'] as const,
  outbox: (status: OutboxStatus) => ['notifications', 'outbox', status] as const,
  mailbox: (to?: string) => ['notifications', 'mailbox', to ?? ''] as const,
  mail: (id: string) => ['notifications', 'mail', id] as const,
  feed: ['notifications', 'feed'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** The query keys of the webhooks pages. */
export const webhookKeys = {
  all: ['notifications', 'webhooks'] as const,
  deliveries: (id: string) => ['notifications', 'webhooks', id, 'deliveries'] as const,
};

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => call(notificationsApi.preferences, {}, { signal }),
  });
}

/** Saves one choice; the answer is the whole list, as the server now has it. */
export function useSetPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: {
      kind: NotificationPreferences['items'][number]['kind'];
      channel: NotificationPreferences['items'][number]['channel'];
    }) => call(notificationsApi.setPreferences, { body: { channels: { [change.kind]: change.channel } } }),
    onSuccess: (data) => qc.setQueryData(notificationKeys.preferences, data),
  });
}

export function useOutbox(status: OutboxStatus) {
  return useInfiniteQuery({
    queryKey: notificationKeys.outbox(status),
    queryFn: ({ pageParam, signal }) => call(notificationsApi.listOutbox, { query: { status, limit: 50, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The worker delivers in the background: what is waiting changes by itself.
    refetchInterval: 10_000,
  });
}

export function useRetryMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(notificationsApi.retryOutbox, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.outboxes }),
  });
}

export function useMailbox(to?: string) {
  return useInfiniteQuery({
    queryKey: notificationKeys.mailbox(to),
    queryFn: ({ pageParam, signal }) => call(mailboxApi.list, { query: { to, limit: 50, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
}

export function useMail(id: string | null) {
  return useQuery({
    queryKey: notificationKeys.mail(id ?? ''),
    queryFn: ({ signal }) => call(mailboxApi.get, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== null,
  });
}

export function useCalendarFeed(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.feed,
    queryFn: ({ signal }) => call(calendarApi.myFeed, {}, { signal }),
    enabled,
  });
}

/** Makes a new feed address (the first, or one replacing the old); the answer is the only time it is shown. */
export function useNewCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(calendarApi.newFeed, {}),
    onSuccess: ({ createdAt, hint }) => qc.setQueryData<CalendarFeed>(notificationKeys.feed, { active: true, createdAt, hint }),
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.all,
    queryFn: ({ signal }) => call(webhooksApi.list, {}, { signal }),
  });
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => call(webhooksApi.create, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

type UpdateWebhookBody = CallInput<typeof webhooksApi.update>['body'];

export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & UpdateWebhookBody) => call(webhooksApi.update, { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(webhooksApi.remove, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useWebhookDeliveries(id: string, enabled: boolean) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ signal }) => call(webhooksApi.deliveries, { params: { id } }, { signal }),
    enabled,
    refetchInterval: enabled ? 10_000 : false,
  });
}
