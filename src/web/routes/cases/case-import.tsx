import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Checkbox, FieldGroup, FormField, Radio, RequirementBadge, SelectInput, TextInput, ErrorText } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { DataTable, DetailList, bodyRowClass, colHeadClass, headRowClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { targetText } from '../../features/case-import/case-import-labels';
import {
  CASE_IMPORT_LIMIT_BYTES,
  type CaseImportJob,
  type CaseImportKind,
  type CaseImportMapping,
  type CaseImportUpload,
  useApplyCaseImport,
  useCaseImportJob,
  useStartCaseDryRun,
  useUploadCaseImport,
} from '../../features/case-import/case-import.api';
import { formatCount } from '../../features/companies/company-labels';
import { type CountLabels, ImportSteps, JobCounts, JobPanel, Rejections } from '../../features/imports/ImportJobParts';
import { useCurrentRole } from '../../features/session/session.api';
import { currentLocale } from '../../i18n';
import { errorMessage, errorText } from '../../lib/errors';
import { fieldId } from '../../lib/form';

const ACCEPTED_TYPES = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface MappingOptions {
  createMissingCompanies: boolean;
  companyExternalIdSystem: string;
}

/**
 * Cases and activities from Excel, kintone or another desk's files: choose what and upload, say which
 * column fills which field (pre-filled from the headers), check every row (dry run: nothing changes),
 * then import exactly what was checked. The jobs run on the server; the page polls them.
 */
export function CaseImportPage() {
  const { t } = useTranslation();
  const role = useCurrentRole();
  const canImport = role === 'admin' || role === 'staff';
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<{ data: CaseImportUpload; file: File } | null>(null);
  const [mapping, setMapping] = useState<CaseImportMapping>({});
  const [options, setOptions] = useState<MappingOptions>({ createMissingCompanies: false, companyExternalIdSystem: '' });
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [applyId, setApplyId] = useState<string | null>(null);
  const dryRun = useCaseImportJob(dryRunId);
  const applyJob = useCaseImportJob(applyId);

  const startOver = () => {
    setUpload(null);
    setDryRunId(null);
    setApplyId(null);
    queryClient.removeQueries({ queryKey: ['case-imports'] });
  };
  const uploaded = (data: CaseImportUpload, file: File) => {
    setUpload({ data, file });
    setMapping(withEveryField(data));
    setDryRunId(null);
  };

  const step = applyId ? 3 : dryRunId ? 2 : upload ? 1 : 0;
  const title = t('caseImport.title');
  return (
    <>
      <TextLink to="/cases" className="mb-4 inline-block text-std-16N-170">
        {t('cases.backToList')}
      </TextLink>
      <PageHeading title={title} lead={t('caseImport.lead')}>
        {title}
      </PageHeading>
      {!canImport ? (
        <Notice tone="warning" title={errorText(t, 'FORBIDDEN')} />
      ) : (
        <>
          <ImportSteps steps={[t('caseImport.step.choose'), t('caseImport.step.map'), t('caseImport.step.check'), t('caseImport.step.import')]} current={step} />
          {step === 0 ? <UploadForm onUploaded={uploaded} /> : null}
          {step === 1 && upload ? (
            <MappingForm
              upload={upload.data}
              file={upload.file}
              mapping={mapping}
              onMappingChange={setMapping}
              options={options}
              onOptionsChange={setOptions}
              onUploaded={uploaded}
              onChecked={setDryRunId}
              onStartOver={startOver}
            />
          ) : null}
          {step === 2 && upload ? (
            <JobPanel job={dryRun.data} error={dryRun.error} title={t('import.checkingTitle')}>
              {dryRun.data?.status === 'completed' ? (
                <DryRunReport job={dryRun.data} onApplied={setApplyId} onEditMapping={() => setDryRunId(null)} onStartOver={startOver} />
              ) : null}
            </JobPanel>
          ) : null}
          {step === 2 && dryRun.data?.status === 'failed' ? (
            <div className="mt-6 flex flex-wrap gap-4">
              <Button onClick={() => setDryRunId(null)}>{t('caseImport.editMapping')}</Button>
              <Button onClick={startOver}>{t('import.chooseAnother')}</Button>
            </div>
          ) : null}
          {step === 3 ? (
            <JobPanel job={applyJob.data} error={applyJob.error} title={t('import.importingTitle')}>
              {applyJob.data?.status === 'completed' ? <ImportResult job={applyJob.data} onStartOver={startOver} /> : null}
            </JobPanel>
          ) : null}
        </>
      )}
    </>
  );
}

/** Every target field with the suggested header (or none), so each select starts from the suggestion. */
function withEveryField(upload: CaseImportUpload): CaseImportMapping {
  const headers = new Set(upload.headers);
  return Object.fromEntries(
    upload.targets.map((target) => {
      const suggested = upload.suggestedMapping[target.field];
      return [target.field, suggested && headers.has(suggested) ? suggested : null];
    }),
  );
}

/** A problem of the whole file in words: the reason the server gives (unreadable, empty…) when it has one. */
function uploadProblem(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.code === 'UNPROCESSABLE' && typeof error.details.reason === 'string') {
    return errorText(t, `import.${error.details.reason}`, { defaultValue: errorMessage(t, error) });
  }
  return errorMessage(t, error);
}

