import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type JsonBody, api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type Company = components['schemas']['Company'];
export type CompanySummary = components['schemas']['CompanySummary'];
export type CompanyListParams = NonNullable<paths['/api/v1/companies']['get']['parameters']['query']>;
export type CompanyCreateBody = JsonBody<'/api/v1/companies', 'post'>;
export type CompanyUpdateBody = JsonBody<'/api/v1/companies/{id}', 'patch'>;

export const companyKeys = {
  all: ['companies'] as const,
  list: (params: CompanyListParams) => ['companies', 'list', params] as const,
  detail: (id: string) => ['companies', 'detail', id] as const,
  history: (id: string) => ['companies', 'history', id] as const,
};

export function useCompanyList(params: CompanyListParams) {
  return useQuery({
    queryKey: companyKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/companies', { params: { query: params } })),
    // Keep the current page on screen while the next one loads (no flash of an empty table).
    placeholderData: keepPreviousData,
  });
}

export const companyQuery = (id: string) =>
  queryOptions({ queryKey: companyKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/companies/{id}', { params: { path: { id } } })) });

export function useCompany(id: string) {
  return useQuery(companyQuery(id));
}

/** The company's audit trail (admins only: the detail's abilities say whether to ask). */
export function useCompanyHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: companyKeys.history(id),
    queryFn: () => unwrap(api.GET('/api/v1/audit-events', { params: { query: { entityType: 'company', entityId: id, limit: 50 } } })),
    enabled,
  });
}

function useStoreCompany() {
  const queryClient = useQueryClient();
  return async (company: Company) => {
    queryClient.setQueryData(companyKeys.detail(company.id), company);
    await queryClient.invalidateQueries({ queryKey: ['companies', 'list'] });
    await queryClient.invalidateQueries({ queryKey: companyKeys.history(company.id) });
  };
}

export function useCreateCompany() {
  const store = useStoreCompany();
  return useMutation({ mutationFn: (body: CompanyCreateBody) => unwrap(api.POST('/api/v1/companies', { body })), onSuccess: store });
}

export function useUpdateCompany(id: string) {
  const store = useStoreCompany();
  return useMutation({
    mutationFn: (body: CompanyUpdateBody) => unwrap(api.PATCH('/api/v1/companies/{id}', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

export function useSetArchived(id: string) {
  const store = useStoreCompany();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) =>
      unwrap(
        archived
          ? api.POST('/api/v1/companies/{id}/archive', { params: { path: { id } }, body: { version } })
          : api.POST('/api/v1/companies/{id}/restore', { params: { path: { id } }, body: { version } }),
      ),
    onSuccess: store,
  });
}

export type DuplicateCheckBody = JsonBody<'/api/v1/companies/duplicate-check', 'post'>;

/** Likely duplicates of what is being typed (a warning, never a block). */
export function useDuplicateCandidates(body: DuplicateCheckBody | null) {
  return useQuery({
    queryKey: ['companies', 'duplicates', body],
    queryFn: () => unwrap(api.POST('/api/v1/companies/duplicate-check', { body: body ?? {} })),
    enabled: body !== null,
    staleTime: 30_000,
  });
}
