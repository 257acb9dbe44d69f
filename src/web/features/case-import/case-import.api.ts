import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawApiFetch, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { downloadFromApi } from '../../lib/download';

/*
 * Cases and activities from CSV/TSV/XLSX: the upload (multipart) goes through rawApiFetch; the dry run,
 * the job and the apply through the typed client. Exports are downloads in the same layout.
 */
export type CaseImportKind = 'cases' | 'activities';
export type CaseImportUpload = components['schemas']['CaseImportUpload'];
export type CaseImportTarget = components['schemas']['CaseImportTarget'];
export type CaseImportJob = components['schemas']['CaseImportJob'];
export type CaseImportMapping = Record<string, string | null>;
export type CaseExportEncoding = 'utf8' | 'cp932';

/** 100,000 activities are about 20 MB of CSV; the server refuses more than this. */
export const CASE_IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

const isFinished = (job: CaseImportJob | undefined) => job?.status === 'completed' || job?.status === 'failed';

/** Uploads the file (again with `sheet` to read another sheet of a workbook): its columns, sample rows and a suggested mapping. */
export function useUploadCaseImport() {
  return useMutation({
    mutationFn: async ({ file, kind, sheet }: { file: File; kind: CaseImportKind; sheet?: string }) => {
      const form = new FormData();
      form.append('file', file);
      const query = new URLSearchParams({ kind });
      if (sheet) query.set('sheet', sheet);
      const response = await rawApiFetch(`/api/v1/case-imports?${query.toString()}`, { method: 'POST', body: form });
      return (await response.json()) as CaseImportUpload;
    },
  });
}

/** Checks every row with the confirmed mapping (nothing changes); repeatable on the same upload with another mapping. */
export function useStartCaseDryRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mapping, sheet, createMissingCompanies, companyExternalIdSystem }: { id: string; mapping: CaseImportMapping; sheet?: string; createMissingCompanies: boolean; companyExternalIdSystem?: string }) =>
      unwrap(
        api.POST('/api/v1/case-imports/{id}/dry-run', {
          params: { path: { id } },
          body: { mapping, sheet, options: { createMissingCompanies, companyExternalIdSystem: companyExternalIdSystem || undefined } },
        }),
      ),
    // A new dry run of the same upload: forget the report of the previous one.
    onSuccess: (job) => queryClient.setQueryData(['case-imports', job.id], job),
  });
}

/** Imports exactly what a completed dry run checked (a new job). */
export function useApplyCaseImport() {
  return useMutation({
    mutationFn: (dryRunId: string) => unwrap(api.POST('/api/v1/case-imports/{id}/apply', { params: { path: { id: dryRunId } } })),
  });
}

/** A job, polled every second until it has finished. */
export function useCaseImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['case-imports', id],
    queryFn: async () => {
      const job = await unwrap(api.GET('/api/v1/case-imports/{id}', { params: { path: { id: id ?? '' } } }));
      if (job.mode === 'apply' && job.status === 'completed') {
        await queryClient.invalidateQueries({ queryKey: ['cases'] });
        await queryClient.invalidateQueries({ queryKey: ['reports'] });
      }
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
}

/** Cases or activities as CSV in the layout the import reads back unchanged. */
export async function downloadCaseExport(kind: CaseImportKind, encoding: CaseExportEncoding, fiscalYear?: number): Promise<void> {
  const query = new URLSearchParams({ encoding });
  if (fiscalYear !== undefined) query.set('fiscalYear', String(fiscalYear));
  await downloadFromApi(`/api/v1/${kind}/export.csv?${query.toString()}`, `${kind}.csv`);
}
