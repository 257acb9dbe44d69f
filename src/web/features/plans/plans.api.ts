import { type Query, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompositeMethodInput,
  IndicatorCreateInput,
  IndicatorUpdateInput,
  MeetingCreateInput,
  MeetingUpdateInput,
  MilestoneCreateInput,
  MilestoneUpdateInput,
  NodeCreateInput,
  NodeUpdateInput,
  OpinionCreateInput,
  OpinionUpdateInput,
  PlanCreateInput,
  PlanUpdateInput,
  ReviewInput,
} from '../../../shared/schemas/plan';
import { api, rawApiFetch, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { downloadFromApi } from '../../lib/download';

export type PlanSummary = components['schemas']['PlanSummary'];
export type Plan = components['schemas']['Plan'];
export type PlanTree = components['schemas']['PlanTree'];
export type PlanNode = components['schemas']['PlanNode'];
export type RollupExplanation = components['schemas']['RollupExplanation'];
export type CompositeExplanation = components['schemas']['CompositeExplanation'];
export type MetricExplanation = components['schemas']['MetricExplanation'];
export type HalvesExplanation = components['schemas']['HalvesExplanation'];
export type IndicatorSummary = components['schemas']['IndicatorSummary'];
export type IndicatorDetail = components['schemas']['IndicatorDetail'];
export type IndicatorPeriod = components['schemas']['IndicatorPeriod'];
export type IndicatorUpdate = components['schemas']['IndicatorUpdate'];
export type QueuedUpdate = components['schemas']['QueuedIndicatorUpdate'];
export type CompositeMethod = components['schemas']['CompositeMethod'];
export type Milestone = components['schemas']['Milestone'];
export type Roadmap = components['schemas']['Roadmap'];
export type Review = components['schemas']['Review'];
export type Meeting = components['schemas']['Meeting'];
export type Opinion = components['schemas']['Opinion'];
export type MetricSource = components['schemas']['MetricSource'];
export type PlanDashboard = components['schemas']['PlanDashboard'];
export type ReportingStatus = components['schemas']['ReportingStatus'];
export type AnnualReport = components['schemas']['AnnualReport'];
export type PlanImportResult = components['schemas']['PlanImportResult'];
export type ReportingHalf = '1' | '2' | 'year';
export type ReviewTerm = Review['term'];
export type UpdateStatus = IndicatorUpdate['status'];

/**
 * Every key starts with 'plans': a change anywhere in a plan refetches what is on screen (a node's
 * progress moves the plan's, an approval moves the dashboard), which keeps the rules on the server.
 */
export const planKeys = {
  all: ['plans'] as const,
  list: ['plans', 'list'] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  tree: (id: string) => ['plans', 'tree', id] as const,
  dashboard: (id: string, fiscalYear?: number) => ['plans', 'dashboard', id, fiscalYear ?? null] as const,
  indicators: (id: string) => ['plans', 'indicators', id] as const,
  indicator: (id: string) => ['plans', 'indicator', id] as const,
  periodUpdates: (periodId: string) => ['plans', 'period-updates', periodId] as const,
  roadmap: (nodeId: string) => ['plans', 'roadmap', nodeId] as const,
  reporting: (id: string, fiscalYear: number, half: ReportingHalf) => ['plans', 'reporting', id, fiscalYear, half] as const,
  reviews: (id: string, fiscalYear?: number) => ['plans', 'reviews', id, fiscalYear ?? null] as const,
  meetings: (id: string) => ['plans', 'meetings', id] as const,
  annualReport: (id: string, fiscalYear: number) => ['plans', 'annual-report', id, fiscalYear] as const,
  queue: (status: UpdateStatus) => ['plans', 'queue', status] as const,
  metricSources: ['plans', 'metric-sources'] as const,
};

function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planKeys.all });
}

/* ---------- plans ---------- */

export function usePlans() {
  return useQuery({ queryKey: planKeys.list, queryFn: () => unwrap(api.GET('/api/v1/plans')) });
}

