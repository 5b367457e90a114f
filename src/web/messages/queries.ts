// Query hooks and calls for Meddelanden (src/shared/messages-api.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CitizenMessagesOverview, CitizenThread, CitizenUnread, JournalMessageResult, NewMessageBody, NotificationSettings,
  NotificationSettingsBody, StaffNewMessageBody, ThreadList, UnreadByOrder,
} from '../../shared/messages-api';
import { api, request } from '../api/client';
import { journalKeys } from '../journal/queries';
import { newUuid } from '../api/ids';

const enc = encodeURIComponent;

export type CitizenTarget = { kind: 'arende'; caseId: string } | { kind: 'bestallning'; orderId: string };
const targetPath = (t: CitizenTarget) => (t.kind === 'arende' ? `/api/citizen/messages/cases/${enc(t.caseId)}` : `/api/citizen/messages/orders/${enc(t.orderId)}`);

export const messageKeys = {
  citizen: ['citizen', 'messages'] as const,
  citizenOverview: ['citizen', 'messages', 'overview'] as const,
  citizenUnread: ['citizen', 'messages', 'unread'] as const,
  citizenThread: (t: CitizenTarget) => ['citizen', 'messages', 'thread', t.kind, t.kind === 'arende' ? t.caseId : t.orderId] as const,
  settings: ['citizen', 'messages', 'settings'] as const,
  caseThreads: (caseId: string) => ['staff', 'messages', 'case', caseId] as const,
  orderThreads: (orderId: string) => ['provider', 'citizen-messages', orderId] as const,
};

/** A random id for a message, made when the form opens: a retry or double click then sends once. */
export const newKey = newUuid;

// ---- citizen ----

export function useCitizenOverview() {
  return useQuery({ queryKey: messageKeys.citizenOverview, queryFn: ({ signal }) => api.get<CitizenMessagesOverview>('/api/citizen/messages', signal), staleTime: 0 });
}

/** Unread messages for the citizen (e.g. a count in the menu). */
export function useCitizenUnread() {
  return useQuery({
    queryKey: messageKeys.citizenUnread, queryFn: ({ signal }) => api.get<CitizenUnread>('/api/citizen/messages/unread', signal),
    refetchInterval: 60_000,
  });
}

/** Reading the conversation marks it read; the overview and the count are refreshed after. */
export function useCitizenThread(target: CitizenTarget | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: target ? messageKeys.citizenThread(target) : ['citizen', 'messages', 'thread', 'none'],
    enabled: target !== null,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const thread = await api.get<CitizenThread>(targetPath(target!), signal);
      void qc.invalidateQueries({ queryKey: messageKeys.citizenOverview });
      void qc.invalidateQueries({ queryKey: messageKeys.citizenUnread });
      return thread;
    },
  });
}

export function useCitizenWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ target, body }: { target: CitizenTarget; body: NewMessageBody }) => api.post<CitizenThread>(targetPath(target), body),
    onSuccess: (thread, { target }) => {
      qc.setQueryData(messageKeys.citizenThread(target), thread);
      void qc.invalidateQueries({ queryKey: messageKeys.citizenOverview });
    },
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: messageKeys.settings, queryFn: ({ signal }) => api.get<NotificationSettings>('/api/citizen/messages/settings', signal) });
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsBody) => request<NotificationSettings>('PUT', '/api/citizen/messages/settings', body),
    onSuccess: (saved) => qc.setQueryData(messageKeys.settings, saved),
  });
}

/** Confirms the address with the code from the e-mail or SMS. */
export function useVerifyNotificationCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => request<NotificationSettings>('POST', '/api/citizen/messages/settings/verify', { code }),
    onSuccess: (saved) => qc.setQueryData(messageKeys.settings, saved),
  });
}

/** Asks for a new code (the server allows one a minute, five an hour). */
export function useResendNotificationCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<NotificationSettings>('POST', '/api/citizen/messages/settings/resend', {}),
    onSuccess: (saved) => qc.setQueryData(messageKeys.settings, saved),
  });
}

// ---- staff (handläggare) and provider ----

export type StaffScope = { kind: 'case'; caseId: string } | { kind: 'order'; orderId: string };
const scopeBase = (s: StaffScope) => (s.kind === 'case' ? `/api/staff/cases/${enc(s.caseId)}/messages` : `/api/provider/orders/${enc(s.orderId)}/citizen-messages`);
const scopeKey = (s: StaffScope) => (s.kind === 'case' ? messageKeys.caseThreads(s.caseId) : messageKeys.orderThreads(s.orderId));

export function useThreads(scope: StaffScope) {
  return useQuery({ queryKey: scopeKey(scope), queryFn: ({ signal }) => api.get<ThreadList>(scopeBase(scope), signal), staleTime: 10_000 });
}

export function useThreadChange(scope: StaffScope) {
  const qc = useQueryClient();
  const set = (list: ThreadList) => qc.setQueryData(scopeKey(scope), list);
  return {
    write: useMutation({ mutationFn: (body: StaffNewMessageBody) => api.post<ThreadList>(scopeBase(scope), body), onSuccess: set }),
    markRead: useMutation({ mutationFn: () => api.post<ThreadList>(`${scopeBase(scope)}/read`), onSuccess: set }),
    journal: useMutation({
      mutationFn: (messageId: string) => api.post<JournalMessageResult>(`${scopeBase(scope)}/journal`, { messageId }),
      onSuccess: async () => {
        if (scope.kind === 'case') {
          void qc.invalidateQueries({ queryKey: journalKeys.caseJournal(scope.caseId) });
          void qc.invalidateQueries({ queryKey: journalKeys.myDrafts });
        } else {
          void qc.invalidateQueries({ queryKey: ['provider', 'order', scope.orderId, 'journal'] });
        }
        await qc.invalidateQueries({ queryKey: scopeKey(scope) });
      },
    }),
  };
}

/** Unread messages from citizens on my provider's orders, per order. */
export function useProviderUnread() {
  return useQuery({
    queryKey: ['provider', 'citizen-messages', 'unread'] as const,
    queryFn: ({ signal }) => api.get<UnreadByOrder>('/api/provider/citizen-messages/unread', signal),
    refetchInterval: 60_000,
  });
}
