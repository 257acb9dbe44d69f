import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import type { PlanUpdateInput } from '../../../shared/schemas/plan';
import { Button } from '../../components/Button';
import { ConflictNotice } from '../../components/ConflictNotice';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ErrorText } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { type PlanFormValues, PlanFormFields, planFieldLabel, planFieldOf, planToForm, planUpdateResolver } from '../../features/plans/PlanForm';
import { VisibilityBadge } from '../../features/plans/PlanParts';
import { isConflict, runMutation, showServerError } from '../../features/plans/plan-errors';
import { type CsvKind, type ImportKind, type Plan, type PlanImportResult, downloadPlanCsv, useImportPlanCsv, usePlan, usePlanPeople, useSetPlanVisibility, useUpdatePlan } from '../../features/plans/plans.api';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { useLoadedPlan } from './plan-layout';

/**
 * 設定: the plan's settings (editors), publishing (admins), and CSV in and out: the node tree and the targets
 * per period as our CSV (checked first, then imported), and results exported from Decidim Accountability.
 */
export function PlanSettingsPage() {
  const { t } = useTranslation();
  const { plan } = useLoadedPlan();
  // Kept here: the settings form starts afresh from every saved version.
  const [saved, setSaved] = useState<string | null>(null);
  if (!plan) return null;
  return (
    <div className="max-w-4xl">
      {plan.abilities.publish ? <PublishSection plan={plan} /> : null}
      {plan.abilities.edit ? (
        <>
          <SettingsSection key={plan.version} plan={plan} saved={saved} onSaved={setSaved} />
          <CsvSection plan={plan} />
        </>
      ) : (
        <p className="text-std-16N-170">{t('plans.settings.readOnly')}</p>
      )}
    </div>
  );
}

function PublishSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const setVisibility = useSetPlanVisibility(plan.id);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const publish = plan.visibility === 'draft';
  return (
    <section aria-labelledby="publish-heading" className="mb-12 rounded-12 border-2 border-blue-900 p-4 sm:p-6">
      <h2 id="publish-heading" className="text-std-24B-150">
        {t('plans.publish.title')}
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-3 text-std-16N-170">
        {t('plans.publish.state')} <VisibilityBadge visibility={plan.visibility} />
        {plan.publishedAt && plan.visibility === 'public' ? <span>{t('plans.publish.since', { date: formatDateTime(plan.publishedAt, locale) })}</span> : null}
      </p>
      <p className="mt-3 text-std-16B-170">{t('plans.publish.meaning')}</p>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-std-16N-170">
        <li>{t('plans.publish.shows')}</li>
        <li>{t('plans.publish.hides')}</li>
      </ul>
      {plan.visibility === 'public' ? (
        <p className="mt-3 text-std-16N-170">
          <TextLink to="/open/plans/$planId" params={{ planId: plan.id }}>
            {t('plans.publish.openPublicPage')}
          </TextLink>
        </p>
      ) : null}
      {message ? <Notice tone="success" title={message} live="polite" className="mt-4" /> : null}
      {setVisibility.isError ? (
        <p role="alert" className="mt-4 text-std-16B-170 text-error-2">
          {errorMessage(t, setVisibility.error)}
        </p>
      ) : null}
      <Button variant={publish ? 'solid-fill' : 'outline'} className="mt-4" onClick={() => setConfirming(true)}>
        {publish ? t('plans.publish.publish') : t('plans.publish.unpublish')}
      </Button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={publish ? t('plans.publish.confirmPublishTitle') : t('plans.publish.confirmUnpublishTitle')}
        confirmLabel={publish ? t('plans.publish.publish') : t('plans.publish.unpublish')}
        isBusy={setVisibility.isPending}
        onConfirm={() =>
          runMutation(setVisibility, 
            { publish, version: plan.version },
            {
              onSuccess: () => {
                setConfirming(false);
                setMessage(publish ? t('plans.publish.published') : t('plans.publish.unpublished'));
              },
              onError: () => setConfirming(false),
            },
          )
        }
      >
        <p>{publish ? t('plans.publish.confirmPublishBody') : t('plans.publish.confirmUnpublishBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function SettingsSection({ plan, saved, onSaved }: { plan: Plan; saved: string | null; onSaved: (message: string | null) => void }) {
  const { t } = useTranslation();
  const update = useUpdatePlan(plan.id);
  const reload = usePlan(plan.id);
  const people = usePlanPeople(true);
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const form = useForm<PlanFormValues, unknown, PlanUpdateInput>({ resolver: planUpdateResolver(plan.version), defaultValues: planToForm(plan), shouldFocusError: false });
  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    setConflict(false);
    onSaved(null);
    runMutation(update, values, {
      onSuccess: (result) => onSaved(t('plans.settings.saved', { title: result.title })),
      onError: (error) => {
        if (isConflict(error)) {
          setConflict(true);
          return;
        }
        showServerError(feedback, error, form.setError, t, planFieldOf);
      },
    });
  }, feedback.onInvalid);
  return (
    <section aria-labelledby="settings-heading" className="mb-12">
      <h2 id="settings-heading" className="mb-2 text-std-24B-150">
        {t('plans.settings.title')}
      </h2>
      <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('plans.settings.lead')}</p>
      {saved ? <Notice tone="success" title={saved} live="polite" className="mb-6" /> : null}
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        {conflict ? <ConflictNotice onReload={() => void reload.refetch()} /> : null}
        <ErrorSummary items={summaryItems(form.formState.errors, (name) => planFieldLabel(t, name))} message={feedback.formError} focusKey={feedback.attempt} />
        <PlanFormFields form={form} mode="settings" currentYear={fiscalYearOf(new Date())} people={people.isError ? null : (people.data?.items ?? [])} />
        <Button type="submit" variant="solid-fill" size="lg" isBusy={update.isPending}>
          {t('plans.settings.save')}
        </Button>
      </form>
    </section>
  );
}

function CsvSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: (kind: CsvKind) => downloadPlanCsv(plan.id, kind) });
  return (
    <section aria-labelledby="csv-heading" className="mb-12">
      <h2 id="csv-heading" className="mb-2 text-std-24B-150">
        {t('plans.csv.title')}
      </h2>
      <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('plans.csv.lead')}</p>
      <h3 className="mb-3 text-std-20B-150">{t('plans.csv.exportTitle')}</h3>
      <div className="mb-2 flex flex-wrap gap-4">
        <Button isBusy={download.isPending && download.variables === 'nodes'} onClick={() => download.mutate('nodes')}>
          {t('plans.csv.exportNodes')}
        </Button>
        <Button isBusy={download.isPending && download.variables === 'periods'} onClick={() => download.mutate('periods')}>
          {t('plans.csv.exportPeriods')}
        </Button>
      </div>
      {download.isError ? (
        <p role="alert" className="mb-4 text-std-16B-170 text-error-2">
          {errorMessage(t, download.error)}
        </p>
      ) : null}
      <p className="mb-8 text-std-16N-170 text-solid-gray-700">{t('plans.csv.exportNote')}</p>
      <ImportPanel plan={plan} kind="nodes" title={t('plans.csv.importNodes')} lead={t('plans.csv.importNodesLead')} />
      <ImportPanel plan={plan} kind="periods" title={t('plans.csv.importPeriods')} lead={t('plans.csv.importPeriodsLead')} />
      <ImportPanel plan={plan} kind="decidim" title={t('plans.csv.importDecidim')} lead={t('plans.csv.importDecidimLead')} />
    </section>
  );
}

