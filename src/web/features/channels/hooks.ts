import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CallInput, type Channel, type ChannelPage, channelsApi, type ResultOf } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { notifyError } from '../../lib/forms';
import { searchKeys } from '../search/hooks';
import { workshopKeys } from '../workshops/hooks';

export type FollowState = ResultOf<typeof channelsApi.follow>;
export type InterestState = ResultOf<typeof channelsApi.interest>;
type ChannelList = ResultOf<typeof channelsApi.list>;

/**
 * The query keys of channels, follows and "notify me" (each family has its own prefix so one call
 * refreshes it): other features invalidate through these, never by spelling the key.
 */
export const channelKeys = {
  all: ['channels'] as const,
  lists: ['channels', 'list'] as const,
  list: (q: string, following: boolean) => ['channels', 'list', q, following] as const,
  picker: ['channels', 'picker'] as const,
  /** Every channel's page. */
  pages: ['channels', 'one'] as const,
  one: (slug: string) => ['channels', 'one', slug] as const,
  interest: (workshopId: string) => ['interest', workshopId] as const,
  hostFollow: (personId: string) => ['people', 'follow', personId] as const,
  recommendations: ['recommendations'] as const,
};

export function useChannels(q: string, following = false) {
  return useInfiniteQuery({
    queryKey: channelKeys.list(q, following),
    queryFn: ({ pageParam, signal }) =>
      call(channelsApi.list, { query: { q, following: following ? 'true' : undefined, limit: 30, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

/** Every channel at once, for pickers (there are tens, not thousands, of topic hubs). */
export function useChannelOptions(enabled = true) {
  return useQuery({
    queryKey: channelKeys.picker,
    queryFn: ({ signal }) => call(channelsApi.list, { query: { limit: 100 } }, { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useChannel(slug: string) {
  return useQuery({
    queryKey: channelKeys.one(slug),
    queryFn: ({ signal }) => call(channelsApi.get, { params: { slug } }, { signal }),
  });
}

/** Writes a channel's follow state into every cached list and page that shows it. */
function writeFollow(qc: QueryClient, slug: string, state: FollowState) {
  const patch = (c: Channel) => (c.slug === slug ? { ...c, ...state } : c);
  qc.setQueriesData<{ pages: ChannelList[] }>({ queryKey: channelKeys.lists }, (d) =>
    d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.map(patch) })) } : d,
  );
  qc.setQueriesData<ChannelList>({ queryKey: channelKeys.picker }, (d) => (d ? { ...d, items: d.items.map(patch) } : d));
  qc.setQueryData<ChannelPage>(channelKeys.one(slug), (d) => (d ? { ...d, channel: patch(d.channel) } : d));
}

/** Follow or unfollow a channel: the button flips at once and flips back with a message if the server says no. */
export function useFollowChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, follow }: { slug: string; name: string; follow: boolean; followerCount: number }) =>
      call(follow ? channelsApi.follow : channelsApi.unfollow, { params: { slug } }),
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
    queryKey: channelKeys.hostFollow(personId),
    queryFn: ({ signal }) => call(channelsApi.hostFollowState, { params: { id: personId } }, { signal }),
  });
}

/** Follow or unfollow a host; following twice is harmless (PUT). */
export function useFollowHost(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => call(follow ? channelsApi.followHost : channelsApi.unfollowHost, { params: { id: personId } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: channelKeys.recommendations }),
  });
}

export function useInterest(workshopId: string) {
  return useQuery({
    queryKey: channelKeys.interest(workshopId),
    queryFn: ({ signal }) => call(channelsApi.interest, { params: { id: workshopId } }, { signal }),
  });
}

/** "Notify me when it runs again", optimistic like every toggle. */
export function useSetInterest(workshopId: string) {
  const qc = useQueryClient();
  const key = channelKeys.interest(workshopId);
  return useMutation({
    mutationFn: (interested: boolean) =>
      call(interested ? channelsApi.addInterest : channelsApi.removeInterest, { params: { id: workshopId } }),
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
    mutationFn: (channels: string[]) => call(channelsApi.setWorkshopChannels, { params: { id: workshopId }, body: { channels } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: workshopKeys.one(workshopId) });
      void qc.invalidateQueries({ queryKey: searchKeys.all });
      void qc.invalidateQueries({ queryKey: channelKeys.all });
    },
  });
}

/** What saving a channel sends: a new channel (admins), or changes to the one at `slug` (owners, admins). */
export type SaveChannel =
  | { slug: null; body: CallInput<typeof channelsApi.create>['body'] }
  | { slug: string; body: CallInput<typeof channelsApi.update>['body'] };

/** Create or change a channel; lists and the page refresh. */
export function useSaveChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (save: SaveChannel) =>
      save.slug === null
        ? call(channelsApi.create, { body: save.body })
        : call(channelsApi.update, { params: { slug: save.slug }, body: save.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: channelKeys.all }),
  });
}
