import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelPage } from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';
import { notifyError } from '../../lib/forms';

export type FollowState = { following: boolean; followerCount: number };
export type InterestState = { interested: boolean; interestCount: number };

/** Channels, follows and "notify me"; each family has its own prefix so one call refreshes it. */
export const channelKeys = {
  all: ['channels'] as const,
  list: (q: string, following: boolean) => ['channels', 'list', q, following] as const,
  picker: ['channels', 'picker'] as const,
  one: (slug: string) => ['channels', 'one', slug] as const,
  interest: (workshopId: string) => ['interest', workshopId] as const,
  recommendations: ['recommendations'] as const,
};

export function useChannels(q: string, following = false) {
  return useInfiniteQuery({
    queryKey: channelKeys.list(q, following),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Channel>>('/channels', { q, following: following ? 'true' : undefined, limit: 30, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

/** Every channel at once, for pickers (there are tens, not thousands, of topic hubs). */
export function useChannelOptions(enabled = true) {
  return useQuery({
    queryKey: channelKeys.picker,
    queryFn: ({ signal }) => api.get<Page<Channel>>('/channels', { limit: 100 }, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useChannel(slug: string) {
  return useQuery({
    queryKey: channelKeys.one(slug),
    queryFn: ({ signal }) => api.get<ChannelPage>(`/channels/${encodeURIComponent(slug)}`, undefined, signal),
  });
}

/** Writes a channel's follow state into every cached list and page that shows it. */
function writeFollow(qc: QueryClient, slug: string, state: FollowState) {
  const patch = (c: Channel) => (c.slug === slug ? { ...c, ...state } : c);
  qc.setQueriesData<{ pages: Page<Channel>[] }>({ queryKey: ['channels', 'list'] }, (d) =>
    d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.map(patch) })) } : d,
  );
  qc.setQueriesData<Page<Channel>>({ queryKey: channelKeys.picker }, (d) => (d ? { ...d, items: d.items.map(patch) } : d));
  qc.setQueryData<ChannelPage>(channelKeys.one(slug), (d) => (d ? { ...d, channel: patch(d.channel) } : d));
}

/** Follow or unfollow a channel: the button flips at once and flips back with a message if the server says no. */
export function useFollowChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, follow }: { slug: string; name: string; follow: boolean; followerCount: number }) =>
      follow
        ? api.put<FollowState>(`/channels/${encodeURIComponent(slug)}/follow`, {})
        : api.delete<FollowState>(`/channels/${encodeURIComponent(slug)}/follow`),
    onMutate: async ({ slug, follow, followerCount }) => {
      await qc.cancelQueries({ queryKey: channelKeys.all });
      writeFollow(qc, slug, { following: follow, followerCount: Math.max(0, followerCount + (follow ? 1 : -1)) });
      return { previous: { following: !follow, followerCount } };
    },
    onError: (err, { slug, name, follow }, ctx) => {
      if (ctx) writeFollow(qc, slug, ctx.previous);
      notifyError(err, follow ? `Could not follow ${name}` : `Could not unfollow ${name}`);
    },
    onSuccess: (state, { slug }) => writeFollow(qc, slug, state),
    // What you follow decides what is recommended to you.
    onSettled: () => void qc.invalidateQueries({ queryKey: channelKeys.recommendations }),
  });
}

/** Whether the viewer follows a host, and how many people do. */
export function useHostFollowState(personId: string) {
  return useQuery({
    queryKey: ['people', 'follow', personId] as const,
    queryFn: ({ signal }) => api.get<FollowState>(`/people/${encodeURIComponent(personId)}/follow`, undefined, signal),
  });
}

/** Follow or unfollow a host; following twice is harmless (PUT). */
export function useFollowHost(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) =>
      follow
        ? api.put<FollowState>(`/people/${encodeURIComponent(personId)}/follow`, {})
        : api.delete<FollowState>(`/people/${encodeURIComponent(personId)}/follow`),
    onSettled: () => void qc.invalidateQueries({ queryKey: channelKeys.recommendations }),
  });
}

export function useInterest(workshopId: string) {
  return useQuery({
    queryKey: channelKeys.interest(workshopId),
    queryFn: ({ signal }) => api.get<InterestState>(`/workshops/${encodeURIComponent(workshopId)}/interest`, undefined, signal),
  });
}

/** "Notify me when it runs again", optimistic like every toggle. */
export function useSetInterest(workshopId: string) {
  const qc = useQueryClient();
  const key = channelKeys.interest(workshopId);
  return useMutation({
    mutationFn: (interested: boolean) =>
      interested
        ? api.put<InterestState>(`/workshops/${encodeURIComponent(workshopId)}/interest`, {})
        : api.delete<InterestState>(`/workshops/${encodeURIComponent(workshopId)}/interest`),
    onMutate: async (interested) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<InterestState>(key);
      if (previous) qc.setQueryData<InterestState>(key, { interested, interestCount: previous.interestCount + (interested ? 1 : -1) });
      return { previous };
    },
    onError: (err, interested, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
      notifyError(err, interested ? 'Could not ask to be notified' : 'Could not stop the notification');
    },
    onSuccess: (state) => qc.setQueryData(key, state),
  });
}

/** Hosts put their workshop in up to five channels. */
export function useSetWorkshopChannels(workshopId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (channels: string[]) =>
      api.put<{ channels: string[] }>(`/workshops/${encodeURIComponent(workshopId)}/channels`, { channels }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['workshops', 'one', workshopId] });
      void qc.invalidateQueries({ queryKey: ['search'] });
      void qc.invalidateQueries({ queryKey: channelKeys.all });
    },
  });
}

/** Create (admins) or change (owners, admins) a channel; lists and the page refresh. */
export function useSaveChannel(slug: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { slug?: string; name: string; description: string; slackWebhookUrl?: string | null }) =>
      slug ? api.patch<Channel>(`/channels/${encodeURIComponent(slug)}`, body) : api.post<Channel>('/channels', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: channelKeys.all }),
  });
}
