import { useQuery } from '@tanstack/react-query';
import { analyticsApi } from '../../../contracts/index.js';
import { call, isApiError } from '../../api/client';
import { analyticsKeys } from './keys';

/**
 * Whether a member (not an admin) may open the dashboard: the admins may have shared it with
 * them. Asked only where a link would show (e.g. when the account menu opens), with the smallest
 * period, and kept for the visit.
 */
export function useDashboardAccess(enabled: boolean) {
  return useQuery({
    queryKey: analyticsKeys.access,
    queryFn: async ({ signal }) => {
      const today = new Date().toISOString().slice(0, 10);
      try {
        await call(analyticsApi.teams, { query: { from: today, to: today } }, { signal });
        return true;
      } catch (err) {
        if (isApiError(err) && (err.status === 403 || err.status === 404)) return false;
        throw err;
      }
    },
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}
