// React Query hooks and calls for the case process (issue 3): one per endpoint in
// src/shared/cases-api.ts. Every change to a case answers with the case as it now stands
// (CaseDetail); it replaces the cached case at once, so the page never reloads.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CaseDetail, Catalogue, Dashboard, DecisionDraftBody, InvestigationBody, NewCaseBody, NewCaseResult, ProposeResult, SignBody,
  SignResult, Step, StepBody, UnitStaff,
} from '../../shared/cases-api';
import type { PersonOverview } from '../../shared/api';
import { api, request } from '../api/client';
import { keys } from '../api/queries';

export const caseKeys = {
  catalogue: ['staff', 'catalogue'] as const,
  detail: (id: string) => ['staff', 'case', id] as const,
  unitStaff: ['staff', 'unit-staff'] as const,
  dashboard: ['staff', 'dashboard'] as const,
};

const enc = encodeURIComponent;
const base = (id: string) => `/api/staff/cases/${enc(id)}`;

export type DeliveryMethod = NonNullable<CaseDetail['letters'][number]['deliveryMethod']>;
export type AppealAction = 'avvisa' | 'omprova_andra' | 'overlamna';

/** Plain calls; each change returns the case as it now stands. */
export const caseApi = {
  create: (body: NewCaseBody) => api.post<NewCaseResult>('/api/staff/cases', body),
  assign: (id: string, staffUserId?: string) => api.post<CaseDetail>(`${base(id)}/assign`, staffUserId ? { staffUserId } : {}),
  step: (id: string, step: Step, body: StepBody = {}) => api.post<CaseDetail>(`${base(id)}/steps/${enc(step)}`, body),
  saveInvestigation: (id: string, body: InvestigationBody) => request<{ version: number }>('PUT', `${base(id)}/investigation`, body),
  extend: (id: string, extendTo: string, reason: string) => api.post<CaseDetail>(`${base(id)}/investigation/extend`, { extendTo, reason }),
  reply: (id: string, receivedOn: string) => api.post<CaseDetail>(`${base(id)}/kommunicering/reply`, { receivedOn }),
  createDraft: (id: string, body: DecisionDraftBody) => api.post<CaseDetail>(`${base(id)}/decisions`, body),
  updateDraft: (id: string, decisionId: string, body: DecisionDraftBody) =>
    request<CaseDetail>('PUT', `${base(id)}/decisions/${enc(decisionId)}`, body),
  deleteDraft: (id: string, decisionId: string) => request<CaseDetail>('DELETE', `${base(id)}/decisions/${enc(decisionId)}`),
  sign: (id: string, body: SignBody = {}) => api.post<SignResult>(`${base(id)}/decisions/sign`, body),
  propose: (id: string) => api.post<ProposeResult>(`${base(id)}/decisions/propose`, {}),
  delivery: (id: string, letterId: string, deliveredOn: string, method: DeliveryMethod) =>
    api.post<CaseDetail>(`${base(id)}/letters/${enc(letterId)}/delivery`, { deliveredOn, method }),
  appeal: (id: string, body: { decisionId: string; receivedOn: string; wrongInstruction?: boolean }) =>
    api.post<CaseDetail>(`${base(id)}/appeals`, body),
  appealAction: (id: string, appealId: string, body: { action: AppealAction; note?: string; court?: string; forwardedOn?: string }) =>
    api.post<CaseDetail>(`${base(id)}/appeals/${enc(appealId)}`, body),
  get: (id: string, signal?: AbortSignal) => api.get<CaseDetail>(base(id), signal),
};

export function fileUrl(fileId: string): string {
  return `/api/staff/files/${enc(fileId)}/content`;
}

export function useCatalogue() {
  return useQuery({
    queryKey: caseKeys.catalogue,
    queryFn: ({ signal }) => api.get<Catalogue>('/api/staff/catalogue', signal),
    staleTime: Infinity,
  });
}

export function useCaseDetail(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => caseApi.get(id, signal), staleTime: 0 });
}

export function useUnitStaff(enabled = true) {
  return useQuery({
    queryKey: caseKeys.unitStaff,
    queryFn: ({ signal }) => api.get<UnitStaff>('/api/staff/unit-staff', signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useDashboard() {
  return useQuery({ queryKey: caseKeys.dashboard, queryFn: ({ signal }) => api.get<Dashboard>('/api/staff/dashboard', signal), staleTime: 0 });
}

/** The person chosen before a new aktualisering (?person=…); same cache entry as the person page. */
export function usePresetPerson(id: string) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: ({ signal }) => api.get<PersonOverview>(`/api/staff/persons/${enc(id)}`, signal),
    enabled: Boolean(id),
    retry: false,
  });
}

/** Lists that show cases (my cases, inbox, unit, dashboard, person overviews) are stale after a change. */
function invalidateLists(queryClient: QueryClient): void {
  // 'all': lists not on screen are fetched now too, so the next page shows the change at once
  void queryClient.invalidateQueries({ queryKey: ['staff', 'my-cases'], refetchType: 'all' });
  void queryClient.invalidateQueries({ queryKey: caseKeys.dashboard });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'person'] });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCaseBody) => caseApi.create(body),
    onSuccess: () => invalidateLists(queryClient),
  });
}

/**
 * One change to a case. `mutate(() => caseApi.step(...))`: the returned case replaces the cached
 * one. Each form owns its own instance, so its pending state and error stay with it.
 */
export function useCaseChange(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: () => Promise<CaseDetail>) => change(),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(caseId), detail);
      invalidateLists(queryClient);
    },
  });
}

/** Signing or proposing: the answer is not the case, so the case is read again afterwards. */
export function useDecisionAction<T>(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: () => Promise<T>) => {
      const result = await action();
      const detail = await caseApi.get(caseId);
      queryClient.setQueryData(caseKeys.detail(caseId), detail);
      return result;
    },
    onSuccess: () => invalidateLists(queryClient),
  });
}

/** Take a case from the inbox (or a list) without opening it. */
export function useAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, staffUserId }: { caseId: string; staffUserId?: string }) => caseApi.assign(caseId, staffUserId),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      invalidateLists(queryClient);
    },
  });
}
