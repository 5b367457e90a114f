// React Query hooks, one per endpoint. Query keys are kept here so invalidation stays consistent.
import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Health, Municipalities, MyCases, PersonOverview, PersonSearchResult, ProviderClient, SessionInfo,
} from '../../shared/api';
import { ApiError, api, setCsrfToken } from './client';

export const keys = {
  session: ['session'] as const,
  municipalities: ['municipalities'] as const,
  myCases: (scope: 'mine' | 'unit' | 'inbox') => ['staff', 'my-cases', scope] as const,
  personSearch: (q: string) => ['staff', 'persons', q] as const,
  person: (id: string) => ['staff', 'person', id] as const,
  client: (id: string) => ['provider', 'client', id] as const,
  health: ['health'] as const,
};

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session is gone: mark it so, and the route guard shows the start page.
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      client.setQueryData<SessionInfo>(keys.session, { authenticated: false });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => query.queryKey[0] !== 'session' && onError(error) }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async ({ signal }) => {
      const session = await api.get<SessionInfo>('/api/session', signal);
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: keys.municipalities,
    queryFn: ({ signal }) => api.get<Municipalities>('/api/municipalities', signal),
    staleTime: Infinity,
  });
}

export function useMyCases(scope: 'mine' | 'unit' | 'inbox' = 'mine') {
  return useQuery({ queryKey: keys.myCases(scope), queryFn: ({ signal }) => api.get<MyCases>(`/api/staff/my-cases?scope=${scope}`, signal) });
}

export function usePersonSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: keys.personSearch(term),
    queryFn: ({ signal }) =>
      api.get<PersonSearchResult>(`/api/staff/persons?${new URLSearchParams({ q: term, limit: '20' })}`, signal),
    enabled: term.length >= 2,
    placeholderData: (previous) => previous,
    staleTime: 10_000,
  });
}

export function usePersonOverview(id: string) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: ({ signal }) => api.get<PersonOverview>(`/api/staff/persons/${encodeURIComponent(id)}`, signal),
    staleTime: 0,
  });
}

export function useAccessOverride(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<void>(`/api/staff/persons/${encodeURIComponent(id)}/access-override`, { reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.person(id) });
      await queryClient.invalidateQueries({ queryKey: ['staff', 'persons'] });
    },
  });
}

export function useProviderClient(id: string) {
  return useQuery({
    queryKey: keys.client(id),
    queryFn: ({ signal }) => api.get<ProviderClient>(`/api/provider/clients/${encodeURIComponent(id)}`, signal),
  });
}

export function useHealth() {
  return useQuery({ queryKey: keys.health, queryFn: ({ signal }) => api.get<Health>('/api/health', signal), retry: false });
}

/** Told to the parts that keep personal data on the device (the mobile day view), so they clear it at logout. */
export const LOGOUT_EVENT = 'lots:logout';

export function useLogout() {
  return useMutation({
    mutationFn: (everywhere: boolean) => {
      window.dispatchEvent(new Event(LOGOUT_EVENT));
      return api.post<{ redirectTo: string }>('/auth/logout', { everywhere });
    },
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo || '/'),
    // If the session is already gone, there is nothing to end: go to the start page.
    onError: () => window.location.assign('/'),
  });
}
