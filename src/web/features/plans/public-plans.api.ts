import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

/** The public 見える化 (no sign-in): plans marked public, approved values and final reviews only. */
export type PublicPlanSummary = components['schemas']['PublicPlanSummary'];
export type PublicPlan = components['schemas']['PublicPlan'];
export type PublicNodeSummary = components['schemas']['PublicPlanNodeSummary'];
export type PublicNode = components['schemas']['PublicPlanNode'];
export type PublicIndicator = components['schemas']['PublicIndicator'];
export type PublicReview = components['schemas']['PublicReview'];
export type PublicMeeting = components['schemas']['PublicMeeting'];

/** The server lets caches keep public answers a minute (Cache-Control max-age=60): asking again sooner gets the same. */
const staleTime = 60_000;

const keys = {
  list: ['public-plans'] as const,
  plan: (id: string) => ['public-plans', id] as const,
  part: (id: string, part: 'indicators' | 'reviews' | 'meetings' | 'nodes') => ['public-plans', id, part] as const,
};

export function usePublicPlans() {
  return useQuery({ queryKey: keys.list, queryFn: () => unwrap(api.GET('/api/v1/public/plans')), staleTime });
}

/** The plan with its tree. The route starts it while the page's code loads (router.tsx), so the two do not wait on each other. */
export const publicPlanQuery = (id: string) =>
  queryOptions({ queryKey: keys.plan(id), queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}', { params: { path: { id } } })), retry: false, staleTime });

export function usePublicPlan(id: string) {
  return useQuery(publicPlanQuery(id));
}

/** One node in full (description, dates, how its progress is computed): its page, or its tree entry when 「計算方法」 opens. */
export function usePublicNode(id: string, nodeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.part(id, 'nodes'), nodeId],
    queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}/nodes/{nodeId}', { params: { path: { id, nodeId } } })),
    enabled,
    retry: false,
    staleTime,
  });
}

/** The indicators of one node ('plan': the plan's own), fetched when its group is opened. */
export function usePublicNodeIndicators(id: string, nodeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.part(id, 'indicators'), nodeId],
    queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}/indicators', { params: { path: { id }, query: { nodeId } } })),
    enabled,
    retry: false,
    staleTime,
  });
}

export function usePublicReviews(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.part(id, 'reviews'), queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}/reviews', { params: { path: { id } } })), enabled, retry: false, staleTime });
}

export function usePublicMeetings(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.part(id, 'meetings'), queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}/meetings', { params: { path: { id } } })), enabled, retry: false, staleTime });
}
