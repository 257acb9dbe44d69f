import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type CaseStatus, caseTypes, preferredChannels } from '../../../shared/domain/desk';
import { caseUpdateInput, isoDate } from '../../../shared/schemas/case';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { LoadError, Loading } from '../../components/Feedback';
import { Checkbox, FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { DetailList } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { StatusBadge } from '../../features/cases/CaseBadges';
import { FormDialog } from '../../components/FormDialog';
import { ThemeCheckboxes } from '../../features/cases/CaseFormParts';
import { ActivitiesSection, AttachmentsSection, FollowUpsSection, HistorySection, NextActionsSection, PainPointsSection, PeopleSection } from '../../features/cases/CaseSections';
import { type CaseDetail, caseKeys, caseQuery, useCase, useTransitionCase, useUpdateCase } from '../../features/cases/cases.api';
import { deskLabel, themeName } from '../../features/cases/desk-labels';
import { currentLocale } from '../../i18n';
import { formatLongDate, japanToday } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useFlash } from '../../lib/flash';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';

export function CaseDetailPage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/cases/$caseId' });
  const detail = useCase(caseId);
  const flash = useFlash();
  const title = detail.data ? `${detail.data.receiptNumber} ${detail.data.title}` : t('caseDetail.title');
  return (
    <>
      <TextLink to="/cases" className="mb-4 inline-block text-std-16N-170">
        {t('cases.backToList')}
      </TextLink>
      <PageHeading title={title}>
        {detail.data ? (
          <>
            <span className="block text-std-16N-170 text-solid-gray-700">
              {t('caseDetail.receiptNumber')} <span className="tabular-nums text-std-16B-170">{detail.data.receiptNumber}</span>
            </span>
            {detail.data.title}
          </>
        ) : (
          t('caseDetail.title')
        )}
      </PageHeading>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? <LoadError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? <CaseView detail={detail.data} /> : null}
    </>
  );
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <div className="-mt-4 mb-6 flex flex-wrap items-center gap-3 text-std-16N-170">
        <StatusBadge status={detail.status} />
        <span>{deskLabel(t, 'caseType', detail.caseType)}</span>
        <span aria-hidden="true">／</span>
        <TextLink to="/companies/$companyId" params={{ companyId: detail.company.id }}>
          {detail.company.name}
        </TextLink>
      </div>
      <StatusActions detail={detail} />

      <section aria-labelledby="overview-heading" className="mt-10">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
          <h2 id="overview-heading" className="text-std-24B-150">
            {t('caseDetail.overview')}
          </h2>
          {detail.abilities.update ? <EditCase detail={detail} /> : null}
        </div>
        <DetailList
          items={[
            { label: t('cases.fields.status'), value: <StatusBadge status={detail.status} /> },
            { label: t('cases.fields.caseType'), value: deskLabel(t, 'caseType', detail.caseType) },
            { label: t('cases.fields.company'), value: detail.company.name },
            ...(detail.abilities.viewContact
              ? [
                  {
                    label: t('cases.fields.contact'),
                    value: detail.contact ? (
                      <>
                        {detail.contact.name}
                        {detail.contact.role ? `（${detail.contact.role}）` : ''}
                        {detail.contact.email ? <span className="block break-all">{detail.contact.email}</span> : null}
                        {detail.contact.phone ? <span className="block tabular-nums">{detail.contact.phone}</span> : null}
                      </>
                    ) : (
                      t('common.notRecorded')
                    ),
                  },
                ]
              : []),
            { label: t('cases.fields.description'), value: <span className="whitespace-pre-wrap">{detail.description ?? t('common.notRecorded')}</span> },
            { label: t('cases.fields.preferredChannel'), value: detail.preferredChannel ? deskLabel(t, 'channel', detail.preferredChannel) : t('common.notRecorded') },
            { label: t('cases.fields.themes'), value: detail.themes.length > 0 ? detail.themes.map(themeName).join('、') : t('common.notRecorded') },
            { label: t('cases.fields.source'), value: deskLabel(t, 'source', detail.source) },
            { label: t('cases.fields.openedOn'), value: formatLongDate(detail.openedOn, locale) },
            ...(detail.closedOn ? [{ label: t('cases.fields.closedOn'), value: formatLongDate(detail.closedOn, locale) }] : []),
            ...(detail.outcomeSummary ? [{ label: t('cases.fields.outcomeSummary'), value: <span className="whitespace-pre-wrap">{detail.outcomeSummary}</span> }] : []),
            {
              label: t('cases.fields.consent'),
              value: (
                <>
                  <span className="block">{detail.consentTerms ? t('caseDetail.consentTermsYes') : t('caseDetail.consentTermsNo')}</span>
                  <span className="block">{detail.consentSharePartners ? t('caseDetail.consentShareYes') : t('caseDetail.consentShareNo')}</span>
                </>
              ),
            },
          ]}
        />
      </section>

      <PeopleSection detail={detail} />
      <PainPointsSection detail={detail} />
      <ActivitiesSection detail={detail} />
      <NextActionsSection detail={detail} />
      <FollowUpsSection detail={detail} />
      {detail.abilities.viewContact ? <AttachmentsSection detail={detail} /> : null}
      {detail.abilities.viewAudit ? <HistorySection caseId={detail.id} /> : null}
    </>
  );
}

