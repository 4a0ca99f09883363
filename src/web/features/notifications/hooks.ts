import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed, Mail, MailSummary, OutboxMessage, OutboxPage } from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';

export type OutboxStatus = 'pending' | 'done' | 'dead';

export const notificationKeys = {
  outbox: (status: OutboxStatus) => ['notifications', 'outbox', status] as const,
  mailbox: (to?: string) => ['notifications', 'mailbox', to ?? ''] as const,
  mail: (id: string) => ['notifications', 'mail', id] as const,
  feed: ['notifications', 'feed'] as const,
};

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

export function useResetCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeed>('/me/calendar/reset', {}),
    onSuccess: (feed) => qc.setQueryData(notificationKeys.feed, feed),
  });
}
