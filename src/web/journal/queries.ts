// Query hooks of the journal and the timeline (reads go through the shared client).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseJournal, MyDrafts, Timeline, TimelineQuery } from '../../shared/journal-api';
import { api } from '../api/client';

export const journalKeys = {
  caseJournal: (caseId: string) => ['staff', 'journal', 'case', caseId] as const,
  myDrafts: ['staff', 'journal', 'drafts'] as const,
  timeline: (personId: string, q: TimelineQuery) => ['staff', 'timeline', personId, q.area ?? '', q.type ?? ''] as const,
};

export function useCaseJournal(caseId: string) {
  return useQuery({
    queryKey: journalKeys.caseJournal(caseId),
    queryFn: ({ signal }) => api.get<CaseJournal>(`/api/staff/cases/${encodeURIComponent(caseId)}/journal`, signal),
    staleTime: 0,
  });
}

export function useMyDrafts() {
  return useQuery({
    queryKey: journalKeys.myDrafts,
    queryFn: ({ signal }) => api.get<MyDrafts>('/api/staff/journal/drafts', signal),
    staleTime: 0,
  });
}

export function useTimeline(personId: string, q: TimelineQuery) {
  const params = new URLSearchParams();
  if (q.area) params.set('area', q.area);
  if (q.type) params.set('type', q.type);
  const qs = params.toString();
  return useQuery({
    queryKey: journalKeys.timeline(personId, q),
    queryFn: ({ signal }) => api.get<Timeline>(`/api/staff/persons/${encodeURIComponent(personId)}/timeline${qs ? `?${qs}` : ''}`, signal),
    placeholderData: keepPreviousData,
  });
}
