import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { targetInput, updateCreateInput, updateDecisionInput } from '../../../shared/schemas/plan';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ErrorText, FormField, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { errorMessage, fieldMessage } from '../../lib/errors';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { toNumber } from '../cases/case-form-values';
import { isConflict, runMutation, showServerError } from './plan-errors';
import { formatValue, updateStatusLabel } from './plan-format';
import {
  type IndicatorDetail,
  type IndicatorPeriod,
  type IndicatorUpdate,
  downloadEvidence,
  useCreateUpdate,
  useDecideUpdate,
  useEditUpdate,
  useRemoveEvidence,
  useReviseTarget,
  useSetPeriodLock,
  useUploadEvidence,
} from './plans.api';

interface ValueFormValues {
  value: string;
  narrative: string;
}

/** Which submit button sent the form (「提出する」 or 「下書きを保存する」, 「承認する」 or 「差し戻す」). */
function intentOf(event: React.BaseSyntheticEvent | undefined): string | undefined {
  const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter;
  return submitter instanceof HTMLElement ? submitter.dataset.intent : undefined;
}

const valueFieldOf = (path: string) => (path === 'value' || path === 'narrative' ? path : null);

function valueLabel(t: TFunction, name: string): string {
  return name === 'narrative' ? t('plans.report.narrative') : t('plans.report.value');
}

/**
 * Reports an actual for a period: a new update, or the open draft / returned one. 「下書きを保存する」 keeps it,
 * 「提出する」 sends it for approval. A computed indicator takes the computed value (shown, not typed).
 */
