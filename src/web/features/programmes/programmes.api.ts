import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeCreateInput, ProgrammeUpdateInput } from '../../../shared/schemas/programme';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Programme = components['schemas']['Programme'];
export type ProgrammeStatusFilter = 'active' | 'archived' | 'all';

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (status: ProgrammeStatusFilter, fiscalYear?: number) => ['programmes', 'list', status, fiscalYear ?? null] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
};

export function useProgrammes(status: ProgrammeStatusFilter, fiscalYear?: number) {
  return useQuery({
    queryKey: programmeKeys.list(status, fiscalYear),
    queryFn: () => unwrap(api.GET('/api/v1/programmes', { params: { query: { status, fiscalYear } } })),
  });
}

export const programmeQuery = (id: string) =>
  queryOptions({ queryKey: programmeKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}', { params: { path: { id } } })) });

export function useProgramme(id: string) {
  return useQuery(programmeQuery(id));
}

/** A change of a programme changes what the reports count: their cached answers go too. */
async function afterChange(queryClient: ReturnType<typeof useQueryClient>, programme: Programme) {
  queryClient.setQueryData(programmeKeys.detail(programme.id), programme);
  await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
  await queryClient.invalidateQueries({ queryKey: ['reports'] });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgrammeCreateInput) => unwrap(api.POST('/api/v1/programmes', { body })),
    onSuccess: (programme) => afterChange(queryClient, programme),
  });
}

export function useUpdateProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgrammeUpdateInput) => unwrap(api.PATCH('/api/v1/programmes/{id}', { params: { path: { id } }, body })),
    onSuccess: (programme) => afterChange(queryClient, programme),
  });
}

/** Archives (true) or restores (false). */
export function useArchiveProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) =>
      unwrap(
        archived
          ? api.POST('/api/v1/programmes/{id}/archive', { params: { path: { id } }, body: { version } })
          : api.POST('/api/v1/programmes/{id}/restore', { params: { path: { id } }, body: { version } }),
      ),
    onSuccess: (programme) => afterChange(queryClient, programme),
  });
}
