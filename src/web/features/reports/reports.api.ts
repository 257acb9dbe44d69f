import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { downloadFromApi } from '../../lib/download';

export type Dashboard = components['schemas']['Dashboard'];
export type CommissionReport = components['schemas']['CommissionReport'];
export type ReportCell = components['schemas']['ReportCell'];
export type CrossTab = components['schemas']['ReportCrossTab'];
export type ReportProgress = components['schemas']['ReportProgress'];

/** Which report: a programme, or the default programme of a 年度; for publication or not. */
export interface CommissionParams {
  programmeId?: string;
  fiscalYear?: number;
  publication: boolean;
}

export const reportKeys = {
  dashboard: (fiscalYear: number | undefined) => ['reports', 'dashboard', fiscalYear ?? null] as const,
  commission: (params: CommissionParams) => ['reports', 'commission', params] as const,
};

export function useDashboard(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: reportKeys.dashboard(fiscalYear),
    queryFn: () => unwrap(api.GET('/api/v1/reports/dashboard', { params: { query: { fiscalYear } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCommissionReport(params: CommissionParams) {
  return useQuery({
    queryKey: reportKeys.commission(params),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/reports/commission', {
          params: { query: { programmeId: params.programmeId, fiscalYear: params.programmeId ? undefined : params.fiscalYear, publication: params.publication ? 'true' : 'false' } },
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

function reportQuery(params: CommissionParams): URLSearchParams {
  const query = new URLSearchParams();
  if (params.programmeId) query.set('programmeId', params.programmeId);
  else if (params.fiscalYear !== undefined) query.set('fiscalYear', String(params.fiscalYear));
  query.set('publication', params.publication ? 'true' : 'false');
  return query;
}

/** The workbook: 「実績報告」 for people, then the machine-readable sheets (ADR 0015). */
export async function downloadCommissionXlsx(params: CommissionParams): Promise<void> {
  await downloadFromApi(`/api/v1/reports/commission.xlsx?${reportQuery(params).toString()}`, 'commission-report.xlsx');
}

/** The long-format CSV, UTF-8 with BOM or CP932. */
export async function downloadCommissionCsv(params: CommissionParams, encoding: 'utf8' | 'cp932'): Promise<void> {
  const query = reportQuery(params);
  query.set('encoding', encoding);
  await downloadFromApi(`/api/v1/reports/commission.csv?${query.toString()}`, 'commission-report.csv');
}