export function ReportForm({ indicator, period, update, onDone }: { indicator: IndicatorDetail; period: IndicatorPeriod; update: IndicatorUpdate | null; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const create = useCreateUpdate();
  const edit = useEditUpdate();
  const decide = useDecideUpdate();
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const computed = indicator.kind === 'computed';
  const form = useForm<ValueFormValues>({
    resolver: schemaResolver<ValueFormValues, unknown>(updateCreateInput, {
      toInput: (values) => ({ value: computed ? null : toNumber(values.value, null), narrative: values.narrative, submit: false }),
    }) as never,
    defaultValues: { value: update?.value === null || update?.value === undefined ? '' : String(update.value), narrative: update?.narrative ?? '' },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const busy = create.isPending || edit.isPending || decide.isPending;

  // The resolver checks with the API's schema; what is sent is built from the inputs as typed.
  const onSubmit = form.handleSubmit(async (_valid, event) => {
    const values = form.getValues();
    feedback.reset();
    setConflict(false);
    const value = computed ? null : (toNumber(values.value, null) as number | null);
    const narrative = values.narrative.trim() === '' ? null : values.narrative;
    const submit = intentOf(event) === 'submit';
    try {
      if (!update) {
        await create.mutateAsync({ periodId: period.id, value, narrative, submit });
      } else {
        const saved = await edit.mutateAsync({ id: update.id, version: update.version, value, narrative });
        if (submit) await decide.mutateAsync({ id: update.id, action: 'submit', version: saved.version, comment: null });
      }
      onDone(submit ? t('plans.report.submitted', { period: period.label }) : t('plans.report.saved', { period: period.label }));
    } catch (error) {
      if (isConflict(error) || (isApiError(error) && error.code === 'DUPLICATE')) {
        setConflict(true);
        feedback.setFormError(errorMessage(t, error));
        return;
      }
      showServerError(feedback, error, form.setError, t, valueFieldOf);
    }
  }, feedback.onInvalid);

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-6">
      <ErrorSummary items={summaryItems(errors, (name) => valueLabel(t, name))} message={feedback.formError} focusKey={feedback.attempt} />
      {conflict ? <p className="text-std-16N-170">{t('plans.report.reloaded')}</p> : null}
      {update?.status === 'returned' ? (
        <Notice tone="warning" title={t('plans.report.returnedTitle')}>
          <p>{update.reviewComment || t('plans.report.noComment')}</p>
          {update.reviewedBy ? <p className="mt-1 text-std-16N-170">{t('plans.report.returnedBy', { name: update.reviewedBy.name, date: update.reviewedAt ? formatDateTime(update.reviewedAt, locale) : '' })}</p> : null}
        </Notice>
      ) : null}
      {computed ? (
        <div className="rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 text-std-16N-170">
          <p className="text-std-16B-170">{t('plans.report.computedValue', { value: formatValue(period.live, indicator.decimals, indicator.unit, locale) })}</p>
          <p className="mt-1">{t('plans.report.computedHelp')}</p>
          {errors.value?.message ? <ErrorText id="field-value-error">{errors.value.message}</ErrorText> : null}
        </div>
      ) : (
        <FormField
          name="value"
          label={t('plans.report.valueWithUnit', { unit: indicator.unit || t('plans.report.noUnit') })}
          required
          support={valueSupport(t, indicator)}
          error={errors.value?.message}
        >
          {(control) => <TextInput {...control} {...form.register('value')} inputMode="decimal" className="max-w-xs" />}
        </FormField>
      )}
      <FormField name="narrative" label={t('plans.report.narrative')} support={t('plans.report.narrativeSupport')} error={errors.narrative?.message}>
        {(control) => <TextArea {...control} {...form.register('narrative')} rows={4} />}
      </FormField>
      <div className="flex flex-wrap gap-4">
        {/* The draft button comes first: pressing Enter in a field keeps a draft, never submits for approval. */}
        <Button type="submit" variant="outline" isBusy={busy} data-intent="draft">
          {t('plans.report.saveDraft')}
        </Button>
        <Button type="submit" variant="solid-fill" isBusy={busy} data-intent="submit">
          {t('plans.report.submit')}
        </Button>
      </div>
    </form>
  );
}

function valueSupport(t: TFunction, indicator: IndicatorDetail): string {
  const parts = [t('plans.report.decimals', { count: indicator.decimals })];
  if (indicator.minValue !== null || indicator.maxValue !== null) {
    parts.push(t('plans.report.range', { min: indicator.minValue ?? '−∞', max: indicator.maxValue ?? '∞' }));
  }
  return parts.join(' ');
}

/** Reviewers approve a submitted update (its value becomes the period's actual) or return it with a comment. */
export function DecisionForm({ update, onDone, label }: { update: IndicatorUpdate; onDone: (message: string) => void; label: string }) {
  const { t } = useTranslation();
  const decide = useDecideUpdate();
  const feedback = useFormFeedback();
  const form = useForm<{ comment: string }>({
    resolver: schemaResolver<{ comment: string }, unknown>(updateDecisionInput, { toInput: (values) => ({ version: update.version, comment: values.comment }) }) as never,
    defaultValues: { comment: '' },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const name = `comment-${update.id}`;
  const onSubmit = form.handleSubmit((_valid, event) => {
    const values = form.getValues();
    feedback.reset();
    const action = intentOf(event) === 'return' ? 'return' : 'approve';
    runMutation(decide, 
      { id: update.id, action, version: update.version, comment: values.comment.trim() === '' ? null : values.comment },
      {
        onSuccess: () => onDone(action === 'approve' ? t('plans.decision.approved', { label }) : t('plans.decision.returned', { label })),
        onError: (error) => showServerError(feedback, error, form.setError, t, (path) => (path === 'comment' ? 'comment' : null)),
      },
    );
  }, feedback.onInvalid);
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-4">
      <ErrorSummary items={summaryItems(errors, () => t('plans.decision.comment')).map((item) => ({ ...item, name }))} message={feedback.formError} focusKey={feedback.attempt} />
      <FormField name={name} label={t('plans.decision.comment')} support={t('plans.decision.commentSupport')} error={errors.comment?.message}>
        {(control) => <TextArea {...control} {...form.register('comment')} rows={3} />}
      </FormField>
      <div className="flex flex-wrap gap-4">
        <Button type="submit" variant="solid-fill" isBusy={decide.isPending} data-intent="approve">
          {t('plans.decision.approve')}
          <span className="sr-only">: {label}</span>
        </Button>
        <Button type="submit" variant="outline" isBusy={decide.isPending} data-intent="return">
          {t('plans.decision.return')}
          <span className="sr-only">: {label}</span>
        </Button>
      </div>
    </form>
  );
}

function problemText(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.fields.length > 0) return error.fields.map((field) => fieldMessage(t, field)).join(' ');
  return errorMessage(t, error);
}

/** Evidence of a draft or returned update: download, remove, and upload a file (up to 10 MB). */
export function EvidenceSection({ update, canChange, headingLevel = 4 }: { update: IndicatorUpdate; canChange: boolean; headingLevel?: 3 | 4 | 5 }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const upload = useUploadEvidence();
  const remove = useRemoveEvidence();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const inputId = `evidence-file-${update.id}`;
  const Heading = `h${headingLevel}` as 'h4';
  const send = () => {
    const file = fileRef.current?.files?.[0];
    setMessage(null);
    if (!file) {
      setError(t('plans.evidence.chooseFile'));
      return;
    }
    setError(null);
    runMutation(upload, 
      { updateId: update.id, file },
      {
        onSuccess: () => {
          setMessage(t('plans.evidence.uploaded', { name: file.name }));
          if (fileRef.current) fileRef.current.value = '';
        },
        onError: (problem) => setError(problemText(t, problem)),
      },
    );
  };
  return (
    <section aria-labelledby={`evidence-${update.id}`} className="mt-6">
      <Heading id={`evidence-${update.id}`} className="text-std-17B-170">
        {t('plans.evidence.title')}
      </Heading>
      {update.evidence.length === 0 ? <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('plans.evidence.none')}</p> : null}
      <ul className="mt-2 space-y-2">
        {update.evidence.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-3 text-std-16N-170">
            <Button size="sm" variant="text" onClick={() => void downloadEvidence(update.id, item.id, item.fileName)}>
              {item.fileName}
              <span className="sr-only">{t('plans.evidence.download')}</span>
            </Button>
            <span className="text-solid-gray-700">{t('plans.evidence.size', { kb: Math.max(1, Math.round(item.sizeBytes / 1024)), date: formatDateTime(item.uploadedAt, locale) })}</span>
            {canChange ? (
              <Button size="sm" variant="text" isBusy={remove.isPending} onClick={() => runMutation(remove, { updateId: update.id, itemId: item.id }, { onError: (problem) => setError(problemText(t, problem)) })}>
                {t('plans.evidence.remove')}
                <span className="sr-only">: {item.fileName}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canChange ? (
        <div className="mt-4 flex flex-wrap items-end gap-4">
          <div className="flex min-w-0 flex-col">
            <label htmlFor={inputId} className="text-std-17B-170">
              {t('plans.evidence.file')}
            </label>
            <p id={`${inputId}-support`} className="mb-2 text-std-16N-170 text-solid-gray-700">
              {t('plans.evidence.fileSupport')}
            </p>
            <input
              id={inputId}
              ref={fileRef}
              type="file"
              aria-describedby={`${inputId}-support${error ? ` ${inputId}-error` : ''}`}
              aria-invalid={error ? true : undefined}
              className="min-h-14 w-full max-w-md rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 focus:outline focus:outline-4 focus:outline-black focus:ring-2 focus:ring-yellow-300"
            />
          </div>
          <Button isBusy={upload.isPending} onClick={send}>
            {t('plans.evidence.upload')}
          </Button>
        </div>
      ) : null}
      {error ? <ErrorText id={`${inputId}-error`}>{error}</ErrorText> : null}
      {message ? (
        <p role="status" className="mt-2 text-std-16N-170">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/** Every update of a period, newest first: the value, who submitted and who decided, when, and the comment. */
export function UpdateHistory({ updates, indicator, periodLabel }: { updates: IndicatorUpdate[]; indicator: IndicatorDetail; periodLabel: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (updates.length === 0) return <p className="text-std-16N-170">{t('plans.history.none')}</p>;
  return (
    <DataTable caption={t('plans.history.caption', { period: periodLabel })}>
      <ColumnHeaders
        columns={[
          t('plans.history.created'),
          { label: t('plans.history.value'), end: true },
          t('plans.history.status'),
          t('plans.history.narrative'),
          t('plans.history.submitted'),
          t('plans.history.decided'),
          t('plans.history.comment'),
          t('plans.history.evidence'),
        ]}
      />
      <tbody>
        {updates.map((update) => (
          <tr key={update.id} className={bodyRowClass}>
            <th scope="row" className={`${thClass} min-w-44 font-normal`}>
              {formatDateTime(update.createdAt, locale)}
              {update.createdBy ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{update.createdBy.name}</span> : null}
            </th>
            <td className={`${tdClass} text-end tabular-nums whitespace-nowrap`}>{formatValue(update.value, indicator.decimals, indicator.unit, locale)}</td>
            <td className={`${tdClass} whitespace-nowrap`}>{updateStatusLabel(t, update.status)}</td>
            <td className={`${tdClass} min-w-48 whitespace-pre-wrap`}>{update.narrative || '—'}</td>
            <td className={`${tdClass} min-w-44`}>
              {update.submittedAt ? (
                <>
                  {update.submittedBy?.name ?? t('plans.history.someone')}
                  <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{formatDateTime(update.submittedAt, locale)}</span>
                </>
              ) : (
                t('plans.history.notYet')
              )}
            </td>
            <td className={`${tdClass} min-w-44`}>
              {update.reviewedAt ? (
                <>
                  {update.reviewedBy?.name ?? t('plans.history.someone')}
                  <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{formatDateTime(update.reviewedAt, locale)}</span>
                </>
              ) : (
                t('plans.history.notYet')
              )}
            </td>
            <td className={`${tdClass} min-w-40 whitespace-pre-wrap`}>{update.reviewComment || '—'}</td>
            <td className={tdClass}>
              {update.evidence.length === 0 ? (
                '—'
              ) : (
                <ul>
                  {update.evidence.map((item) => (
                    <li key={item.id}>
                      <Button size="sm" variant="text" onClick={() => void downloadEvidence(update.id, item.id, item.fileName)}>
                        {item.fileName}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

interface TargetFormValues {
  target: string;
  reason: string;
}

/** Revises a period's target with a reason; every earlier target is kept (and the original shown). */
export function TargetForm({ indicator, period, onDone }: { indicator: IndicatorDetail; period: IndicatorPeriod; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const revise = useReviseTarget();
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const form = useForm<TargetFormValues>({
    resolver: schemaResolver<TargetFormValues, unknown>(targetInput, { toInput: (values) => ({ version: period.version, target: toNumber(values.target, null), reason: values.reason }) }) as never,
    defaultValues: { target: period.target === null ? '' : String(period.target), reason: '' },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(() => {
    const values = form.getValues();
    feedback.reset();
    setConflict(false);
    runMutation(revise, 
      { periodId: period.id, version: period.version, target: toNumber(values.target, null) as number | null, reason: values.reason.trim() === '' ? null : values.reason },
      {
        onSuccess: () => {
          form.reset({ target: values.target, reason: '' });
          onDone(t('plans.target.revised', { period: period.label }));
        },
        onError: (error) => {
          if (isConflict(error)) setConflict(true);
          showServerError(feedback, error, form.setError, t, (path) => (path === 'target' ? 'target' : path === 'reason' ? 'reason' : null));
        },
      },
    );
  }, feedback.onInvalid);
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-4">
      <ErrorSummary items={summaryItems(errors, (name) => (name === 'reason' ? t('plans.target.reason') : t('plans.target.value')))} message={feedback.formError} focusKey={feedback.attempt} />
      {conflict ? <p className="text-std-16N-170">{t('plans.target.conflictHelp')}</p> : null}
      <div className="space-y-4">
        <FormField name="target" label={t('plans.target.valueWithUnit', { unit: indicator.unit || t('plans.report.noUnit') })} support={t('plans.target.valueSupport')} error={errors.target?.message}>
          {(control) => <TextInput {...control} {...form.register('target')} inputMode="decimal" />}
        </FormField>
        <FormField name="reason" label={t('plans.target.reason')} support={t('plans.target.reasonSupport')} error={errors.reason?.message}>
          {(control) => <TextArea {...control} {...form.register('reason')} rows={2} />}
        </FormField>
      </div>
      <Button type="submit" isBusy={revise.isPending}>
        {t('plans.target.submit')}
      </Button>
    </form>
  );
}

/** Locks a period (editors) or unlocks it (admins): a locked period takes no update or target change. */
export function LockControls({ period, canLock, canUnlock, onDone }: { period: IndicatorPeriod; canLock: boolean; canUnlock: boolean; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const setLock = useSetPeriodLock();
  const [error, setError] = useState<string | null>(null);
  const act = (locked: boolean) =>
    runMutation(setLock, 
      { periodId: period.id, locked, version: period.version },
      {
        onSuccess: () => onDone(locked ? t('plans.lock.locked', { period: period.label }) : t('plans.lock.unlocked', { period: period.label })),
        onError: (problem) => setError(problemText(t, problem)),
      },
    );
  return (
    <div>
      <p className="text-std-16N-170">{period.locked ? t('plans.lock.isLocked') : t('plans.lock.isOpen')}</p>
      <div className="mt-3 flex flex-wrap gap-4">
        {!period.locked && canLock ? (
          <Button isBusy={setLock.isPending} onClick={() => act(true)}>
            {t('plans.lock.lock')}
          </Button>
        ) : null}
        {period.locked && canUnlock ? (
          <Button isBusy={setLock.isPending} onClick={() => act(false)}>
            {t('plans.lock.unlock')}
          </Button>
        ) : null}
        {period.locked && !canUnlock ? <p className="text-std-16N-170 text-solid-gray-700">{t('plans.lock.askAdmin')}</p> : null}
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-dns-16N-130 text-error-2">
          {error}
        </p>
      ) : null}
    </div>
  );
}
