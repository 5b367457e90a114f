// Queries and commands for case files, letters and letter templates. The upload sends the raw
// file (XMLHttpRequest, for upload progress); everything else goes through the JSON client.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Problem } from '../../shared/api';
import type {
  CaseFileList, CaseFileView, LetterPreview, LetterTemplateBody, LetterTemplateList, LetterTemplateView, NewLetterBody,
} from '../../shared/files-api';
import { ApiError, api, request } from '../api/client';
import { keys as appKeys } from '../api/queries';

export const fileKeys = {
  caseFiles: (caseId: string) => ['staff', 'case-files', caseId] as const,
  templates: (area: string | undefined) => ['staff', 'letter-templates', area ?? 'alla'] as const,
  adminTemplates: ['admin', 'letter-templates'] as const,
};

/** Largest file the server takes (the server checks too; this only spares a long wait). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function useCaseFiles(caseId: string) {
  return useQuery({
    queryKey: fileKeys.caseFiles(caseId),
    queryFn: ({ signal }) => api.get<CaseFileList>(`/api/staff/cases/${encodeURIComponent(caseId)}/files`, signal),
  });
}

export function useLetterTemplates(area: string | undefined) {
  return useQuery({
    queryKey: fileKeys.templates(area),
    queryFn: ({ signal }) => api.get<LetterTemplateList>(`/api/staff/letter-templates${area ? `?area=${encodeURIComponent(area)}` : ''}`, signal),
    staleTime: 5 * 60_000,
  });
}

function csrfToken(queryClient: ReturnType<typeof useQueryClient>): string | undefined {
  return queryClient.getQueryData<{ csrfToken?: string }>(appKeys.session)?.csrfToken;
}

function problemFrom(xhr: XMLHttpRequest): ApiError {
  let body: Partial<Problem> | null = null;
  try { body = JSON.parse(xhr.responseText) as Partial<Problem>; } catch { /* not JSON */ }
  if (body && typeof body.title === 'string') {
    return new ApiError({ type: body.type ?? 'about:blank', title: body.title, status: xhr.status, detail: body.detail, errors: body.errors });
  }
  return new ApiError({ type: 'about:blank', title: xhr.statusText || 'Error', status: xhr.status });
}

export interface UploadArgs { file: File; description?: string; onProgress?: (fraction: number) => void }

/** Uploads one file to the case; resolves with the stored file or rejects with an ApiError. */
export function useUploadFile(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, description, onProgress }: UploadArgs) => new Promise<CaseFileView>((resolve, reject) => {
      const params = new URLSearchParams({ name: file.name });
      if (description?.trim()) params.set('description', description.trim());
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/files?${params}`);
      xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
      xhr.setRequestHeader('accept', 'application/json, application/problem+json');
      const token = csrfToken(queryClient);
      if (token) xhr.setRequestHeader('x-csrf-token', token);
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress?.(e.loaded / e.total); };
      xhr.onload = () => {
        if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as CaseFileView);
        else reject(problemFrom(xhr));
      };
      xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0 }));
      xhr.send(file);
    }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fileKeys.caseFiles(caseId) }),
  });
}

export function usePreviewLetter(caseId: string) {
  return useMutation({
    mutationFn: (body: NewLetterBody) => api.post<LetterPreview>(`/api/staff/cases/${encodeURIComponent(caseId)}/letters/preview`, body),
  });
}

export function useCreateLetter(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLetterBody) => api.post<CaseFileView>(`/api/staff/cases/${encodeURIComponent(caseId)}/letters`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fileKeys.caseFiles(caseId) }),
  });
}

// ---- templates (systemförvaltare) ----

export function useAdminTemplates() {
  return useQuery({ queryKey: fileKeys.adminTemplates, queryFn: ({ signal }) => api.get<LetterTemplateList>('/api/admin/letter-templates', signal) });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: LetterTemplateBody }) => (id
      ? request<LetterTemplateView>('PUT', `/api/admin/letter-templates/${encodeURIComponent(id)}`, body)
      : request<LetterTemplateView>('POST', '/api/admin/letter-templates', body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'letter-templates'] }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/api/admin/letter-templates/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'letter-templates'] }),
  });
}
