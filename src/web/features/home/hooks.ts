import { useQuery } from '@tanstack/react-query';
import type { Recommendation, SearchResponse } from '../../../contracts/index.js';
import { api } from '../../api/client';
import { channelKeys } from '../channels/hooks';

export function useRecommendations() {
  return useQuery({
    queryKey: channelKeys.recommendations,
    queryFn: ({ signal }) => api.get<{ items: Recommendation[] }>('/recommendations', undefined, signal),
  });
}

/** The next week's sessions that still have seats, soonest first (the hour is the key: one fetch per hour). */
export function useStartingSoon(limit: number) {
  const hour = new Date();
  hour.setUTCMinutes(0, 0, 0);
  const to = new Date(hour.getTime() + 8 * 24 * 3_600_000).toISOString();
  return useQuery({
    queryKey: ['home', 'starting-soon', hour.toISOString(), limit],
    queryFn: ({ signal }) => api.get<SearchResponse>('/search', { hasSeats: 'true', to, sort: 'soonest', limit }, signal),
  });
}

/** The newest published workshops; the section keeps those of the last seven days. */
export function useNewest(limit: number) {
  return useQuery({
    queryKey: ['home', 'newest', limit],
    queryFn: ({ signal }) => api.get<SearchResponse>('/search', { sort: 'newest', limit }, signal),
  });
}