export const planQuery = (id: string) => queryOptions({ queryKey: planKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/plans/{id}', { params: { path: { id } } })) });

export function usePlan(id: string) {
  return useQuery(planQuery(id));
}

export function usePlanTree(id: string) {
  return useQuery({ queryKey: planKeys.tree(id), queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/tree', { params: { path: { id } } })) });
}

export function usePlanDashboard(id: string, fiscalYear?: number) {
  return useQuery({
    queryKey: planKeys.dashboard(id, fiscalYear),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/dashboard', { params: { path: { id }, query: { fiscalYear } } })),
  });
}

export function useCreatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: PlanCreateInput) => unwrap(api.POST('/api/v1/plans', { body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdatePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanUpdateInput) => unwrap(api.PATCH('/api/v1/plans/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: async (plan) => {
      queryClient.setQueryData(planKeys.detail(id), plan);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

/** Publishes (true) or takes off the public pages (false). */
export function useSetPlanVisibility(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ publish, version }: { publish: boolean; version: number }) =>
      unwrap(
        publish
          ? api.POST('/api/v1/plans/{id}/publish', { params: { path: { id } }, body: { version } })
          : api.POST('/api/v1/plans/{id}/unpublish', { params: { path: { id } }, body: { version } }),
      ),
    onSuccess: async (plan) => {
      queryClient.setQueryData(planKeys.detail(id), plan);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

/**
 * People who can own a node or indicator, or review: the members the desk can name (admins, staff, experts,
 * partners; the same list and cache as the case pages). Asked only by those who edit.
 */
export function usePlanPeople(enabled: boolean) {
  return useQuery({ queryKey: ['desk', 'people'], queryFn: () => unwrap(api.GET('/api/v1/desk/people')), staleTime: 60_000, enabled, retry: false });
}

/* ---------- nodes and milestones ---------- */

export function useCreateNode(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: NodeCreateInput) => unwrap(api.POST('/api/v1/plans/{id}/nodes', { params: { path: { id: planId } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateNode() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & NodeUpdateInput) => unwrap(api.PATCH('/api/v1/plan-nodes/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteNode() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => unwrap(api.DELETE('/api/v1/plan-nodes/{id}', { params: { path: { id } }, body: { version } })),
    onSuccess: () => invalidate(),
  });
}

export function useRoadmap(nodeId: string) {
  return useQuery({ queryKey: planKeys.roadmap(nodeId), queryFn: () => unwrap(api.GET('/api/v1/plan-nodes/{id}/roadmap', { params: { path: { id: nodeId } } })) });
}

export function useCreateMilestone() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ nodeId, ...body }: { nodeId: string } & MilestoneCreateInput) =>
      unwrap(api.POST('/api/v1/plan-nodes/{id}/milestones', { params: { path: { id: nodeId } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateMilestone() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & MilestoneUpdateInput) => unwrap(api.PATCH('/api/v1/plan-milestones/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

/* ---------- indicators and periods ---------- */

export function usePlanIndicators(planId: string) {
  return useQuery({ queryKey: planKeys.indicators(planId), queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/indicators', { params: { path: { id: planId } } })) });
}

export const indicatorQuery = (id: string) =>
  queryOptions({ queryKey: planKeys.indicator(id), queryFn: () => unwrap(api.GET('/api/v1/indicators/{id}', { params: { path: { id } } })) });

export function useIndicator(id: string) {
  return useQuery(indicatorQuery(id));
}

/** Several indicators at once (the review queue names the indicator of each update). */
export function useMetricSources(enabled = true) {
  return useQuery({ queryKey: planKeys.metricSources, queryFn: () => unwrap(api.GET('/api/v1/metric-sources')), staleTime: 10 * 60_000, enabled });
}

export function useCreateIndicator(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: IndicatorCreateInput) => unwrap(api.POST('/api/v1/plans/{id}/indicators', { params: { path: { id: planId } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

/** Changes an indicator's definition (not its kind, targets or method: those have their own requests). */
export function useUpdateIndicator(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorUpdateInput) => unwrap(api.PATCH('/api/v1/indicators/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: async (indicator) => {
      queryClient.setQueryData(planKeys.indicator(id), indicator);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

export function useDeleteIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => unwrap(api.DELETE('/api/v1/indicators/{id}', { params: { path: { id } }, body: { version } })),
    onSuccess: async (_, { id }) => {
      // The deleted indicator's page stays on screen until the caller moves on: asking again for the indicator
      // and its periods' histories would only flash 「見つかりません」 there. They are dropped instead.
      const isGone = (query: Query) => (query.queryKey[1] === 'indicator' && query.queryKey[2] === id) || query.queryKey[1] === 'period-updates';
      await queryClient.cancelQueries({ predicate: isGone });
      await queryClient.invalidateQueries({ queryKey: planKeys.all, predicate: (query) => !isGone(query) });
      queryClient.removeQueries({ queryKey: planKeys.indicator(id), exact: true });
    },
  });
}

/** Adds a version of a composite index's method from a fiscal year on (earlier years keep theirs). */
export function useAddMethod(indicatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CompositeMethodInput) => unwrap(api.POST('/api/v1/indicators/{id}/methods', { params: { path: { id: indicatorId } }, body: body as never })),
    onSuccess: async (indicator) => {
      queryClient.setQueryData(planKeys.indicator(indicatorId), indicator);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

export function useReviseTarget() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ periodId, ...body }: { periodId: string; version: number; target: number | null; reason: string | null }) =>
      unwrap(api.PUT('/api/v1/indicator-periods/{id}/target', { params: { path: { id: periodId } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useSetPeriodLock() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ periodId, locked, version }: { periodId: string; locked: boolean; version: number }) =>
      unwrap(
        locked
          ? api.POST('/api/v1/indicator-periods/{id}/lock', { params: { path: { id: periodId } }, body: { version } })
          : api.POST('/api/v1/indicator-periods/{id}/unlock', { params: { path: { id: periodId } }, body: { version } }),
      ),
    onSuccess: () => invalidate(),
  });
}

/* ---------- updates (actuals) ---------- */

export function usePeriodUpdates(periodId: string | null) {
  return useQuery({
    queryKey: planKeys.periodUpdates(periodId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/indicator-periods/{id}/updates', { params: { path: { id: periodId ?? '' } } })),
    enabled: periodId !== null,
  });
}

export function useUpdateQueue(status: UpdateStatus = 'submitted') {
  return useQuery({ queryKey: planKeys.queue(status), queryFn: () => unwrap(api.GET('/api/v1/indicator-updates', { params: { query: { status } } })) });
}

export function useCreateUpdate() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ periodId, ...body }: { periodId: string; value: number | null; narrative: string | null; submit: boolean }) =>
      unwrap(api.POST('/api/v1/indicator-periods/{id}/updates', { params: { path: { id: periodId } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useEditUpdate() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; value: number | null; narrative: string | null }) =>
      unwrap(api.PATCH('/api/v1/indicator-updates/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export type UpdateAction = 'submit' | 'approve' | 'return';

export function useDecideUpdate() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, action, version, comment }: { id: string; action: UpdateAction; version: number; comment: string | null }) => {
      const options = { params: { path: { id } }, body: { version, comment } as never };
      if (action === 'submit') return unwrap(api.POST('/api/v1/indicator-updates/{id}/submit', options));
      if (action === 'approve') return unwrap(api.POST('/api/v1/indicator-updates/{id}/approve', options));
      return unwrap(api.POST('/api/v1/indicator-updates/{id}/return', options));
    },
    onSuccess: () => invalidate(),
  });
}

export function useUploadEvidence() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: async ({ updateId, file }: { updateId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      const response = await rawApiFetch(`/api/v1/indicator-updates/${encodeURIComponent(updateId)}/evidence`, { method: 'POST', body: form });
      return (await response.json()) as IndicatorUpdate;
    },
    onSuccess: () => invalidate(),
  });
}

export function useRemoveEvidence() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ updateId, itemId }: { updateId: string; itemId: string }) =>
      unwrap(api.DELETE('/api/v1/indicator-updates/{id}/evidence/{itemId}', { params: { path: { id: updateId, itemId } } })),
    onSuccess: () => invalidate(),
  });
}

export function downloadEvidence(updateId: string, itemId: string, fileName: string): Promise<void> {
  return downloadFromApi(`/api/v1/indicator-updates/${encodeURIComponent(updateId)}/evidence/${encodeURIComponent(itemId)}`, fileName);
}

/* ---------- reporting, reviews, committees ---------- */

export function useReportingStatus(planId: string, fiscalYear: number, half: ReportingHalf) {
  return useQuery({
    queryKey: planKeys.reporting(planId, fiscalYear, half),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/reporting', { params: { path: { id: planId }, query: { fiscalYear, half } } })),
  });
}

export function useReviews(planId: string, fiscalYear?: number) {
  return useQuery({
    queryKey: planKeys.reviews(planId, fiscalYear),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/reviews', { params: { path: { id: planId }, query: { fiscalYear } } })),
  });
}

export function useRecordReview(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: ReviewInput) => unwrap(api.PUT('/api/v1/plans/{id}/reviews', { params: { path: { id: planId } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useMeetings(planId: string) {
  return useQuery({ queryKey: planKeys.meetings(planId), queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/meetings', { params: { path: { id: planId } } })) });
}

export function useCreateMeeting(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: MeetingCreateInput) => unwrap(api.POST('/api/v1/plans/{id}/meetings', { params: { path: { id: planId } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateMeeting() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & MeetingUpdateInput) => unwrap(api.PATCH('/api/v1/committee-meetings/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useCreateOpinion() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ meetingId, ...body }: { meetingId: string } & OpinionCreateInput) =>
      unwrap(api.POST('/api/v1/committee-meetings/{id}/opinions', { params: { path: { id: meetingId } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateOpinion() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & OpinionUpdateInput) => unwrap(api.PATCH('/api/v1/committee-opinions/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: () => invalidate(),
  });
}

/* ---------- documents, import and export ---------- */

export function useAnnualReport(planId: string, fiscalYear: number) {
  return useQuery({
    queryKey: planKeys.annualReport(planId, fiscalYear),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/annual-report', { params: { path: { id: planId }, query: { fiscalYear } } })),
  });
}

export function downloadAnnualReport(planId: string, fiscalYear: number, format: 'xlsx' | 'docx'): Promise<void> {
  return downloadFromApi(`/api/v1/plans/${encodeURIComponent(planId)}/annual-report.${format}?fiscalYear=${fiscalYear}`, `annual-report-${fiscalYear}.${format}`);
}

export type CsvKind = 'nodes' | 'periods';
export type ImportKind = 'nodes' | 'periods' | 'decidim';

export function downloadPlanCsv(planId: string, kind: CsvKind): Promise<void> {
  return downloadFromApi(`/api/v1/plans/${encodeURIComponent(planId)}/${kind}.csv`, `${kind}.csv`);
}

/** Uploads a CSV to check it (dryRun) or to import it; every rejected row comes back with its line. */
export function useImportPlanCsv(planId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: async ({ kind, file, dryRun }: { kind: ImportKind; file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      const path = kind === 'decidim' ? 'decidim/import' : `${kind}/import`;
      const response = await rawApiFetch(`/api/v1/plans/${encodeURIComponent(planId)}/${path}?dryRun=${dryRun}`, { method: 'POST', body: form });
      return (await response.json()) as PlanImportResult;
    },
    onSuccess: (result) => {
      if (!result.dryRun) void invalidate();
    },
  });
}
