import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { adminPeopleApi } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { peopleKeys } from './hooks';

/** The People admin page's keys: under `people`, so a change there refreshes the directory too. */
export const adminPeopleKeys = {
  all: ['people', 'admin'] as const,
  list: (q: string) => ['people', 'admin', 'list', q] as const,
};

export function useAdminPeople(q: string, limit = 30) {
  return useInfiniteQuery({
    queryKey: adminPeopleKeys.list(q),
    queryFn: ({ pageParam, signal }) => call(adminPeopleApi.list, { query: { q, limit, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

/** Deactivate, reactivate, erase or change a role: each refreshes every list of people. */
export function usePersonAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: PersonAction) => {
      const params = { id: action.id };
      switch (action.kind) {
        case 'deactivate':
          return call(adminPeopleApi.deactivate, { params });
        case 'reactivate':
          return call(adminPeopleApi.reactivate, { params });
        case 'erase':
          return call(adminPeopleApi.erase, { params, body: { confirm: action.confirm } });
        case 'role':
          return call(adminPeopleApi.changeRole, { params, body: { role: action.role } });
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export type PersonAction =
  | { kind: 'deactivate' | 'reactivate'; id: string }
  | { kind: 'erase'; id: string; confirm: string }
  | { kind: 'role'; id: string; role: 'member' | 'admin' };
