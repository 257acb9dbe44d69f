import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

/** The public 見える化 (no sign-in): plans marked public, approved values and final reviews only. */
export type PublicPlanSummary = components['schemas']['PublicPlanSummary'];
export type PublicPlan = components['schemas']['PublicPlan'];
export type PublicNode = components['schemas']['PublicPlanNode'];
export type PublicIndicator = components['schemas']['PublicIndicator'];
export type PublicReview = components['schemas']['PublicReview'];
export type PublicMeeting = components['schemas']['PublicMeeting'];

const keys = {
  list: ['public-plans'] as const,
  plan: (id: string) => ['public-plans', id] as const,
  part: (id: string, part: 'indicators' | 'reviews' | 'meetings') => ['public-plans', id, part] as const,
};

export function usePublicPlans() {
  return useQuery({ queryKey: keys.list, queryFn: () => unwrap(api.GET('/api/v1/public/plans')) });
}

export function usePublicPlan(id: string) {
  return useQuery({ queryKey: keys.plan(id), queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}', { params: { path: { id } } })), retry: false });
}

/** The indicators of one node ('plan': the plan's own), fetched when its group is opened. */
export function usePublicNodeIndicators(id: string, nodeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.part(id, 'indicators'), nodeId],
    queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}/indicators', { params: { path: { id }, query: { nodeId } } })),
    enabled,
    retry: false,
  });
}

export function usePublicReviews(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.part(id, 'reviews'), queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}/reviews', { params: { path: { id } } })), enabled, retry: false });
}

export function usePublicMeetings(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.part(id, 'meetings'), queryFn: () => unwrap(api.GET('/api/v1/public/plans/{id}/meetings', { params: { path: { id } } })), enabled, retry: false });
}
