import { useQuery } from '@tanstack/react-query';
import type { Recommendation } from '../../../contracts/index.js';
import { api } from '../../api/client';
import { channelKeys } from '../channels/hooks';

export function useRecommendations() {
  return useQuery({
    queryKey: channelKeys.recommendations,
    queryFn: ({ signal }) => api.get<{ items: Recommendation[] }>('/recommendations', undefined, signal),
  });
}
