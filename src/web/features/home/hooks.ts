import { useQuery } from '@tanstack/react-query';
import { catalogApi, channelsApi } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { channelKeys } from '../channels/hooks';

/** The home page's own sections (recommendations are the channels feature's: `channelKeys.recommendations`). */
export const homeKeys = {
  all: ['home'] as const,
  startingSoon: (hour: string, limit: number) => ['home', 'starting-soon', hour, limit] as const,
  newest: (limit: number) => ['home', 'newest', limit] as const,
};

/** Cards in one row of Home's suggestions (two across on a wide screen). */
export const HOME_ROW = 2;

export function useRecommendations() {
  return useQuery({
    queryKey: channelKeys.recommendations,
    queryFn: ({ signal }) => call(channelsApi.recommendations, {}, { signal }),
  });
}

/** The next week's sessions that still have seats, soonest first (the hour is the key: one fetch per hour). */
export function useStartingSoon(limit: number) {
  const hour = new Date();
  hour.setUTCMinutes(0, 0, 0);
  const to = new Date(hour.getTime() + 8 * 24 * 3_600_000).toISOString();
  return useQuery({
    queryKey: homeKeys.startingSoon(hour.toISOString(), limit),
    queryFn: ({ signal }) => call(catalogApi.search, { query: { hasSeats: 'true', to, sort: 'soonest', limit } }, { signal }),
  });
}

/** The newest published workshops; the section keeps those of the last seven days. */
export function useNewest(limit: number) {
  return useQuery({
    queryKey: homeKeys.newest(limit),
    queryFn: ({ signal }) => call(catalogApi.search, { query: { sort: 'newest', limit } }, { signal }),
  });
}
