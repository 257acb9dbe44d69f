import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadError, ProgressBar } from '../../components/Feedback';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, DetailList, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { type ImportJob, useApplyDryRun, useImportJob, useStartImport } from '../../features/company-import/company-import.api';
import { formatCount } from '../../features/companies/company-labels';
import { currentLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';

/**
 * CSV import in two steps: a dry run that checks every row and changes nothing, then the import of
 * the rows that passed. Both run as jobs on the server; the page polls them every second.
 */
export function CompanyImportPage() {
  const { t } = useTranslation();
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [applyId, setApplyId] = useState<string | null>(null);
  const dryRun = useImportJob(dryRunId);
  const applyJob = useImportJob(applyId);
  const queryClient = useQueryClient();

  const startOver = () => {
    setDryRunId(null);
    setApplyId(null);
    queryClient.removeQueries({ queryKey: ['company-imports'] });
  };

  return (
    <>
      <TextLink to="/companies" className="mb-4 inline-block text-std-16N-170">
        {t('companies.backToList')}
      </TextLink>
      <PageHeading title={t('import.title')} lead={t('import.lead')}>
        {t('import.title')}
      </PageHeading>
      <ol className="mb-8 flex flex-wrap gap-x-8 gap-y-2 text-std-16N-170" aria-label={t('import.steps')}>
        {(['choose', 'check', 'import'] as const).map((step, index) => {
          const current = applyId ? 2 : dryRunId ? 1 : 0;
          return (
            <li key={step} aria-current={index === current ? 'step' : undefined} className={index === current ? 'font-bold text-blue-1000' : 'text-solid-gray-700'}>
              {index + 1}. {t(`import.step.${step}`)}
            </li>
          );
        })}
      </ol>

      {!dryRunId ? <UploadForm onStarted={setDryRunId} /> : null}
      {dryRunId && !applyId ? (
        <JobPanel job={dryRun.data} error={dryRun.error} title={t('import.checkingTitle')}>
          {dryRun.data?.status === 'completed' ? <DryRunReport job={dryRun.data} onApplied={setApplyId} onStartOver={startOver} /> : null}
        </JobPanel>
      ) : null}
      {applyId ? (
        <JobPanel job={applyJob.data} error={applyJob.error} title={t('import.importingTitle')}>
          {applyJob.data?.status === 'completed' ? <ImportResult job={applyJob.data} onStartOver={startOver} /> : null}
        </JobPanel>
      ) : null}
    </>
  );
}

function UploadForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const { t } = useTranslation();
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [missingFile, setMissingFile] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      setAttempt((value) => value + 1);
      return;
    }
    setMissingFile(false);
    start.mutate({ file, mode: 'dry_run' }, { onSuccess: (job) => onStarted(job.id), onError: () => setAttempt((value) => value + 1) });
  };

  const fileError = missingFile ? t('import.chooseFile') : undefined;
  return (
    <form noValidate onSubmit={submit} className="max-w-3xl">
      <ErrorSummary
        items={fileError ? [{ name: 'file', label: t('import.file'), message: fileError }] : []}
        message={start.isError ? errorMessage(t, start.error) : undefined}
        focusKey={attempt}
      />
      <FormField name="file" label={t('import.file')} required support={t('import.fileSupport')} error={fileError}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="block w-full rounded-8 border border-dashed border-solid-gray-600 bg-white p-4 text-std-16N-170 file:mr-4 file:min-h-11 file:rounded-6 file:border file:border-blue-900 file:bg-white file:px-4 file:text-oln-16B-100 file:text-blue-900 hover:file:bg-blue-200 focus:outline focus:outline-4 focus:outline-black focus:outline-offset-[calc(2/16*1rem)] focus:ring-[calc(2/16*1rem)] focus:ring-yellow-300"
          />
        )}
      </FormField>
      <Notice tone="info" className="mt-6" title={t('import.formatTitle')}>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t('import.formatHeader')}</li>
          <li>{t('import.formatEncoding')}</li>
          <li>{t('import.formatMatch')}</li>
          <li>{t('import.formatLimit')}</li>
        </ul>
      </Notice>
      <Button type="submit" variant="solid-fill" size="lg" className="mt-8" isBusy={start.isPending}>
        {t('import.check')}
      </Button>
    </form>
  );
}

