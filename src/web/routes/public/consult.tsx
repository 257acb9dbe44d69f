import { useParams } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { entityTypes } from '../../../shared/schemas/company';
import { preferredChannels } from '../../../shared/domain/desk';
import { publicIntakeInput } from '../../../shared/schemas/desk';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadError, Loading } from '../../components/Feedback';
import { Checkbox, FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { DetailList } from '../../components/Table';
import { deskLabel, themeName } from '../../features/cases/desk-labels';
import { type PublicDesk, usePublicDesk, useSubmitConsultation } from '../../features/desk/desk.api';
import { JsicMajorOptions, MunicipalityOptions, PrefectureOptions } from '../../features/reference/ReferenceOptions';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';

type Output = z.output<typeof publicIntakeInput>;

interface IntakeValues {
  entityType: string;
  companyName: string;
  corporateNumber: string;
  prefectureCode: string;
  municipalityCode: string;
  jsicMajor: string;
  employees: string;
  contactName: string;
  contactRole: string;
  email: string;
  phone: string;
  themeIds: string[];
  troubles: string;
  preferredChannel: string;
  consentTerms: boolean;
  consentSharePartners: boolean;
  website: string;
}

const emptyValues: IntakeValues = {
  entityType: '',
  companyName: '',
  corporateNumber: '',
  prefectureCode: '',
  municipalityCode: '',
  jsicMajor: '',
  employees: '',
  contactName: '',
  contactRole: '',
  email: '',
  phone: '',
  themeIds: [],
  troubles: '',
  preferredChannel: '',
  consentTerms: false,
  consentSharePartners: false,
  website: '',
};

function toIntakeInput(values: IntakeValues, formToken = 'pending') {
  const employees = values.employees.normalize('NFKC').replace(/[,\s]/g, '');
  return {
    formToken,
    website: values.website,
    entityType: values.entityType || undefined,
    companyName: values.companyName,
    corporateNumber: values.corporateNumber || undefined,
    municipalityCode: values.municipalityCode || undefined,
    jsicMajor: values.jsicMajor || undefined,
    employees: employees === '' ? undefined : /^\d+$/.test(employees) ? Number(employees) : employees,
    contactName: values.contactName,
    contactRole: values.contactRole,
    email: values.email,
    phone: values.phone,
    themeIds: values.themeIds,
    troubles: values.troubles,
    preferredChannel: values.preferredChannel || undefined,
    consentTerms: values.consentTerms,
    consentSharePartners: values.consentSharePartners,
  };
}

const resolver = schemaResolver<IntakeValues, Output>(publicIntakeInput, {
  toInput: (values) => toIntakeInput(values),
  fieldOf: (path) => (path.startsWith('themeIds.') ? 'themeIds' : path),
});

type Step = 'input' | 'confirm' | 'done';

/**
 * The public consultation form of a desk (no sign-in): input → confirmation → receipt. It works on a
 * phone and with the keyboard only; what was typed is kept whatever the server answers.
 */
export function ConsultPage() {
  const { t } = useTranslation();
  const { slug } = useParams({ from: '/public-form/consult/$slug' });
  const desk = usePublicDesk(slug);
  const closed = isApiError(desk.error) && (desk.error.code === 'INTAKE_CLOSED' || desk.error.code === 'NOT_FOUND');
  return (
    <>
      {desk.isPending ? <Loading /> : null}
      {closed ? (
        <>
          <PageHeading title={t('intake.closedTitle')}>{t('intake.closedTitle')}</PageHeading>
          <Notice tone="info">
            <p>{errorMessage(t, desk.error)}</p>
          </Notice>
        </>
      ) : null}
      {desk.isError && !closed ? <LoadError error={desk.error} onRetry={() => void desk.refetch()} /> : null}
      {desk.data ? <IntakeForm desk={desk.data} slug={slug} onReloadToken={async () => (await desk.refetch()).data?.formToken ?? null} /> : null}
    </>
  );
}

function Steps({ step }: { step: Step }) {
  const { t } = useTranslation();
  const steps: { id: Step; label: string }[] = [
    { id: 'input', label: t('intake.steps.input') },
    { id: 'confirm', label: t('intake.steps.confirm') },
    { id: 'done', label: t('intake.steps.done') },
  ];
  const currentIndex = steps.findIndex((item) => item.id === step);
  return (
    <nav aria-label={t('intake.steps.label')} className="mb-6">
      <ol className="grid grid-cols-3 gap-2">
        {steps.map((item, index) => {
          const isCurrent = item.id === step;
          return (
            <li
              key={item.id}
              aria-current={isCurrent ? 'step' : undefined}
              className={`rounded-8 border-2 px-2 py-2 text-center text-dns-14N-130 ${isCurrent ? 'border-blue-900 bg-blue-50 font-bold text-blue-1000' : 'border-solid-gray-420 text-solid-gray-700'}`}
            >
              <span className="block text-dns-14B-130">{t('intake.steps.number', { n: index + 1 })}</span>
              {item.label}
              {index < currentIndex ? <span className="sr-only">{t('intake.steps.completed')}</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function IntakeForm({ desk, slug, onReloadToken }: { desk: PublicDesk; slug: string; onReloadToken: () => Promise<string | null> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [step, setStep] = useState<Step>('input');
  const [token, setToken] = useState(desk.formToken);
  const submit = useSubmitConsultation(slug);
  const feedback = useFormFeedback();
  const form = useForm<IntakeValues, unknown, Output>({ resolver, defaultValues: emptyValues, shouldFocusError: false });
  const { register, formState, control, getValues, setValue } = form;
  const { errors } = formState;
  const prefectureCode = useWatch({ control, name: 'prefectureCode' });
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    document.querySelector<HTMLElement>('[data-route-heading]')?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);

  const labelOf = (name: string): string => {
    const labels: Record<string, string> = {
      entityType: t('intake.fields.entityType'),
      companyName: t('intake.fields.companyName'),
      corporateNumber: t('intake.fields.corporateNumber'),
      municipalityCode: t('intake.fields.municipality'),
      jsicMajor: t('intake.fields.jsicMajor'),
      employees: t('intake.fields.employees'),
      contactName: t('intake.fields.contactName'),
      contactRole: t('intake.fields.contactRole'),
      email: t('intake.fields.email'),
      phone: t('intake.fields.phone'),
      themeIds: t('intake.fields.themes'),
      troubles: t('intake.fields.troubles'),
      preferredChannel: t('intake.fields.preferredChannel'),
      consentTerms: t('intake.fields.consentTerms'),
      consentSharePartners: t('intake.fields.consentSharePartners'),
    };
    return labels[name] ?? name;
  };

  const toConfirm = form.handleSubmit(() => {
    feedback.reset();
    setStep('confirm');
  }, feedback.onInvalid);

  const send = async () => {
    setNotice(null);
    const values = getValues();
    submit.mutate(publicIntakeInput.parse(toIntakeInput(values, token)) as never, {
      onSuccess: () => setStep('done'),
      onError: async (error) => {
        if (isApiError(error) && error.code === 'FORM_EXPIRED') {
          const fresh = await onReloadToken();
          if (fresh) setToken(fresh);
          setNotice(errorMessage(t, error));
          return;
        }
        if (isApiError(error) && error.fields.length > 0) {
          setStep('input');
          feedback.onServerError(error, form.setError, t, (path) => (path.startsWith('themeIds.') ? 'themeIds' : path));
          return;
        }
        setNotice(errorMessage(t, error));
      },
    });
  };

  const values = getValues();
  const chosenThemes = desk.themes.filter((theme) => values.themeIds.includes(theme.id));

  if (step === 'done' && submit.data) {
    const receipt = submit.data;
    return (
      <>
        <Steps step="done" />
        <PageHeading title={t('intake.done.title')}>{t('intake.done.title')}</PageHeading>
        <div className="rounded-12 border-2 border-success-2 bg-green-50 p-4 sm:p-6" role="status">
          <p className="text-std-16N-170">{t('intake.done.receiptLabel')}</p>
          <p className="text-std-32B-150 tracking-wider text-solid-gray-900">{receipt.receiptNumber}</p>
          <p className="mt-2 text-std-16N-170">{t('intake.done.receivedAt', { date: formatDateTime(receipt.receivedAt, locale) })}</p>
        </div>
        <p className="mt-6 text-std-16N-170">{t('intake.done.keepNumber')}</p>
        <h2 className="mt-8 text-std-20B-150">{t('intake.done.nextTitle')}</h2>
        <ol className="mt-3 list-decimal space-y-2 pl-6 text-std-16N-170">
          <li>{t('intake.done.next1', { email: receipt.email })}</li>
          <li>{t('intake.done.next2', { desk: desk.name })}</li>
          <li>{t('intake.done.next3')}</li>
        </ol>
      </>
    );
  }

  if (step === 'confirm') {
    return (
      <>
        <Steps step="confirm" />
        <PageHeading title={t('intake.confirm.title')} lead={t('intake.confirm.lead')}>
          {t('intake.confirm.title')}
        </PageHeading>
        {notice ? (
          <Notice tone="error" title={t('intake.confirm.notSent')} live="assertive" className="mb-6">
            <p>{notice}</p>
          </Notice>
        ) : null}
        <DetailList
          items={[
            { label: t('intake.fields.entityType'), value: values.entityType ? t(`enums.entityType.${values.entityType}`) : '' },
            { label: t('intake.fields.companyName'), value: values.companyName },
            { label: t('intake.fields.corporateNumber'), value: values.corporateNumber || t('intake.confirm.none') },
            { label: t('intake.fields.contactName'), value: [values.contactName, values.contactRole].filter(Boolean).join(' / ') },
            { label: t('intake.fields.email'), value: <span className="break-all">{values.email}</span> },
            { label: t('intake.fields.phone'), value: values.phone || t('intake.confirm.none') },
            { label: t('intake.fields.themes'), value: chosenThemes.length > 0 ? chosenThemes.map(themeName).join('、') : t('intake.confirm.none') },
            { label: t('intake.fields.troubles'), value: <span className="whitespace-pre-wrap">{values.troubles}</span> },
            { label: t('intake.fields.preferredChannel'), value: values.preferredChannel ? deskLabel(t, 'channel', values.preferredChannel) : '' },
            { label: t('intake.fields.consentTerms'), value: values.consentTerms ? t('intake.confirm.agreed') : '' },
            { label: t('intake.fields.consentSharePartners'), value: values.consentSharePartners ? t('intake.confirm.agreed') : t('intake.confirm.notAgreed') },
          ]}
        />
        <div className="mt-8 flex flex-col gap-4 sm:flex-row-reverse sm:justify-end">
          <Button variant="solid-fill" size="lg" isBusy={submit.isPending} onClick={() => void send()}>
            {t('intake.confirm.send')}
          </Button>
          <Button variant="outline" size="lg" onClick={() => setStep('input')}>
            {t('intake.confirm.back')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <Steps step="input" />
      <PageHeading title={t('intake.title', { desk: desk.name })} lead={t('intake.lead')}>
        <span className="block text-std-16N-170 text-solid-gray-700">{desk.name}</span>
        {t('intake.heading')}
      </PageHeading>
      <form noValidate onSubmit={toConfirm}>
        <ErrorSummary items={summaryItems(errors, labelOf)} message={feedback.formError} focusKey={feedback.attempt} />
        <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('intake.intro')}</p>
        {/* A field people never see or reach; automated senders fill it in and are ignored. */}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="intake-website">{t('intake.honeypot')}</label>
          <input id="intake-website" type="text" tabIndex={-1} autoComplete="off" {...register('website')} />
        </div>

        <Section title={t('intake.sections.requester')}>
          <FieldGroup name="entityType" legend={t('intake.fields.entityType')} required error={errors.entityType?.message}>
            <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
              {entityTypes.map((type) => (
                <Radio key={type} value={type} {...register('entityType')} aria-invalid={errors.entityType ? true : undefined}>
                  {t(`enums.entityType.${type}`)}
                </Radio>
              ))}
            </div>
          </FieldGroup>
          <FormField name="companyName" label={t('intake.fields.companyName')} required support={t('intake.support.companyName')} error={errors.companyName?.message}>
            {(control) => <TextInput {...control} {...register('companyName')} autoComplete="organization" />}
          </FormField>
          <FormField name="corporateNumber" label={t('intake.fields.corporateNumber')} support={t('intake.support.corporateNumber')} error={errors.corporateNumber?.message}>
            {(control) => <TextInput {...control} {...register('corporateNumber')} inputMode="numeric" autoComplete="off" className="max-w-md" />}
          </FormField>
          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <FormField name="prefectureCode" label={t('intake.fields.prefecture')}>
              {(control) => {
                const field = register('prefectureCode');
                return (
                  <SelectInput
                    {...control}
                    {...field}
                    onChange={(event) => {
                      void field.onChange(event);
                      setValue('municipalityCode', '');
                    }}
                  >
                    <option value="">{t('common.notSelected')}</option>
                    <PrefectureOptions />
                  </SelectInput>
                );
              }}
            </FormField>
            <FormField name="municipalityCode" label={t('intake.fields.municipality')} error={errors.municipalityCode?.message}>
              {(control) => (
                <SelectInput {...control} {...register('municipalityCode')} disabled={!prefectureCode}>
                  <option value="">{prefectureCode ? t('common.notSelected') : t('companies.search.choosePrefectureFirst')}</option>
                  <MunicipalityOptions prefectureCode={prefectureCode} />
                </SelectInput>
              )}
            </FormField>
          </div>
          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <FormField name="jsicMajor" label={t('intake.fields.jsicMajor')} error={errors.jsicMajor?.message}>
              {(control) => (
                <SelectInput {...control} {...register('jsicMajor')}>
                  <option value="">{t('common.notSelected')}</option>
                  <JsicMajorOptions />
                </SelectInput>
              )}
            </FormField>
            <FormField name="employees" label={t('intake.fields.employees')} support={t('intake.support.employees')} error={errors.employees?.message}>
              {(control) => <TextInput {...control} {...register('employees')} inputMode="numeric" className="max-w-40" />}
            </FormField>
          </div>
        </Section>

        <Section title={t('intake.sections.contact')}>
          <FormField name="contactName" label={t('intake.fields.contactName')} required error={errors.contactName?.message}>
            {(control) => <TextInput {...control} {...register('contactName')} autoComplete="name" />}
          </FormField>
          <FormField name="contactRole" label={t('intake.fields.contactRole')} support={t('intake.support.contactRole')} error={errors.contactRole?.message}>
            {(control) => <TextInput {...control} {...register('contactRole')} autoComplete="organization-title" />}
          </FormField>
          <FormField name="email" label={t('intake.fields.email')} required support={t('intake.support.email')} error={errors.email?.message}>
            {(control) => <TextInput {...control} {...register('email')} type="email" inputMode="email" autoComplete="email" />}
          </FormField>
          <FormField name="phone" label={t('intake.fields.phone')} support={t('intake.support.phone')} error={errors.phone?.message}>
            {(control) => <TextInput {...control} {...register('phone')} type="tel" inputMode="tel" autoComplete="tel" className="max-w-md" />}
          </FormField>
        </Section>

        <Section title={t('intake.sections.consultation')}>
          {desk.themes.length > 0 ? (
            <FieldGroup name="themeIds" legend={t('intake.fields.themes')} required={false} support={t('intake.support.themes')} error={errors.themeIds?.message}>
              <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
                {desk.themes.map((theme) => (
                  <Checkbox key={theme.id} value={theme.id} {...register('themeIds')}>
                    {themeName(theme)}
                  </Checkbox>
                ))}
              </div>
            </FieldGroup>
          ) : null}
          <FormField name="troubles" label={t('intake.fields.troubles')} required support={t('intake.support.troubles')} error={errors.troubles?.message}>
            {(control) => <TextArea {...control} {...register('troubles')} rows={6} />}
          </FormField>
          <FieldGroup name="preferredChannel" legend={t('intake.fields.preferredChannel')} required error={errors.preferredChannel?.message}>
            <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
              {preferredChannels.map((channel) => (
                <Radio key={channel} value={channel} {...register('preferredChannel')} aria-invalid={errors.preferredChannel ? true : undefined}>
                  {deskLabel(t, 'channel', channel)}
                </Radio>
              ))}
            </div>
          </FieldGroup>
        </Section>

        <Section title={t('intake.sections.consent')}>
          <div role="region" aria-labelledby="terms-title" tabIndex={0} className="max-h-72 overflow-y-auto rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
            <h3 id="terms-title" className="text-std-17B-170">
              {t('intake.termsTitle')}
            </h3>
            <p className="mt-2 whitespace-pre-wrap text-std-16N-170">{desk.termsText || t('intake.noTerms')}</p>
          </div>
          <FieldGroup name="consentTerms" legend={t('intake.fields.consentTerms')} required error={errors.consentTerms?.message}>
            <Checkbox {...register('consentTerms')} aria-invalid={errors.consentTerms ? true : undefined}>
              {t('intake.consentTermsLabel')}
            </Checkbox>
          </FieldGroup>
          <FieldGroup name="consentSharePartners" legend={t('intake.fields.consentSharePartners')} required={false} support={t('intake.support.consentSharePartners')}>
            <Checkbox {...register('consentSharePartners')}>{t('intake.consentSharePartnersLabel')}</Checkbox>
          </FieldGroup>
        </Section>

        <div className="mt-8 border-t border-solid-gray-420 pt-6">
          <Button type="submit" variant="solid-fill" size="lg" className="w-full sm:w-auto">
            {t('intake.toConfirm')}
          </Button>
        </div>
      </form>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-10">
      <h2 className="mb-6 border-b border-solid-gray-420 pb-2 text-std-20B-150 text-solid-gray-900">{title}</h2>
      <div className="space-y-6">{children}</div>
    </section>
  );
}
