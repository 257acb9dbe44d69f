import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  activityCreateInput,
  activityUpdateInput,
  caseCreateInput,
  caseUpdateInput,
  followUpRecordInput,
  nextActionCreateInput,
  nextActionUpdateInput,
} from '../../../shared/schemas/case';
import type { AttachmentPurpose, CaseStatus } from '../../../shared/domain/desk';
import { api, rawApiFetch, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type CaseDetail = components['schemas']['Case'];
export type CaseSummary = components['schemas']['CaseSummary'];
export type Activity = components['schemas']['Activity'];
export type FollowUp = components['schemas']['FollowUp'];
export type FollowUpDue = components['schemas']['FollowUpDue'];
export type NextAction = components['schemas']['NextAction'];
export type CaseListParams = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;

export type CaseCreateBody = z.input<typeof caseCreateInput>;
export type CaseUpdateBody = z.input<typeof caseUpdateInput>;
export type ActivityCreateBody = z.input<typeof activityCreateInput>;
export type ActivityUpdateBody = z.input<typeof activityUpdateInput>;
export type FollowUpRecordBody = z.input<typeof followUpRecordInput>;

export const caseKeys = {
  all: ['cases'] as const,
  list: (params: CaseListParams) => ['cases', 'list', params] as const,
  board: (params: CaseListParams) => ['cases', 'board', params] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  activities: (id: string) => ['cases', 'activities', id] as const,
  history: (id: string) => ['cases', 'history', id] as const,
  followUps: (due: string) => ['cases', 'follow-ups', due] as const,
  views: ['case-views'] as const,
};

/** The list, page by page (keyset cursor): 「さらに表示」 appends the next page. */
export function useCaseList(params: CaseListParams) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/cases', { params: { query: { ...params, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCaseBoard(params: CaseListParams) {
  return useQuery({
    queryKey: caseKeys.board(params),
    queryFn: () => unwrap(api.GET('/api/v1/cases/board', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export const caseQuery = (id: string) =>
  queryOptions({ queryKey: caseKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })) });

export function useCase(id: string) {
  return useQuery(caseQuery(id));
}

export function useCaseHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.history(id),
    queryFn: () => unwrap(api.GET('/api/v1/audit-events', { params: { query: { entityType: 'case', entityId: id, limit: 20 } } })),
    enabled,
  });
}

/** After any change of a case: the answer is the new case; lists and the board are stale. */
function useStoreCase() {
  const queryClient = useQueryClient();
  return async (value: CaseDetail) => {
    queryClient.setQueryData(caseKeys.detail(value.id), value);
    await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'cases' && query.queryKey[1] !== 'detail' });
  };
}

export function useCreateCase() {
  const store = useStoreCase();
  return useMutation({
    mutationFn: (body: CaseCreateBody) => unwrap(api.POST('/api/v1/cases', { body: body as never })),
    onSuccess: store,
  });
}

export function useUpdateCase(id: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: (body: CaseUpdateBody) => unwrap(api.PATCH('/api/v1/cases/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: store,
  });
}

export function useTransitionCase(id: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: (body: { version: number; to: CaseStatus; outcomeSummary?: string | null; closedOn?: string }) =>
      unwrap(api.POST('/api/v1/cases/{id}/transition', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

/** Moves a card on the board (any case: the id comes with the call). */
export function useMoveCase() {
  const store = useStoreCase();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; to: CaseStatus }) => unwrap(api.POST('/api/v1/cases/{id}/transition', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

export function useActivities(caseId: string) {
  return useQuery({
    queryKey: caseKeys.activities(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/activities', { params: { path: { id: caseId } } })),
  });
}

function useRefreshCase(caseId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: caseKeys.activities(caseId) });
    await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    await queryClient.invalidateQueries({ queryKey: caseKeys.history(caseId) });
  };
}

export function useSaveActivity(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: ({ activityId, body }: { activityId: string | null; body: ActivityCreateBody | ActivityUpdateBody }) =>
      activityId
        ? unwrap(api.PATCH('/api/v1/cases/{id}/activities/{activityId}', { params: { path: { id: caseId, activityId } }, body: body as never }))
        : unwrap(api.POST('/api/v1/cases/{id}/activities', { params: { path: { id: caseId } }, body: body as never })),
    onSuccess: refresh,
  });
}

export function useDeleteActivity(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: ({ activityId, version }: { activityId: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/cases/{id}/activities/{activityId}', { params: { path: { id: caseId, activityId }, query: { version } } })),
    onSuccess: refresh,
  });
}

export function useAddNextAction(caseId: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: (body: z.input<typeof nextActionCreateInput>) => unwrap(api.POST('/api/v1/cases/{id}/next-actions', { params: { path: { id: caseId } }, body: body as never })),
    onSuccess: store,
  });
}

export function useUpdateNextAction(caseId: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: ({ itemId, ...body }: { itemId: string } & z.input<typeof nextActionUpdateInput>) =>
      unwrap(api.PATCH('/api/v1/cases/{id}/next-actions/{itemId}', { params: { path: { id: caseId, itemId } }, body })),
    onSuccess: store,
  });
}

export function useRecordFollowUp(caseId: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: ({ itemId, ...body }: { itemId: string } & FollowUpRecordBody) =>
      unwrap(api.PATCH('/api/v1/cases/{id}/follow-ups/{itemId}', { params: { path: { id: caseId, itemId } }, body: body as never })),
    onSuccess: store,
  });
}

export function useFollowUpsDue(due: 'due' | 'upcoming' | 'all') {
  return useQuery({
    queryKey: caseKeys.followUps(due),
    queryFn: () => unwrap(api.GET('/api/v1/follow-ups', { params: { query: { due, limit: 100 } } })),
    placeholderData: keepPreviousData,
  });
}

/** The server's upload limit (attachment-type.ts) and the kinds of files it accepts, read from the bytes. */
export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.png,.jpg,.jpeg,.gif,.webp,.heic,.txt,.csv,.tsv,.md,.zip';

export function useUploadAttachment(caseId: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: async ({ file, purpose }: { file: File; purpose: AttachmentPurpose }) => {
      const body = new FormData();
      body.append('file', file);
      const response = await rawApiFetch(`/api/v1/cases/${encodeURIComponent(caseId)}/attachments?purpose=${purpose}`, { method: 'POST', body });
      return (await response.json()) as CaseDetail;
    },
    onSuccess: store,
  });
}

export function useDeleteAttachment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => rawApiFetch(`/api/v1/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(itemId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

/** Downloads a file through the API (with the tenant header) and hands it to the browser. */
export async function downloadAttachment(caseId: string, itemId: string, fileName: string): Promise<void> {
  const response = await rawApiFetch(`/api/v1/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(itemId)}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

// ---------------------------------------------------------------- saved views

export interface SavedCaseView {
  id: string;
  name: string;
  query: string;
}

/** Saved views are read with plain fetch: they reach the typed client once `npm run openapi` includes them. */
export function useSavedViews() {
  return useQuery({
    queryKey: caseKeys.views,
    queryFn: async () => {
      const response = await rawApiFetch('/api/v1/case-views');
      return (await response.json()) as { items: SavedCaseView[] };
    },
    retry: false,
  });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; query: string }) => {
      const response = await rawApiFetch('/api/v1/case-views', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
      return (await response.json()) as SavedCaseView;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.views }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => rawApiFetch(`/api/v1/case-views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.views }),
  });
}