/** Moves focus to a step's heading when the step appears (keyboard and screen-reader users start there). */
function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

// ---------------------------------------------------------------- 1. what and which file

function UploadForm({ onUploaded }: { onUploaded: (upload: CaseImportUpload, file: File) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const upload = useUploadCaseImport();
  const [kind, setKind] = useState<CaseImportKind>('cases');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = !file ? t('caseImport.chooseFile') : file.size > CASE_IMPORT_LIMIT_BYTES ? t('caseImport.fileTooLarge') : undefined;
    setFileError(problem);
    if (problem || !file) {
      setAttempt((value) => value + 1);
      return;
    }
    upload.mutate({ file, kind }, { onSuccess: (data) => onUploaded(data, file), onError: () => setAttempt((value) => value + 1) });
  };

  return (
    <form noValidate onSubmit={submit} className="max-w-3xl space-y-8">
      <ErrorSummary
        items={fileError ? [{ name: 'file', label: t('caseImport.file'), message: fileError }] : []}
        message={upload.isError ? uploadProblem(t, upload.error) : undefined}
        focusKey={attempt}
      />
      <FieldGroup name="kind" legend={t('caseImport.kind')} required support={t('caseImport.kindSupport')}>
        <Radio name="kind" value="cases" checked={kind === 'cases'} onChange={() => setKind('cases')}>
          <span className="block text-std-16B-170">{t('caseImport.kindCases')}</span>
          <span className="block text-std-16N-170 text-solid-gray-700">{t('caseImport.kindCasesSupport')}</span>
        </Radio>
        <Radio name="kind" value="activities" checked={kind === 'activities'} onChange={() => setKind('activities')}>
          <span className="block text-std-16B-170">{t('caseImport.kindActivities')}</span>
          <span className="block text-std-16N-170 text-solid-gray-700">{t('caseImport.kindActivitiesSupport')}</span>
        </Radio>
      </FieldGroup>
      <FormField name="file" label={t('caseImport.file')} required support={t('caseImport.fileSupport', { limit: formatCount(50, locale) })} error={fileError}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept={ACCEPTED_TYPES}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="block w-full rounded-8 border border-dashed border-solid-gray-600 bg-white p-4 text-std-16N-170 file:mr-4 file:min-h-11 file:rounded-6 file:border file:border-blue-900 file:bg-white file:px-4 file:text-oln-16B-100 file:text-blue-900 hover:file:bg-blue-200 focus:outline focus:outline-4 focus:outline-black focus:outline-offset-[calc(2/16*1rem)] focus:ring-[calc(2/16*1rem)] focus:ring-yellow-300"
          />
        )}
      </FormField>
      <Notice tone="info" title={t('import.formatTitle')}>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t('caseImport.formatFiles')}</li>
          <li>{t('caseImport.formatHeader')}</li>
          <li>{t('caseImport.formatDates')}</li>
          <li>{t('caseImport.formatMatch')}</li>
          <li>{t('caseImport.formatExport')}</li>
        </ul>
      </Notice>
      <Button type="submit" variant="solid-fill" size="lg" isBusy={upload.isPending}>
        {t('caseImport.upload')}
      </Button>
    </form>
  );
}

