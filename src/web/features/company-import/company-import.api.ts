import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawApiFetch, unwrap } from '../../api/client';
import { downloadFromApi } from '../../lib/download';
import type { components } from '../../api/schema';
import type { CompanyListParams } from '../companies/companies.api';

/*
 * Jobs are read and applied through the typed client. The upload (multipart) and the CSV download
 * (a file) go through rawApiFetch, with the same headers and error handling.
 */
export type ImportJob = components['schemas']['CompanyImportJob'];

export type CsvEncoding = 'utf-8' | 'cp932';

const isFinished = (job: ImportJob | undefined) => job?.status === 'completed' || job?.status === 'failed';

/** Uploads a CSV for a dry run (nothing changes) or a direct import. */
export function useStartImport() {
  return useMutation({
    mutationFn: async ({ file, mode }: { file: File; mode: 'dry_run' | 'apply' }) => {
      const form = new FormData();
      form.append('file', file);
      const response = await rawApiFetch(`/api/v1/companies/imports?mode=${mode}`, { method: 'POST', body: form });
      return (await response.json()) as ImportJob;
    },
  });
}

/** Starts the import of a completed dry run (the same file, already checked). */
export function useApplyDryRun() {
  return useMutation({
    mutationFn: (dryRunId: string) => unwrap(api.POST('/api/v1/companies/imports/{id}/apply', { params: { path: { id: dryRunId } } })),
  });
}

/** A job, polled every second until it has finished (a 10,000-row import shows its progress). */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['company-imports', id],
    queryFn: async () => {
      const job = await unwrap(api.GET('/api/v1/companies/imports/{id}', { params: { path: { id: id ?? '' } } }));
      if (job.mode === 'apply' && job.status === 'completed') await queryClient.invalidateQueries({ queryKey: ['companies'] });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
}

/** Downloads the register as CSV with the list's current filters. */
export async function downloadCompaniesCsv(filters: Omit<CompanyListParams, 'cursor' | 'limit' | 'sort'>, encoding: CsvEncoding): Promise<void> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') query.set(key, String(value));
  query.set('encoding', encoding);
  await downloadFromApi(`/api/v1/companies/export.csv?${query.toString()}`, 'companies.csv');
}
