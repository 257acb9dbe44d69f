import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { LoadError, ProgressBar } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { ColumnHeaders, DataTable, DetailList, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { currentLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatCount } from '../companies/company-labels';

/**
 * What the register import and the case import share: the steps, a job while it runs, its counts and
 * every rejected row with its line and reasons. Both jobs have the same shape on these fields.
 */
export interface ImportJobLike {
  status: string;
  fileName: string;
  encoding: string | null;
  totalRows: number | null;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejectedCount: number;
  rejected: { line: number; reasons: { column: string | null; code: string; message: string }[] }[];
  ignoredColumns: string[];
  error: { code: string; message: string } | null;
}

/** The numbered steps of an import; the current one carries aria-current="step" (and is bold, not only coloured). */
export function ImportSteps({ steps, current }: { steps: string[]; current: number }) {
  const { t } = useTranslation();
  return (
    <ol className="mb-8 flex flex-wrap gap-x-8 gap-y-2 text-std-16N-170" aria-label={t('import.steps')}>
      {steps.map((step, index) => (
        <li key={step} aria-current={index === current ? 'step' : undefined} className={index === current ? 'font-bold text-blue-1000' : 'text-solid-gray-700'}>
          {index + 1}. {step}
        </li>
      ))}
    </ol>
  );
}

/** A job while it runs (progress) or after it failed; `children` is shown when it completed. */
export function JobPanel({ job, error, title, children }: { job: ImportJobLike | undefined; error: unknown; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (error) return <LoadError error={error} />;
  if (!job || job.status === 'queued' || job.status === 'running') {
    const total = job?.totalRows ?? 0;
    const done = job?.processedRows ?? 0;
    return (
      <section aria-labelledby="job-title" className="max-w-3xl">
        <h2 id="job-title" className="mb-4 text-std-24B-150">
          {title}
        </h2>
        <ProgressBar
          label={t('import.progressLabel')}
          value={done}
          max={Math.max(total, 1)}
          valueText={total > 0 ? t('import.progressValue', { done: formatCount(done, locale), total: formatCount(total, locale) }) : t('import.waiting')}
        />
      </section>
    );
  }
  if (job.status === 'failed') {
    return (
      <Notice tone="error" title={t('import.failedTitle')} live="assertive">
        <p>{job.error?.message ?? errorMessage(t, null)}</p>
      </Notice>
    );
  }
  return <>{children}</>;
}

export interface CountLabels {
  created: string;
  updated: string;
  unchanged: string;
  rejected: string;
}

/** The file and what the job did (or would do) with its rows. `extra` adds lines (the sheet of a workbook). */
export function JobCounts({
  job,
  labels,
  extra = [],
  noEncoding,
}: {
  job: ImportJobLike;
  labels: CountLabels;
  extra?: { label: ReactNode; value: ReactNode }[];
  /** What to show when the file has no text encoding (a workbook). */
  noEncoding?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DetailList
      items={[
        { label: t('import.fileName'), value: job.fileName },
        ...extra,
        { label: t('import.encoding'), value: job.encoding ?? noEncoding ?? t('common.notRecorded') },
        { label: t('import.totalRows'), value: formatCount(job.totalRows ?? 0, locale) },
        { label: labels.created, value: formatCount(job.created, locale) },
        { label: labels.updated, value: formatCount(job.updated, locale) },
        { label: labels.unchanged, value: formatCount(job.unchanged, locale) },
        { label: labels.rejected, value: formatCount(job.rejectedCount, locale) },
        { label: t('import.ignoredColumns'), value: job.ignoredColumns.length > 0 ? job.ignoredColumns.join('、') : t('import.none') },
      ]}
    />
  );
}

/** Rejected rows shown at first; more come in steps, so a file with thousands of problems stays usable. */
const REJECTIONS_PAGE = 100;

/** Every rejected row: its line in the file (the header is line 1), the column and the reason. */
export function Rejections({ job }: { job: ImportJobLike }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [shown, setShown] = useState(REJECTIONS_PAGE);
  if (job.rejected.length === 0) return null;
  const rows = job.rejected.slice(0, shown);
  const remaining = job.rejected.length - rows.length;
  return (
    <section aria-labelledby="rejected-heading" className="mt-8">
      <h3 id="rejected-heading" className="mb-2 text-std-20B-150">
        {t('import.rejectedTitle', { count: job.rejectedCount })}
      </h3>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('import.rejectedLead')}</p>
      <DataTable caption={t('import.rejectedCaption')} captionHidden>
        <ColumnHeaders columns={[t('import.line'), t('import.column'), t('import.reason')]} />
        <tbody>
          {rows.flatMap((row) =>
            row.reasons.map((reason, index) => (
              <tr key={`${row.line}-${index}`} className={bodyRowClass}>
                {index === 0 ? (
                  <th scope="row" rowSpan={row.reasons.length} className={`${thClass} whitespace-nowrap tabular-nums`}>
                    {t('import.lineN', { line: row.line })}
                  </th>
                ) : null}
                <td className={tdClass}>{reason.column ?? t('import.wholeRow')}</td>
                <td className={tdClass}>{reason.message}</td>
              </tr>
            )),
          )}
        </tbody>
      </DataTable>
      {job.rejected.length > REJECTIONS_PAGE ? (
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <p role="status" className="text-std-16N-170 text-solid-gray-700">
            {t('import.rejectedShown', { shown: formatCount(rows.length, locale), total: formatCount(job.rejected.length, locale) })}
          </p>
          {remaining > 0 ? <Button onClick={() => setShown((value) => value + REJECTIONS_PAGE)}>{t('import.rejectedMore', { count: Math.min(remaining, REJECTIONS_PAGE) })}</Button> : null}
        </div>
      ) : null}
    </section>
  );
}
