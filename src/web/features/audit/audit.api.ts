import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type AuditEvent = components['schemas']['AuditEvent'];
export type AuditParams = NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>;

export function useAuditEvents(params: AuditParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => unwrap(api.GET('/api/v1/audit-events', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}