// ---------------------------------------------------------------- 2. which column fills which field

function MappingForm({
  upload,
  file,
  mapping,
  onMappingChange,
  options,
  onOptionsChange,
  onUploaded,
  onChecked,
  onStartOver,
}: {
  upload: CaseImportUpload;
  file: File;
  mapping: CaseImportMapping;
  onMappingChange: (mapping: CaseImportMapping) => void;
  options: MappingOptions;
  onOptionsChange: (options: MappingOptions) => void;
  onUploaded: (upload: CaseImportUpload, file: File) => void;
  onChecked: (jobId: string) => void;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const heading = useFocusOnMount();
  const dryRun = useStartCaseDryRun();
  const [attempt, setAttempt] = useState(0);
  const kind = upload.kind;
  const headers = upload.headers.filter((header, index) => header !== '' && upload.headers.indexOf(header) === index);
  const labelOf = (field: string) => {
    const target = upload.targets.find((candidate) => candidate.field === field);
    return target ? targetText(t, kind, target).label : field;
  };

  // The server's findings: a field whose header it cannot use, no column that identifies a record, a sheet.
  const serverFields = isApiError(dryRun.error) ? dryRun.error.fields : [];
  const fieldErrors = new Map<string, string>();
  let missingKey = false;
  for (const field of serverFields) {
    if (field.path === 'mapping') missingKey = true;
    else if (field.path.startsWith('mapping.')) fieldErrors.set(field.path.slice('mapping.'.length), errorText(t, `field.${field.code}`, { defaultValue: errorText(t, 'field.invalid') }));
  }
  const summary: SummaryItem[] = [...fieldErrors].map(([field, message]) => ({ name: `mapping.${field}`, label: labelOf(field), message }));
  const formMessage = missingKey
    ? errorText(t, 'import.MISSING_KEY_COLUMN')
    : dryRun.isError && summary.length === 0
      ? uploadProblem(t, dryRun.error)
      : undefined;

  const unmappedRequired = upload.targets.filter((target) => target.required && !mapping[target.field]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    dryRun.mutate(
      {
        id: upload.id,
        mapping: Object.fromEntries(Object.entries(mapping).filter(([, header]) => header)),
        sheet: upload.sheet ?? undefined,
        createMissingCompanies: kind === 'cases' && options.createMissingCompanies,
        companyExternalIdSystem: kind === 'cases' ? options.companyExternalIdSystem.trim() : undefined,
      },
      { onSuccess: (job) => onChecked(job.id), onError: () => setAttempt((value) => value + 1) },
    );
  };

  return (
    <section aria-labelledby="mapping-heading">
      <h2 id="mapping-heading" ref={heading} tabIndex={-1} className="mb-2 text-std-24B-150 outline-none">
        {t('caseImport.mappingTitle')}
      </h2>
      <p className="mb-6 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('caseImport.mappingLead')}</p>
      <div className="mb-8 max-w-3xl">
        <DetailList
          items={[
            { label: t('caseImport.kind'), value: kind === 'cases' ? t('caseImport.kindCases') : t('caseImport.kindActivities') },
            { label: t('import.fileName'), value: upload.fileName },
            { label: t('import.encoding'), value: upload.encoding ?? t('caseImport.workbook') },
            { label: t('caseImport.columnCount'), value: formatCount(upload.headers.length, locale) },
          ]}
        />
      </div>
      {upload.sheetNames.length > 0 ? <SheetPicker upload={upload} file={file} onUploaded={onUploaded} /> : null}
      <Preview upload={upload} />

      <form noValidate onSubmit={submit} className="mt-10">
        <ErrorSummary items={summary} message={formMessage} focusKey={attempt} />
        <MappingTable upload={upload} headers={headers} mapping={mapping} onMappingChange={onMappingChange} fieldErrors={fieldErrors} />
        {unmappedRequired.length > 0 ? (
          <Notice tone="warning" className="mt-6 max-w-3xl" title={t('caseImport.requiredUnmapped', { fields: unmappedRequired.map((target) => targetText(t, kind, target).label).join('、') })}>
            <p>{t('caseImport.requiredUnmappedBody')}</p>
          </Notice>
        ) : null}
        {kind === 'cases' ? (
          <FieldGroup name="companyOptions" legend={t('caseImport.companyOptions')} className="mt-8 max-w-3xl" legendClassName="text-std-20B-150">
            <Checkbox checked={options.createMissingCompanies} onChange={(event) => onOptionsChange({ ...options, createMissingCompanies: event.target.checked })}>
              <span className="block">{t('caseImport.createMissingCompanies')}</span>
              <span className="block text-std-16N-170 text-solid-gray-700">{t('caseImport.createMissingCompaniesSupport')}</span>
            </Checkbox>
            <FormField name="companyExternalIdSystem" label={t('caseImport.companyExternalIdSystem')} support={t('caseImport.companyExternalIdSystemSupport')} className="mt-4">
              {(control) => (
                <TextInput
                  {...control}
                  value={options.companyExternalIdSystem}
                  maxLength={50}
                  className="max-w-xs"
                  onChange={(event) => onOptionsChange({ ...options, companyExternalIdSystem: event.target.value })}
                />
              )}
            </FormField>
          </FieldGroup>
        ) : null}
        <div className="mt-10 flex flex-wrap gap-4">
          <Button type="submit" variant="solid-fill" size="lg" isBusy={dryRun.isPending}>
            {t('caseImport.check')}
          </Button>
          <Button size="lg" onClick={onStartOver}>
            {t('import.chooseAnother')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Another sheet of the workbook: the file is read again for that sheet (its own columns and suggestion). */
function SheetPicker({ upload, file, onUploaded }: { upload: CaseImportUpload; file: File; onUploaded: (upload: CaseImportUpload, file: File) => void }) {
  const { t } = useTranslation();
  const reread = useUploadCaseImport();
  const [sheet, setSheet] = useState(upload.sheet ?? upload.sheetNames[0] ?? '');
  return (
    <div className="mb-8 flex max-w-3xl flex-wrap items-end gap-4">
      <FormField name="sheet" label={t('caseImport.sheet')} support={t('caseImport.sheetSupport')} error={reread.isError ? uploadProblem(t, reread.error) : undefined}>
        {(control) => (
          <SelectInput {...control} value={sheet} onChange={(event) => setSheet(event.target.value)}>
            {upload.sheetNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectInput>
        )}
      </FormField>
      <Button
        isBusy={reread.isPending}
        aria-disabled={sheet === upload.sheet || undefined}
        onClick={() => reread.mutate({ file, kind: upload.kind, sheet }, { onSuccess: (data) => onUploaded(data, file) })}
      >
        {t('caseImport.readSheet')}
      </Button>
    </div>
  );
}

/** The first rows of the file under its own headers, so people see what each column holds. */
function Preview({ upload }: { upload: CaseImportUpload }) {
  const { t } = useTranslation();
  const headerOf = (header: string, index: number) => (header === '' ? t('caseImport.unnamedColumn', { n: index + 1 }) : header);
  return (
    <section aria-labelledby="preview-heading">
      <h3 id="preview-heading" className="mb-2 text-std-20B-150">
        {t('caseImport.previewTitle')}
      </h3>
      {upload.sampleRows.length === 0 ? (
        <p className="text-std-16N-170">{t('caseImport.previewEmpty')}</p>
      ) : (
        <DataTable caption={t('caseImport.previewCaption', { count: upload.sampleRows.length, sheet: upload.sheet ?? '' })} captionHidden>
          <thead>
            <tr className={headRowClass}>
              <th scope="col" className={colHeadClass}>
                {t('import.line')}
              </th>
              {upload.headers.map((header, index) => (
                <th key={index} scope="col" className={colHeadClass}>
                  {headerOf(header, index)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {upload.sampleRows.map((row, rowIndex) => (
              <tr key={rowIndex} className={bodyRowClass}>
                <th scope="row" className={`${thClass} whitespace-nowrap tabular-nums`}>
                  {t('import.lineN', { line: rowIndex + 2 })}
                </th>
                {upload.headers.map((_header, index) => (
                  <td key={index} className={`${tdClass} max-w-64 min-w-24 break-words`}>
                    <span className="line-clamp-3">{row[index] ?? ''}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

/** One row per field: its name, whether new rows need it, what it takes, and the column of the file that fills it. */
function MappingTable({
  upload,
  headers,
  mapping,
  onMappingChange,
  fieldErrors,
}: {
  upload: CaseImportUpload;
  headers: string[];
  mapping: CaseImportMapping;
  onMappingChange: (mapping: CaseImportMapping) => void;
  fieldErrors: Map<string, string>;
}) {
  const { t } = useTranslation();
  const firstRow = upload.sampleRows[0] ?? [];
  const sampleOf = (header: string | null) => {
    if (!header) return '';
    const index = upload.headers.indexOf(header);
    return index >= 0 ? (firstRow[index] ?? '') : '';
  };
  const mapped = Object.values(mapping).filter(Boolean).length;
  return (
    <>
      <h3 className="mb-2 text-std-20B-150">{t('caseImport.fieldsTitle')}</h3>
      <p className="mb-4 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('caseImport.fieldsLead')}</p>
      <p role="status" className="mb-2 text-std-16B-170">
        {t('caseImport.mappedCount', { mapped, total: upload.targets.length })}
      </p>
      <DataTable caption={t('caseImport.fieldsCaption')} captionHidden>
        <thead>
          <tr className={headRowClass}>
            <th scope="col" className={colHeadClass}>
              {t('caseImport.field')}
            </th>
            <th scope="col" className={colHeadClass}>
              {t('caseImport.fileColumn')}
            </th>
            <th scope="col" className={colHeadClass}>
              {t('caseImport.firstValue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {upload.targets.map((target) => {
            const text = targetText(t, upload.kind, target);
            const name = `mapping.${target.field}`;
            const id = fieldId(name);
            const error = fieldErrors.get(target.field);
            const value = mapping[target.field] ?? '';
            return (
              <tr key={target.field} className={bodyRowClass}>
                <th scope="row" className={`${thClass} min-w-64 max-w-md font-normal`}>
                  <label htmlFor={id} className="text-std-16B-170 text-solid-gray-900">
                    {text.label}
                  </label>
                  <RequirementBadge required={target.required} />
                  <span id={`${id}-support`} className="mt-1 block text-std-16N-170 text-solid-gray-700">
                    {text.description}
                  </span>
                </th>
                <td className={`${tdClass} min-w-64`}>
                  <SelectInput
                    id={id}
                    value={value}
                    aria-describedby={[`${id}-support`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => onMappingChange({ ...mapping, [target.field]: event.target.value || null })}
                  >
                    <option value="">{t('caseImport.notMapped')}</option>
                    {headers.map((header) => (
                      <option key={header} value={header}>
                        {header}
                      </option>
                    ))}
                  </SelectInput>
                  {error ? <ErrorText id={`${id}-error`}>{error}</ErrorText> : null}
                </td>
                <td className={`${tdClass} max-w-64 break-words`}>
                  {value ? <span className="line-clamp-3">{sampleOf(value) || <span className="text-solid-gray-700">{t('caseImport.blank')}</span>}</span> : <span className="text-solid-gray-700">{t('caseImport.notImported')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </>
  );
}

// ---------------------------------------------------------------- 3. the dry run and 4. the import

function countLabels(t: TFunction, kind: CaseImportKind, planned: boolean): CountLabels {
  const noun = kind === 'cases' ? t('caseImport.nounCases') : t('caseImport.nounActivities');
  return planned
    ? { created: t('caseImport.planned.created', { noun }), updated: t('caseImport.planned.updated', { noun }), unchanged: t('caseImport.planned.unchanged', { noun }), rejected: t('import.planned.rejected') }
    : { created: t('caseImport.done.created', { noun }), updated: t('caseImport.done.updated', { noun }), unchanged: t('caseImport.done.unchanged', { noun }), rejected: t('import.done.rejected') };
}

function jobExtras(t: TFunction, job: CaseImportJob) {
  return [
    { label: t('caseImport.kind'), value: job.kind === 'cases' ? t('caseImport.kindCases') : t('caseImport.kindActivities') },
    ...(job.sheet ? [{ label: t('caseImport.sheet'), value: job.sheet }] : []),
  ];
}

function DryRunReport({ job, onApplied, onEditMapping, onStartOver }: { job: CaseImportJob; onApplied: (jobId: string) => void; onEditMapping: () => void; onStartOver: () => void }) {
  const { t } = useTranslation();
  const apply = useApplyCaseImport();
  const heading = useFocusOnMount();
  const toImport = job.created + job.updated;
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
            ? t('caseImport.reportNoChange', { count: job.unchanged, rejected: job.rejectedCount })
            : t('import.reportSummary', { count: toImport, rejected: job.rejectedCount })
        }
      />
      <JobCounts job={job} labels={countLabels(t, job.kind, true)} extra={jobExtras(t, job)} noEncoding={t('caseImport.workbook')} />
      <Rejections job={job} />
      {apply.isError ? <Notice tone="error" className="mt-6" live="assertive" title={errorMessage(t, apply.error)} /> : null}
      <div className="mt-8 flex flex-wrap items-center gap-4">
        {toImport + job.unchanged > 0 ? (
          <Button variant="solid-fill" size="lg" isBusy={apply.isPending} onClick={() => apply.mutate(job.id, { onSuccess: (applied) => onApplied(applied.id) })}>
            {toImport > 0 ? t('caseImport.apply', { count: toImport }) : t('caseImport.applyUnchanged')}
          </Button>
        ) : (
          <p className="text-std-16N-170">{t('import.nothingToImport')}</p>
        )}
        <Button size="lg" onClick={onEditMapping}>
          {t('caseImport.editMapping')}
        </Button>
        <Button size="lg" onClick={onStartOver}>
          {t('import.chooseAnother')}
        </Button>
      </div>
    </section>
  );
}

function ImportResult({ job, onStartOver }: { job: CaseImportJob; onStartOver: () => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount();
  return (
    <section aria-labelledby="result-heading">
      <h2 id="result-heading" ref={heading} tabIndex={-1} className="mb-4 text-std-24B-150 outline-none">
        {t('import.resultTitle')}
      </h2>
      <Notice tone="success" className="mb-6" live="polite" title={t('caseImport.resultSummary', { created: job.created, updated: job.updated })} />
      <JobCounts job={job} labels={countLabels(t, job.kind, false)} extra={jobExtras(t, job)} noEncoding={t('caseImport.workbook')} />
      <Rejections job={job} />
      <div className="mt-8 flex flex-wrap items-center gap-4">
        <TextLink to="/cases" className="text-std-16N-170">
          {t('caseImport.toList')}
        </TextLink>
        <Button onClick={onStartOver}>{t('caseImport.importAnother')}</Button>
      </div>
    </section>
  );
}