/** The allowed moves as buttons; 完了 asks for the closing date and what the case achieved. */
export function StatusActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const transition = useTransitionCase(detail.id);
  const queryClient = useQueryClient();
  const [completing, setCompleting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (!detail.abilities.transition || detail.allowedTransitions.length === 0) return null;
  const move = (to: CaseStatus) => {
    setDone(null);
    transition.mutate(
      { version: detail.version, to },
      {
        onSuccess: () => setDone(t('caseDetail.moved', { status: deskLabel(t, 'caseStatus', to) })),
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries({ queryKey: caseKeys.detail(detail.id) });
        },
      },
    );
  };
  return (
    <section aria-labelledby="status-actions-heading" className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
      <h2 id="status-actions-heading" className="text-std-17B-170">
        {t('caseDetail.changeStatus', { status: deskLabel(t, 'caseStatus', detail.status) })}
      </h2>
      <div className="mt-3 flex flex-wrap gap-3">
        {detail.allowedTransitions.map((to) => (
          <Button key={to} variant={to === 'completed' || to === 'in_progress' ? 'solid-fill' : 'outline'} size="sm" isBusy={transition.isPending && transition.variables?.to === to} onClick={() => (to === 'completed' ? setCompleting(true) : move(to))}>
            {t('caseDetail.moveTo', { status: deskLabel(t, 'caseStatus', to) })}
          </Button>
        ))}
      </div>
      <div aria-live="polite">{done ? <p className="mt-3 text-std-16N-170">{done}</p> : null}</div>
      {transition.isError && !completing ? (
        <p role="alert" className="mt-3 text-dns-16N-130 text-error-2">
          ＊{errorMessage(t, transition.error)}
          {isApiError(transition.error) && transition.error.code === 'VERSION_CONFLICT' ? ` ${t('caseDetail.conflictReloaded')}` : ''}
        </p>
      ) : null}
      <CompleteDialog detail={detail} isOpen={completing} onOpenChange={setCompleting} onDone={() => setDone(t('caseDetail.moved', { status: deskLabel(t, 'caseStatus', 'completed') }))} />
    </section>
  );
}

const completeSchema = z.strictObject({ closedOn: isoDate, outcomeSummary: caseUpdateInput.shape.outcomeSummary });
type CompleteValues = { closedOn: string; outcomeSummary: string };

/** 完了: the closing date (today by default) and the outcome; the follow-ups (3/6/12 months) are scheduled by the server. */
export function CompleteDialog({ detail, isOpen, onOpenChange, onDone }: { detail: { id: string; version: number; receiptNumber: string }; isOpen: boolean; onOpenChange: (open: boolean) => void; onDone?: () => void }) {
  const { t } = useTranslation();
  const transition = useTransitionCase(detail.id);
  const feedback = useFormFeedback();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const form = useForm<CompleteValues, unknown, z.output<typeof completeSchema>>({
    resolver: schemaResolver(completeSchema),
    defaultValues: { closedOn: japanToday(), outcomeSummary: '' },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(
    (values) =>
      transition.mutate(
        { version: detail.version, to: 'completed', closedOn: values.closedOn, outcomeSummary: values.outcomeSummary },
        {
          onSuccess: () => {
            onOpenChange(false);
            onDone?.();
          },
          onError: (error) => {
            if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
              setConflict(true);
              void queryClient.invalidateQueries({ queryKey: caseKeys.detail(detail.id) });
              return;
            }
            feedback.onServerError(error, form.setError, t, (path) => (path === 'to' ? null : path));
          },
        },
      ),
    feedback.onInvalid,
  );
  const labels: Record<string, string> = { closedOn: t('cases.fields.closedOn'), outcomeSummary: t('cases.fields.outcomeSummary') };
  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (open) setConflict(false);
        onOpenChange(open);
      }}
      title={t('caseDetail.completeTitle', { number: detail.receiptNumber })}
      onSubmit={submit}
      isSaving={transition.isPending}
      submitLabel={t('caseDetail.completeSubmit')}
      summary={summaryItems(errors, (name) => labels[name] ?? name)}
      formError={feedback.formError}
      attempt={feedback.attempt}
      conflictTitle={t('caseDetail.conflictTitle')}
      conflict={conflict}
      onReload={() => setConflict(false)}
    >
      <p className="text-std-16N-170">{t('caseDetail.completeLead')}</p>
      <FormField name="closedOn" label={t('cases.fields.closedOn')} required support={t('caseDetail.closedOnSupport')} error={errors.closedOn?.message}>
        {(control) => <TextInput {...control} {...form.register('closedOn')} type="date" className="max-w-56" />}
      </FormField>
      <FormField name="outcomeSummary" label={t('cases.fields.outcomeSummary')} support={t('caseDetail.outcomeSupport')} error={errors.outcomeSummary?.message}>
        {(control) => <TextArea {...control} {...form.register('outcomeSummary')} rows={5} />}
      </FormField>
    </FormDialog>
  );
}

