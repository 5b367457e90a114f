// React Query hooks for verkställighet (myndighet side): one per endpoint in src/shared/orders-api.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseOrders, EvbList, NewOrderBody, OrderMessages, OrderStepBody, ProviderOptions, StaffOrderView } from '../../shared/orders-api';
import { api } from '../api/client';

const enc = encodeURIComponent;

export const orderKeys = {
  caseOrders: (caseId: string) => ['staff', 'case', caseId, 'orders'] as const,
  providers: (insats: string) => ['staff', 'providers', insats] as const,
  messages: (orderId: string) => ['staff', 'order', orderId, 'messages'] as const,
  evb: ['staff', 'evb'] as const,
};

export type OrderStep = 'avbryt' | 'ateruppta' | 'avsluta';

export const orderApi = {
  caseOrders: (caseId: string, signal?: AbortSignal) => api.get<CaseOrders>(`/api/staff/cases/${enc(caseId)}/orders`, signal),
  providers: (insats: string, signal?: AbortSignal) => api.get<ProviderOptions>(`/api/staff/providers?insats=${enc(insats)}`, signal),
  create: (caseId: string, body: NewOrderBody) => api.post<StaffOrderView>(`/api/staff/cases/${enc(caseId)}/orders`, body),
  step: (orderId: string, step: OrderStep, body: OrderStepBody) => api.post<StaffOrderView>(`/api/staff/orders/${enc(orderId)}/steps/${enc(step)}`, body),
  messages: (orderId: string, signal?: AbortSignal) => api.get<OrderMessages>(`/api/staff/orders/${enc(orderId)}/messages`, signal),
  sendMessage: (orderId: string, body: string) => api.post<OrderMessages>(`/api/staff/orders/${enc(orderId)}/messages`, { body }),
  evb: (signal?: AbortSignal) => api.get<EvbList>('/api/staff/evb', signal),
  report: (body: { decisionId: string; kind: 'ej_verkstallt' | 'avbrott'; reason: string }) =>
    api.post<{ id: string; quarter: string; created: boolean }>('/api/staff/evb/reports', body),
};

export const ivoCsvUrl = (quarter: string) => `/api/staff/evb/ivo-report.csv?quarter=${enc(quarter)}`;

export function useCaseOrders(caseId: string) {
  return useQuery({ queryKey: orderKeys.caseOrders(caseId), queryFn: ({ signal }) => orderApi.caseOrders(caseId, signal), staleTime: 0 });
}

export function useProviders(insats: string | null) {
  return useQuery({
    queryKey: orderKeys.providers(insats ?? ''),
    queryFn: ({ signal }) => orderApi.providers(insats!, signal),
    enabled: Boolean(insats),
    staleTime: 5 * 60_000,
  });
}

/** The order's messages; reading them marks the provider's as read, so the case's unread count for this order is set to 0 in place. */
export function useOrderMessagesQuery(caseId: string, orderId: string, enabled: boolean) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: orderKeys.messages(orderId),
    queryFn: async ({ signal }) => {
      const r = await orderApi.messages(orderId, signal);
      qc.setQueryData<CaseOrders>(orderKeys.caseOrders(caseId), (d) => d && {
        ...d,
        orders: d.orders.map((o) => (o.id === orderId ? { ...o, unreadFromProvider: 0 } : o)),
      });
      return r;
    },
    enabled,
    staleTime: 0,
  });
}

/** Sends a message to the provider; the answer is the order's messages, put straight into the messages query. */
export function useSendOrderMessage(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => orderApi.sendMessage(orderId, body),
    onSuccess: (messages) => qc.setQueryData(orderKeys.messages(orderId), messages),
  });
}

/** A change to an order: afterwards the case's orders are read again (the case page shows them). */
export function useOrderChange<T>(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fn: () => Promise<T>) => fn(),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: orderKeys.caseOrders(caseId) });
      void qc.invalidateQueries({ queryKey: orderKeys.evb });
    },
  });
}

export function useEvb() {
  return useQuery({ queryKey: orderKeys.evb, queryFn: ({ signal }) => orderApi.evb(signal), staleTime: 0 });
}

export function useEvbReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: orderApi.report,
    onSuccess: () => void qc.invalidateQueries({ queryKey: orderKeys.evb }),
  });
}