/** Choose a CSV, check it (nothing changes, every rejected row listed with its line), then import it. */
function ImportPanel({ plan, kind, title, lead }: { plan: Plan; kind: ImportKind; title: string; lead: string }) {
  const { t } = useTranslation();
  const run = useImportPlanCsv(plan.id);
  const fileRef = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<{ file: File; result: PlanImportResult } | null>(null);
  const [applied, setApplied] = useState<PlanImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputId = `import-${kind}-file`;
  const headingId = `import-${kind}-heading`;
  const check = () => {
    const file = fileRef.current?.files?.[0];
    setApplied(null);
    setChecked(null);
    if (!file) {
      setError(t('plans.csv.chooseFile'));
      return;
    }
    setError(null);
    runMutation(run, { kind, file, dryRun: true }, { onSuccess: (result) => setChecked({ file, result }), onError: (problem) => setError(errorMessage(t, problem)) });
  };
  const apply = () => {
    if (!checked) return;
    runMutation(run, 
      { kind, file: checked.file, dryRun: false },
      {
        onSuccess: (result) => {
          setApplied(result);
          setChecked(null);
          if (fileRef.current) fileRef.current.value = '';
        },
        onError: (problem) => setError(errorMessage(t, problem)),
      },
    );
  };
  return (
    <section aria-labelledby={headingId} className="mb-8 rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <h3 id={headingId} className="text-std-20B-150">
        {title}
      </h3>
      <p className="mt-1 mb-4 text-std-16N-170 text-solid-gray-700">{lead}</p>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex min-w-0 flex-col">
          <label htmlFor={inputId} className="text-std-17B-170">
            {t('plans.csv.file')}
          </label>
          <p id={`${inputId}-support`} className="mb-2 text-std-16N-170 text-solid-gray-700">
            {t('plans.csv.fileSupport')}
          </p>
          <input
            id={inputId}
            ref={fileRef}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${inputId}-support${error ? ` ${inputId}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={() => {
              setChecked(null);
              setApplied(null);
            }}
            className="min-h-14 w-full max-w-md rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 focus:outline focus:outline-4 focus:outline-black focus:ring-2 focus:ring-yellow-300"
          />
        </div>
        <Button isBusy={run.isPending && run.variables?.dryRun === true} onClick={check}>
          {t('plans.csv.check')}
        </Button>
      </div>
      {error ? <ErrorText id={`${inputId}-error`}>{error}</ErrorText> : null}
      {checked ? <ImportResult result={checked.result} kind={kind} /> : null}
      {checked && checked.result.errors.length === 0 ? (
        <Button variant="solid-fill" className="mt-4" isBusy={run.isPending && run.variables?.dryRun === false} onClick={apply}>
          {t('plans.csv.apply', { name: checked.file.name })}
        </Button>
      ) : null}
      {applied ? <ImportResult result={applied} kind={kind} /> : null}
    </section>
  );
}

function ImportResult({ result, kind }: { result: PlanImportResult; kind: ImportKind }) {
  const { t } = useTranslation();
  const counts = t('plans.csv.counts', { created: result.created, updated: result.updated, unchanged: result.unchanged });
  return (
    <div className="mt-4" role="status">
      {result.dryRun ? (
        result.errors.length === 0 ? (
          <Notice tone="success" title={t('plans.csv.checkedOk')}>
            <p>{counts}</p>
            <p className="mt-1">{t('plans.csv.nothingChanged')}</p>
          </Notice>
        ) : (
          <Notice tone="error" title={t('plans.csv.checkedErrors', { count: result.errors.length })}>
            <p>{t('plans.csv.fixAndRetry')}</p>
          </Notice>
        )
      ) : (
        <Notice tone={result.errors.length === 0 ? 'success' : 'warning'} title={t('plans.csv.imported')}>
          <p>{counts}</p>
        </Notice>
      )}
      {result.errors.length > 0 ? (
        <DataTable caption={t('plans.csv.errorsCaption', { count: result.errors.length })} className="mt-4">
          <ColumnHeaders columns={[{ label: t('plans.csv.line'), end: true }, t('plans.csv.column'), t('plans.csv.message'), t('plans.csv.value')]} />
          <tbody>
            {result.errors.map((problem, index) => (
              <tr key={`${kind}-${problem.line}-${index}`} className={bodyRowClass}>
                <th scope="row" className={`${thClass} text-end tabular-nums font-normal`}>
                  {t('plans.csv.lineNumber', { line: problem.line })}
                </th>
                <td className={`${tdClass} whitespace-nowrap`}>{problem.column ?? '—'}</td>
                <td className={`${tdClass} min-w-64`}>{problem.message}</td>
                <td className={`${tdClass} break-all`}>{problem.value ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}
