import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { type ImportJob, useApplyDryRun, useImportJob, useStartImport } from '../../features/company-import/company-import.api';
import { type CountLabels, ImportSteps, JobCounts, JobPanel, Rejections } from '../../features/imports/ImportJobParts';
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
      <ImportSteps steps={[t('import.step.choose'), t('import.step.check'), t('import.step.import')]} current={applyId ? 2 : dryRunId ? 1 : 0} />

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
      <JobCounts job={job} labels={countLabels(t, 'import.planned')} />
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
      <JobCounts job={job} labels={countLabels(t, 'import.done')} />
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

/** What the register import counts: companies (the keys are listed in i18next.config.ts: built at run time). */
function countLabels(t: TFunction, prefix: 'import.planned' | 'import.done'): CountLabels {
  return { created: t(`${prefix}.created`), updated: t(`${prefix}.updated`), unchanged: t(`${prefix}.unchanged`), rejected: t(`${prefix}.rejected`) };
}
