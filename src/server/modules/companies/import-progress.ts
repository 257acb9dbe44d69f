import type { ImportJob } from '../../../shared/schemas/company-import';
import { translator, type Locale } from '../../platform/i18n';
import type { Rejection } from './company-import';
import type { ImportJobRow } from './company-import.repository';

/** A running job that has not reported for this long was interrupted (the server restarted). */
export const STALE_AFTER_MS = 5 * 60 * 1000;

/**
 * What every import job (register, cases, activities) answers about its progress: status (an
 * interrupted job shows as failed), counts, every rejected row with translated reasons, and the error.
 */
export function presentImportProgress(row: ImportJobRow, locale: Locale): ImportJob {
  const t = translator(locale);
  const isStale = (row.status === 'running' || row.status === 'queued') && Date.now() - (row.heartbeatAt ?? row.createdAt).getTime() > STALE_AFTER_MS;
  const error = isStale ? { code: 'INTERRUPTED' } : (row.error as { code: string } | null);
  return {
    id: row.id,
    mode: row.mode as ImportJob['mode'],
    status: isStale ? 'failed' : (row.status as ImportJob['status']),
    fileName: row.fileName,
    encoding: row.encoding,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.createdCount,
    updated: row.updatedCount,
    unchanged: row.unchangedCount,
    rejectedCount: row.rejectedCount,
    rejected: (row.rejected as Rejection[]).map((rejection) => ({
      line: rejection.line,
      reasons: rejection.problems.map((problem) => ({
        column: problem.column,
        code: problem.code,
        message: t(`field.${problem.code}`, { ...problem.params, defaultValue: t('field.invalid') }),
      })),
    })),
    ignoredColumns: row.ignoredColumns as string[],
    error: error ? { code: error.code, message: t(`import.${error.code}`, { defaultValue: t('UNPROCESSABLE') }) } : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    dryRunOf: row.dryRunOf,
  };
}