const editSchema = caseUpdateInput.pick({ caseType: true, title: true, description: true, preferredChannel: true, themeIds: true, consentSharePartners: true });
interface EditValues {
  caseType: string;
  title: string;
  description: string;
  preferredChannel: string;
  themeIds: string[];
  consentSharePartners: boolean;
}

function toEditForm(detail: CaseDetail): EditValues {
  return {
    caseType: detail.caseType,
    title: detail.title,
    description: detail.description ?? '',
    preferredChannel: detail.preferredChannel ?? '',
    themeIds: detail.themes.map((theme) => theme.id),
    consentSharePartners: detail.consentSharePartners,
  };
}

/** Edit the case's own fields; a concurrent save is detected (version) and offered for reload. */
function EditCase({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const update = useUpdateCase(detail.id);
  const feedback = useFormFeedback();
  const queryClient = useQueryClient();
  const [baseVersion, setBaseVersion] = useState(detail.version);
  const [conflict, setConflict] = useState(false);
  const form = useForm<EditValues, unknown, z.output<typeof editSchema>>({
    resolver: schemaResolver(editSchema, {
      toInput: (values: EditValues) => ({ ...values, preferredChannel: values.preferredChannel || null }),
      fieldOf: (path) => (path.startsWith('themeIds.') ? 'themeIds' : path),
    }),
    defaultValues: toEditForm(detail),
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const open = () => {
    form.reset(toEditForm(detail));
    setBaseVersion(detail.version);
    setConflict(false);
    feedback.reset();
    setOpen(true);
  };
  const submit = form.handleSubmit(
    (values) =>
      update.mutate(
        { ...values, version: baseVersion },
        {
          onSuccess: () => setOpen(false),
          onError: (error) => {
            if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
              setConflict(true);
              return;
            }
            feedback.onServerError(error, form.setError, t, (path) => (path.startsWith('themeIds.') ? 'themeIds' : path));
          },
        },
      ),
    feedback.onInvalid,
  );
  const reload = async () => {
    // Loads the latest saved version into the form; what was typed here is replaced (the notice says so).
    const fresh = await queryClient.fetchQuery({ ...caseQuery(detail.id), staleTime: 0 });
    form.reset(toEditForm(fresh));
    setBaseVersion(fresh.version);
    setConflict(false);
  };
  const labels: Record<string, string> = {
    caseType: t('cases.fields.caseType'),
    title: t('cases.fields.title'),
    description: t('cases.fields.description'),
    preferredChannel: t('cases.fields.preferredChannel'),
    themeIds: t('cases.fields.themes'),
    consentSharePartners: t('cases.form.consentSharePartners'),
  };
  return (
    <>
      <Button variant="solid-fill" size="sm" onClick={open}>
        {t('caseDetail.edit')}
      </Button>
      <FormDialog
        isOpen={isOpen}
        onOpenChange={setOpen}
        title={t('caseDetail.editTitle')}
        onSubmit={submit}
        isSaving={update.isPending}
        submitLabel={t('caseDetail.save')}
        summary={summaryItems(errors, (name) => labels[name] ?? name)}
        formError={feedback.formError}
        attempt={feedback.attempt}
        conflictTitle={t('caseDetail.conflictTitle')}
        conflict={conflict}
        onReload={() => void reload()}
      >
        <FieldGroup name="caseType" legend={t('cases.fields.caseType')} required error={errors.caseType?.message}>
          <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
            {caseTypes.map((type) => (
              <Radio key={type} value={type} {...form.register('caseType')}>
                {deskLabel(t, 'caseType', type)}
              </Radio>
            ))}
          </div>
        </FieldGroup>
        <FormField name="title" label={t('cases.fields.title')} required error={errors.title?.message}>
          {(control) => <TextInput {...control} {...form.register('title')} />}
        </FormField>
        <FormField name="description" label={t('cases.fields.description')} error={errors.description?.message}>
          {(control) => <TextArea {...control} {...form.register('description')} rows={5} />}
        </FormField>
        <FormField name="preferredChannel" label={t('cases.fields.preferredChannel')} error={errors.preferredChannel?.message}>
          {(control) => (
            <SelectInput {...control} {...form.register('preferredChannel')} className="max-w-md">
              <option value="">{t('common.notSelected')}</option>
              {preferredChannels.map((channel) => (
                <option key={channel} value={channel}>
                  {deskLabel(t, 'channel', channel)}
                </option>
              ))}
            </SelectInput>
          )}
        </FormField>
        <ThemeCheckboxes form={form} chosen={detail.themes.map((theme) => theme.id)} />
        <FieldGroup name="consentSharePartners" legend={t('cases.fields.consent')} required={false} error={errors.consentSharePartners?.message}>
          <Checkbox {...form.register('consentSharePartners')}>{t('cases.form.consentSharePartners')}</Checkbox>
        </FieldGroup>
      </FormDialog>
    </>
  );
}
