// React Query hooks and calls for the provider's (utförare) endpoints in src/shared/provider-api.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DeviationBody, DeviationList, DeviationStatusBody, DeviationView, JournalBody, OrderMessages, OrderTime, PlanBody, PlanList, PlanView,
  ProviderClients, ProviderInbox, ProviderJournal, ProviderJournalEntry, ProviderOrderDetail, ProviderStepKey, StepBody, VisitBody, PlanVisitsBody, ProviderStaff,
} from '../../shared/provider-api';
import { api, request } from '../api/client';

const enc = encodeURIComponent;
const base = (id: string) => `/api/provider/orders/${enc(id)}`;

export const providerKeys = {
  all: ['provider'] as const,
  inbox: ['provider', 'inbox'] as const,
  clients: ['provider', 'clients'] as const,
  order: (id: string) => ['provider', 'order', id] as const,
  part: (id: string, part: 'plans' | 'journal' | 'deviations' | 'messages') => ['provider', 'order', id, part] as const,
  time: (id: string, month: string) => ['provider', 'order', id, 'time', month] as const,
};

export const providerApi = {
  step: (id: string, step: ProviderStepKey, body: StepBody) => api.post<ProviderOrderDetail>(`${base(id)}/steps/${enc(step)}`, body),
  newPlan: (id: string) => api.post<PlanView>(`${base(id)}/plans`),
  savePlan: (id: string, planId: string, body: PlanBody) => request<PlanView>('PUT', `${base(id)}/plans/${enc(planId)}`, body),
  signPlan: (id: string, planId: string) => api.post<PlanView>(`${base(id)}/plans/${enc(planId)}/sign`),
  writeJournal: (id: string, body: JournalBody) => api.post<ProviderJournalEntry>(`${base(id)}/journal`, body),
  signJournal: (id: string, entryId: string) => api.post<ProviderJournalEntry>(`${base(id)}/journal/${enc(entryId)}/sign`),
  reportDeviation: (id: string, body: DeviationBody) => api.post<DeviationView>(`${base(id)}/deviations`, body),
  deviationStatus: (id: string, deviationId: string, body: DeviationStatusBody) => api.post<DeviationView>(`${base(id)}/deviations/${enc(deviationId)}/status`, body),
  sendMessage: (id: string, body: string) => api.post<OrderMessages>(`${base(id)}/messages`, { body }),
  registerVisit: (id: string, body: VisitBody) => api.post<OrderTime>(`${base(id)}/visits`, body),
  planVisits: (id: string, body: PlanVisitsBody) => api.post<OrderTime>(`${base(id)}/visits/planned`, body),
};

export function useProviderStaff() {
  return useQuery({ queryKey: ['provider', 'staff'], queryFn: ({ signal }) => api.get<ProviderStaff>('/api/provider/staff', signal), staleTime: 5 * 60_000 });
}

export function useInbox() {
  return useQuery({ queryKey: providerKeys.inbox, queryFn: ({ signal }) => api.get<ProviderInbox>('/api/provider/orders', signal) });
}
export function useClients() {
  return useQuery({ queryKey: providerKeys.clients, queryFn: ({ signal }) => api.get<ProviderClients>('/api/provider/clients', signal) });
}
export function useOrder(id: string) {
  return useQuery({ queryKey: providerKeys.order(id), queryFn: ({ signal }) => api.get<ProviderOrderDetail>(base(id), signal), retry: false });
}
export function usePlans(id: string) {
  return useQuery({ queryKey: providerKeys.part(id, 'plans'), queryFn: ({ signal }) => api.get<PlanList>(`${base(id)}/plans`, signal) });
}
export function useJournal(id: string) {
  return useQuery({ queryKey: providerKeys.part(id, 'journal'), queryFn: ({ signal }) => api.get<ProviderJournal>(`${base(id)}/journal`, signal) });
}
export function useDeviations(id: string) {
  return useQuery({ queryKey: providerKeys.part(id, 'deviations'), queryFn: ({ signal }) => api.get<DeviationList>(`${base(id)}/deviations`, signal) });
}
export function useMessages(id: string) {
  return useQuery({ queryKey: providerKeys.part(id, 'messages'), queryFn: ({ signal }) => api.get<OrderMessages>(`${base(id)}/messages`, signal) });
}
export function useOrderTime(id: string, month: string) {
  return useQuery({
    queryKey: providerKeys.time(id, month),
    queryFn: ({ signal }) => api.get<OrderTime>(`${base(id)}/time?month=${enc(month)}`, signal),
  });
}

/** A change within an order; on success the order's caches (and the inbox) are refreshed. */
export function useOrderMutation<A, R>(id: string, fn: (args: A) => Promise<R>, parts: Array<'plans' | 'journal' | 'deviations' | 'messages' | 'time' | 'order'>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      if (parts.includes('order')) {
        qc.setQueryData(providerKeys.order(id), result as unknown as ProviderOrderDetail);
        void qc.invalidateQueries({ queryKey: providerKeys.inbox });
      }
      await Promise.all(parts.filter((p) => p !== 'order').map((p) =>
        qc.invalidateQueries({ queryKey: p === 'time' ? ['provider', 'order', id, 'time'] : providerKeys.part(id, p) })));
    },
  });
}