/** A job while it runs (progress) or after it failed; `children` is shown when it completed. */
function JobPanel({ job, error, title, children }: { job: ImportJob | undefined; error: unknown; title: string; children: React.ReactNode }) {
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

function Counts({ job, planned }: { job: ImportJob; planned: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const prefix = planned ? 'import.planned' : 'import.done';
  return (
    <DetailList
      items={[
        { label: t('import.fileName'), value: job.fileName },
        { label: t('import.encoding'), value: job.encoding ?? t('common.notRecorded') },
        { label: t('import.totalRows'), value: formatCount(job.totalRows ?? 0, locale) },
        { label: t(`${prefix}.created`), value: formatCount(job.created, locale) },
        { label: t(`${prefix}.updated`), value: formatCount(job.updated, locale) },
        { label: t(`${prefix}.unchanged`), value: formatCount(job.unchanged, locale) },
        { label: t(`${prefix}.rejected`), value: formatCount(job.rejectedCount, locale) },
        { label: t('import.ignoredColumns'), value: job.ignoredColumns.length > 0 ? job.ignoredColumns.join('、') : t('import.none') },
      ]}
    />
  );
}

function Rejections({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (job.rejected.length === 0) return null;
  return (
    <section aria-labelledby="rejected-heading" className="mt-8">
      <h3 id="rejected-heading" className="mb-2 text-std-20B-150">
        {t('import.rejectedTitle', { count: job.rejectedCount })}
      </h3>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('import.rejectedLead')}</p>
      <DataTable caption={t('import.rejectedCaption')} captionHidden>
        <ColumnHeaders columns={[t('import.line'), t('import.column'), t('import.reason')]} />
        <tbody>
          {job.rejected.flatMap((row) =>
            row.reasons.map((reason, index) => (
              <tr key={`${row.line}-${index}`} className={bodyRowClass}>
                {index === 0 ? (
                  <th scope="row" rowSpan={row.reasons.length} className={`${thClass} tabular-nums`}>
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
    </section>
  );
}

function DryRunReport({ job, onApplied, onStartOver }: { job: ImportJob; onApplied: (jobId: string) => void; onStartOver: () => void }) {
  const { t } = useTranslation();
  const apply = useApplyDryRun();
  const toImport = job.created + job.updated;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading" ref={heading} tabIndex={-1} className="mb-4 text-std-24B-150 outline-none">
        {t('import.reportTitle')}
      </h2>
      <Notice
        tone={job.rejectedCount > 0 ? 'warning' : 'success'}
        className="mb-6"
        live="polite"
        title={
          toImport === 0 && job.unchanged > 0
            ? t('import.reportNoChange', { count: job.unchanged, rejected: job.rejectedCount })
            : t('import.reportSummary', { count: toImport, rejected: job.rejectedCount })
        }
      />
      <Counts job={job} planned />
      <Rejections job={job} />
      {apply.isError ? (
        <Notice tone="error" className="mt-6" live="assertive" title={errorMessage(t, apply.error)} />
      ) : null}
      <div className="mt-8 flex flex-wrap gap-4">
        {toImport + job.unchanged > 0 ? (
          <Button variant="solid-fill" size="lg" isBusy={apply.isPending} onClick={() => apply.mutate(job.id, { onSuccess: (applied) => onApplied(applied.id) })}>
            {toImport > 0 ? t('import.apply', { count: toImport }) : t('import.applyUnchanged')}
          </Button>
        ) : (
          <p className="text-std-16N-170">{t('import.nothingToImport')}</p>
        )}
        <Button size="lg" onClick={onStartOver}>
          {t('import.chooseAnother')}
        </Button>
      </div>
    </section>
  );
}

function ImportResult({ job, onStartOver }: { job: ImportJob; onStartOver: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="result-heading">
      <h2 id="result-heading" ref={heading} tabIndex={-1} className="mb-4 text-std-24B-150 outline-none">
        {t('import.resultTitle')}
      </h2>
      <Notice tone="success" className="mb-6" live="polite" title={t('import.resultSummary', { created: job.created, updated: job.updated })} />
      <Counts job={job} planned={false} />
      <Rejections job={job} />
      <div className="mt-8 flex flex-wrap gap-4">
        <TextLink to="/companies" className="text-std-16N-170">
          {t('import.toList')}
        </TextLink>
        <Button onClick={onStartOver}>{t('import.chooseAnother')}</Button>
      </div>
    </section>
  );
}
