import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { type Resolver, type UseFormReturn, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseTypes, preferredChannels } from '../../../shared/domain/desk';
import { caseCreateInput } from '../../../shared/schemas/case';
import { companyContactInput, companyCreateInput, entityTypes } from '../../../shared/schemas/company';
import { isValidCorporateNumber } from '../../../shared/domain/corporate-number';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Checkbox, FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { type ActivityFormValues, type PainPointFormValues, type ParticipantFormValues, activityFieldOf, emptyActivity, toActivityInput, toPainPointInput } from '../../features/cases/case-form-values';
import { ActivityFields, PainPointRows, PeopleFields, ThemeCheckboxes } from '../../features/cases/CaseFormParts';
import { useCreateCase } from '../../features/cases/cases.api';
import { deskLabel } from '../../features/cases/desk-labels';
import { useQuery } from '@tanstack/react-query';
import { type DuplicateCheckBody, companyQuery, useCompanyList, useDuplicateCandidates } from '../../features/companies/companies.api';
import { placeOf } from '../../features/companies/company-labels';
import { JsicMajorOptions, MunicipalityOptions, PrefectureOptions } from '../../features/reference/ReferenceOptions';
import { useSession } from '../../features/session/session.api';
import { japanToday } from '../../lib/dates';
import { setFlash } from '../../lib/flash';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';

interface NewCompanyValues {
  name: string;
  nameKana: string;
  entityType: string;
  corporateNumber: string;
  prefectureCode: string;
  municipalityCode: string;
  jsicMajor: string;
  employees: string;
}

export interface IntakeValues {
  companyMode: 'existing' | 'new';
  companyId: string;
  newCompany: NewCompanyValues;
  contactMode: 'none' | 'existing' | 'new';
  contactId: string;
  newContact: { name: string; role: string; email: string; phone: string; isPrimary: boolean };
  caseType: string;
  title: string;
  description: string;
  preferredChannel: string;
  themeIds: string[];
  coordinatorId: string;
  participants: ParticipantFormValues[];
  painPoints: PainPointFormValues[];
  consentTerms: boolean;
  consentSharePartners: boolean;
  openedOn: string;
  withActivity: boolean;
  activity: ActivityFormValues;
}

type Output = z.output<typeof caseCreateInput>;

function integerOrText(text: string): number | string | null {
  const normalized = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (normalized === '') return null;
  return /^\d+$/.test(normalized) ? Number(normalized) : normalized;
}

function toCaseInput(values: IntakeValues) {
  const company =
    values.companyMode === 'new'
      ? {
          create: {
            name: values.newCompany.name,
            nameKana: values.newCompany.nameKana,
            entityType: values.newCompany.entityType || undefined,
            corporateNumber: values.newCompany.corporateNumber,
            prefectureCode: values.newCompany.prefectureCode || null,
            municipalityCode: values.newCompany.municipalityCode || null,
            jsicMajor: values.newCompany.jsicMajor || null,
            employees: integerOrText(values.newCompany.employees),
          },
        }
      : values.companyId
        ? { id: values.companyId }
        : undefined;
  const contact =
    values.contactMode === 'new'
      ? { create: { ...values.newContact } }
      : values.contactMode === 'existing'
        ? values.contactId
          ? { id: values.contactId }
          : undefined
        : null;
  return {
    company,
    contact,
    caseType: values.caseType || undefined,
    title: values.title,
    description: values.description,
    preferredChannel: values.preferredChannel || null,
    themeIds: values.themeIds,
    coordinatorId: values.coordinatorId || null,
    participants: values.participants.map((participant) => ({ ...participant })),
    painPoints: values.painPoints.map(toPainPointInput),
    consentTerms: values.consentTerms,
    consentSharePartners: values.consentSharePartners,
    openedOn: values.openedOn || undefined,
    firstActivity: values.withActivity ? toActivityInput(values.activity) : null,
  };
}

/** Where an API (or schema) problem is shown in this form. */
export function intakeFieldOf(path: string): string {
  if (path === 'company' || path === 'company.id') return 'companyId';
  if (path.startsWith('company.create.')) return `newCompany.${path.slice('company.create.'.length)}`;
  if (path === 'contact' || path === 'contact.id') return 'contactId';
  if (path.startsWith('contact.create.')) return `newContact.${path.slice('contact.create.'.length)}`;
  if (path.startsWith('firstActivity.')) return activityFieldOf(path.slice('firstActivity.'.length));
  if (path.startsWith('themeIds.')) return 'themeIds';
  return path;
}

// One schema per choice of company and contact, so every problem is reported at its field (a union would not say which).
const schemas = new Map<string, z.ZodType<Output>>();
function schemaFor(companyMode: IntakeValues['companyMode'], contactMode: IntakeValues['contactMode']): z.ZodType<Output> {
  const key = `${companyMode}/${contactMode}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = caseCreateInput.extend({
      company: companyMode === 'new' ? z.strictObject({ create: companyCreateInput }) : z.strictObject({ id: z.uuid() }),
      contact: contactMode === 'new' ? z.strictObject({ create: companyContactInput }) : contactMode === 'existing' ? z.strictObject({ id: z.uuid() }) : z.null(),
    }) as unknown as z.ZodType<Output>;
    schemas.set(key, schema);
  }
  return schema;
}

const resolver: Resolver<IntakeValues, unknown, Output> = (values, context, options) =>
  schemaResolver<IntakeValues, Output>(schemaFor(values.companyMode, values.contactMode), { toInput: toCaseInput, fieldOf: intakeFieldOf })(values, context, options);

type Form = UseFormReturn<IntakeValues, unknown, Output>;

/** The one-screen intake: company (find or add), contact, the case, its 「負」, people and the first activity, sent once. */
export function CaseNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCase();
  const feedback = useFormFeedback();
  const { data: session } = useSession();
  const defaultValues = useMemo<IntakeValues>(
    () => ({
      companyMode: 'existing',
      companyId: '',
      newCompany: { name: '', nameKana: '', entityType: '', corporateNumber: '', prefectureCode: '', municipalityCode: '', jsicMajor: '', employees: '' },
      contactMode: 'none',
      contactId: '',
      newContact: { name: '', role: '', email: '', phone: '', isPrimary: true },
      caseType: 'business',
      title: '',
      description: '',
      preferredChannel: '',
      themeIds: [],
      coordinatorId: session?.user?.id ?? '',
      participants: [],
      painPoints: [],
      consentTerms: false,
      consentSharePartners: false,
      openedOn: japanToday(),
      withActivity: false,
      activity: emptyActivity(session?.user?.id),
    }),
    [session?.user?.id],
  );
  const form = useForm<IntakeValues, unknown, Output>({ resolver, defaultValues, shouldFocusError: false });
  const { register, formState, control } = form;
  const { errors } = formState;
  const withActivity = useWatch({ control, name: 'withActivity' });

  const labelOf = useIntakeLabel();
  const submit = form.handleSubmit(
    (values) =>
      create.mutate(values as never, {
        onSuccess: (created) => {
          setFlash(t('cases.saved.created', { number: created.receiptNumber }));
          void navigate({ to: '/cases/$caseId', params: { caseId: created.id } });
        },
        onError: (error) => feedback.onServerError(error, form.setError, t, intakeFieldOf),
      }),
    feedback.onInvalid,
  );

  return (
    <>
      <TextLink to="/cases" className="mb-4 inline-block text-std-16N-170">
        {t('cases.backToList')}
      </TextLink>
      <PageHeading title={t('cases.new.title')} lead={t('cases.new.lead')}>
        {t('cases.new.title')}
      </PageHeading>
      <form noValidate onSubmit={submit} className="max-w-4xl">
        <ErrorSummary items={summaryItems(errors, labelOf)} message={feedback.formError} focusKey={feedback.attempt} />
        <p className="mb-8 text-std-16N-170 text-solid-gray-700">{t('cases.new.intro')}</p>

        <Section title={t('cases.new.sections.company')}>
          <CompanyChoice form={form} />
        </Section>

        <Section title={t('cases.new.sections.case')}>
          <FieldGroup name="caseType" legend={t('cases.fields.caseType')} required error={errors.caseType?.message}>
            <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
              {caseTypes.map((type) => (
                <Radio key={type} value={type} {...register('caseType')}>
                  {deskLabel(t, 'caseType', type)}
                </Radio>
              ))}
            </div>
          </FieldGroup>
          <FormField name="title" label={t('cases.fields.title')} required support={t('cases.form.titleSupport')} error={errors.title?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('title')} />}
          </FormField>
          <FormField name="description" label={t('cases.fields.description')} support={t('cases.form.descriptionSupport')} error={errors.description?.message}>
            {(fieldControl) => <TextArea {...fieldControl} {...register('description')} rows={5} />}
          </FormField>
          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <FormField name="preferredChannel" label={t('cases.fields.preferredChannel')} error={errors.preferredChannel?.message}>
              {(fieldControl) => (
                <SelectInput {...fieldControl} {...register('preferredChannel')}>
                  <option value="">{t('common.notSelected')}</option>
                  {preferredChannels.map((channel) => (
                    <option key={channel} value={channel}>
                      {deskLabel(t, 'channel', channel)}
                    </option>
                  ))}
                </SelectInput>
              )}
            </FormField>
            <FormField name="openedOn" label={t('cases.fields.openedOn')} support={t('cases.form.openedOnSupport')} error={errors.openedOn?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('openedOn')} type="date" className="max-w-56" />}
            </FormField>
          </div>
          <ThemeCheckboxes form={form} />
          <FieldGroup name="consent" legend={t('cases.form.consentLegend')} required={false}>
            <Checkbox {...register('consentTerms')}>{t('cases.form.consentTerms')}</Checkbox>
            <Checkbox {...register('consentSharePartners')}>{t('cases.form.consentSharePartners')}</Checkbox>
          </FieldGroup>
        </Section>

        <Section title={t('cases.new.sections.painPoints')}>
          <PainPointRows form={form} />
        </Section>

        <Section title={t('cases.new.sections.people')}>
          <PeopleFields form={form} />
        </Section>

        <Section title={t('cases.new.sections.activity')}>
          <FieldGroup name="withActivity" legend={t('cases.new.activityLegend')} required={false} support={t('cases.new.activitySupport')}>
            <Checkbox {...register('withActivity')}>{t('cases.new.withActivity')}</Checkbox>
          </FieldGroup>
          {withActivity ? <ActivityFields form={form} /> : null}
        </Section>

        <div className="mt-10 flex flex-wrap items-center gap-4 border-t border-solid-gray-420 pt-8">
          <Button type="submit" variant="solid-fill" size="lg" isBusy={create.isPending}>
            {t('cases.new.submit')}
          </Button>
          <TextLink to="/cases">{t('actions.cancel')}</TextLink>
        </div>
      </form>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-10">
      <h2 className="mb-6 border-b border-solid-gray-420 pb-2 text-std-24B-150 text-solid-gray-900">{title}</h2>
      <div className="space-y-6">{children}</div>
    </section>
  );
}

/** Labels for the error summary: 「「負」 2 — 業務」 for a field inside a row. */
function useIntakeLabel() {
  const { t } = useTranslation();
  return (name: string): string => {
    const parts = name.split('.');
    const [head, second, third] = parts;
    const labels: Record<string, string> = {
      companyId: t('cases.new.company'),
      contactId: t('cases.new.contact'),
      caseType: t('cases.fields.caseType'),
      title: t('cases.fields.title'),
      description: t('cases.fields.description'),
      preferredChannel: t('cases.fields.preferredChannel'),
      openedOn: t('cases.fields.openedOn'),
      themeIds: t('cases.fields.themes'),
      coordinatorId: t('cases.fields.coordinator'),
      participants: t('cases.fields.participants'),
      painPoints: t('painPoints.legend'),
      consentSharePartners: t('cases.form.consentSharePartners'),
    };
    if (head === 'newCompany' && second) return `${t('cases.new.newCompany')} — ${t(`company.${second}`)}`;
    if (head === 'newContact' && second) return `${t('cases.new.newContact')} — ${t(`contact.${second}`)}`;
    if (head === 'painPoints' && second !== undefined && third) {
      const fields: Record<string, string> = {
        process: t('painPoints.process'),
        sufferer: t('painPoints.sufferer'),
        hoursLostPerMonth: t('painPoints.hoursLost'),
        severity: t('painPoints.severity'),
        description: t('painPoints.description'),
      };
      return `${t('painPoints.rowN', { n: Number(second) + 1 })} — ${fields[third] ?? third}`;
    }
    if (head === 'participants' && second !== undefined) return t('cases.form.participantN', { n: Number(second) + 1 });
    if (head === 'activity' && second) {
      const fields: Record<string, string> = {
        date: t('activity.date'),
        time: t('activity.time'),
        channel: t('activity.channel'),
        minutes: t('activity.minutes'),
        preparationMinutes: t('activity.preparationMinutes'),
        travelMinutes: t('activity.travelMinutes'),
        staffIds: t('activity.staff'),
        expertIds: t('activity.experts'),
        notes: t('activity.notes'),
      };
      return `${t('cases.new.sections.activity')} — ${fields[second] ?? second}`;
    }
    return labels[head ?? ''] ?? name;
  };
}

/** Find the company in the register, or add a new one here; then the contact. */
function CompanyChoice({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { register, control, formState, setValue } = form;
  const { errors } = formState;
  const companyMode = useWatch({ control, name: 'companyMode' });
  const companyId = useWatch({ control, name: 'companyId' });
  const contactMode = useWatch({ control, name: 'contactMode' });
  const prefectureCode = useWatch({ control, name: 'newCompany.prefectureCode' });
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const results = useCompanyList({ ...(submitted ? { q: submitted } : {}), limit: 10, status: 'active' });
  const chosen = useQuery({ ...companyQuery(companyId), enabled: Boolean(companyId) });
  const contacts = companyMode === 'existing' && companyId ? (chosen.data?.contacts ?? []) : [];
  const prefectureField = register('newCompany.prefectureCode');
  const find = () => {
    setSubmitted(query.trim());
  };

  return (
    <>
      <FieldGroup name="companyMode" legend={t('cases.new.companyMode')} required>
        <div className="flex flex-wrap gap-x-6">
          <Radio value="existing" {...register('companyMode')}>
            {t('cases.new.companyExisting')}
          </Radio>
          <Radio value="new" {...register('companyMode')}>
            {t('cases.new.companyNew')}
          </Radio>
        </div>
      </FieldGroup>

      {companyMode === 'existing' ? (
        <div className="space-y-4 rounded-12 border border-solid-gray-420 p-4 sm:p-6">
          <div className="flex flex-wrap items-end gap-4">
            <FormField name="companySearch" label={t('cases.new.companySearch')} support={t('cases.new.companySearchSupport')} className="min-w-64 flex-1">
              {(fieldControl) => (
                <TextInput
                  {...fieldControl}
                  type="search"
                  value={query}
                  onChange={(event) => setQuery(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      find();
                    }
                  }}
                />
              )}
            </FormField>
            <Button onClick={find}>{t('cases.new.companyFind')}</Button>
          </div>
          <FieldGroup name="companyId" legend={t('cases.new.company')} required error={errors.companyId?.message}>
            <div aria-live="polite">
              {results.data ? <p className="mb-2 text-std-16N-170 text-solid-gray-700">{t('cases.new.companyResults', { count: results.data.total })}</p> : null}
            </div>
            {chosen.data && !results.data?.items.some((item) => item.id === chosen.data.id) ? (
              <Radio value={chosen.data.id} {...register('companyId')}>
                {chosen.data.name}
              </Radio>
            ) : null}
            {results.data?.items.map((company) => (
              <Radio key={company.id} value={company.id} {...register('companyId')} aria-invalid={errors.companyId ? true : undefined}>
                <span className="text-std-16B-170">{company.name}</span>
                {placeOf(company) ? <span className="text-solid-gray-700">（{placeOf(company)}）</span> : null}
              </Radio>
            ))}
          </FieldGroup>
        </div>
      ) : (
        <NewCompanyFields form={form} prefectureCode={prefectureCode} prefectureField={prefectureField} onPrefecture={() => setValue('newCompany.municipalityCode', '')} />
      )}

      <FieldGroup name="contactMode" legend={t('cases.new.contact')} required={false} support={t('cases.new.contactSupport')}>
        <div className="flex flex-wrap gap-x-6">
          <Radio value="none" {...register('contactMode')}>
            {t('cases.new.contactNone')}
          </Radio>
          {companyMode === 'existing' ? (
            <Radio value="existing" {...register('contactMode')}>
              {t('cases.new.contactExisting')}
            </Radio>
          ) : null}
          <Radio value="new" {...register('contactMode')}>
            {t('cases.new.contactNew')}
          </Radio>
        </div>
      </FieldGroup>
      {contactMode === 'existing' && companyMode === 'existing' ? (
        <FormField name="contactId" label={t('cases.new.contactPick')} required error={errors.contactId?.message} support={companyId ? undefined : t('cases.new.chooseCompanyFirst')}>
          {(fieldControl) => (
            <SelectInput {...fieldControl} {...register('contactId')} className="max-w-md">
              <option value="">{t('common.notSelected')}</option>
              {contacts.map((contact) => (
                <option key={contact.id} value={contact.id}>
                  {contact.name}
                  {contact.role ? `（${contact.role}）` : ''}
                </option>
              ))}
            </SelectInput>
          )}
        </FormField>
      ) : null}
      {contactMode === 'new' ? (
        <fieldset className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
          <legend className="px-2 text-std-17B-170">{t('cases.new.newContact')}</legend>
          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <FormField name="newContact.name" label={t('contact.name')} required error={errors.newContact?.name?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('newContact.name')} />}
            </FormField>
            <FormField name="newContact.role" label={t('contact.role')} support={t('companyForm.contactRoleSupport')} error={errors.newContact?.role?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('newContact.role')} />}
            </FormField>
            <FormField name="newContact.email" label={t('contact.email')} error={errors.newContact?.email?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('newContact.email')} type="email" inputMode="email" />}
            </FormField>
            <FormField name="newContact.phone" label={t('contact.phone')} support={t('companyForm.phoneSupport')} error={errors.newContact?.phone?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('newContact.phone')} type="tel" inputMode="tel" />}
            </FormField>
          </div>
          <Checkbox {...register('newContact.isPrimary')} className="mt-4">
            {t('contact.isPrimary')}
          </Checkbox>
        </fieldset>
      ) : null}
    </>
  );
}

/** The register's main fields for a company met for the first time (the rest can be filled in on the register). */
function NewCompanyFields({
  form,
  prefectureCode,
  prefectureField,
  onPrefecture,
}: {
  form: Form;
  prefectureCode: string;
  prefectureField: ReturnType<Form['register']>;
  onPrefecture: () => void;
}) {
  const { t } = useTranslation();
  const { register, formState } = form;
  const errors = formState.errors.newCompany;
  return (
    <fieldset className="space-y-6 rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <legend className="px-2 text-std-17B-170">{t('cases.new.newCompany')}</legend>
      <p className="text-std-16N-170 text-solid-gray-700">{t('cases.new.newCompanySupport')}</p>
      <FormField name="newCompany.name" label={t('company.name')} required support={t('companyForm.nameSupport')} error={errors?.name?.message}>
        {(fieldControl) => <TextInput {...fieldControl} {...register('newCompany.name')} autoComplete="organization" />}
      </FormField>
      <FormField name="newCompany.nameKana" label={t('company.nameKana')} support={t('companyForm.nameKanaSupport')} error={errors?.nameKana?.message}>
        {(fieldControl) => <TextInput {...fieldControl} {...register('newCompany.nameKana')} />}
      </FormField>
      <FieldGroup name="newCompany.entityType" legend={t('company.entityType')} required error={errors?.entityType?.message}>
        <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
          {entityTypes.map((type) => (
            <Radio key={type} value={type} {...register('newCompany.entityType')} aria-invalid={errors?.entityType ? true : undefined}>
              {t(`enums.entityType.${type}`)}
            </Radio>
          ))}
        </div>
      </FieldGroup>
      <FormField name="newCompany.corporateNumber" label={t('company.corporateNumber')} support={t('companyForm.corporateNumberSupport')} error={errors?.corporateNumber?.message}>
        {(fieldControl) => <TextInput {...fieldControl} {...register('newCompany.corporateNumber')} inputMode="numeric" autoComplete="off" className="max-w-md" />}
      </FormField>
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <FormField name="newCompany.prefectureCode" label={t('company.prefecture')} error={errors?.prefectureCode?.message}>
          {(fieldControl) => (
            <SelectInput
              {...fieldControl}
              {...prefectureField}
              onChange={(event) => {
                void prefectureField.onChange(event);
                onPrefecture();
              }}
            >
              <option value="">{t('common.notSelected')}</option>
              <PrefectureOptions />
            </SelectInput>
          )}
        </FormField>
        <FormField name="newCompany.municipalityCode" label={t('company.municipality')} error={errors?.municipalityCode?.message}>
          {(fieldControl) => (
            <SelectInput {...fieldControl} {...register('newCompany.municipalityCode')} disabled={!prefectureCode}>
              <option value="">{prefectureCode ? t('common.notSelected') : t('companies.search.choosePrefectureFirst')}</option>
              <MunicipalityOptions prefectureCode={prefectureCode} />
            </SelectInput>
          )}
        </FormField>
      </div>
      <DuplicateWarning form={form} />
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <FormField name="newCompany.jsicMajor" label={t('company.jsicMajor')} error={errors?.jsicMajor?.message}>
          {(fieldControl) => (
            <SelectInput {...fieldControl} {...register('newCompany.jsicMajor')}>
              <option value="">{t('common.notSelected')}</option>
              <JsicMajorOptions />
            </SelectInput>
          )}
        </FormField>
        <FormField name="newCompany.employees" label={t('company.employees')} support={t('companyForm.employeesSupport')} error={errors?.employees?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('newCompany.employees')} inputMode="numeric" className="max-w-40" />}
        </FormField>
      </div>
    </fieldset>
  );
}

/** Likely duplicates in the register of the company being typed (a warning: the desk decides). */
function DuplicateWarning({ form }: { form: Form }) {
  const { t } = useTranslation();
  const [name, municipalityCode, corporateNumber] = useWatch({ control: form.control, name: ['newCompany.name', 'newCompany.municipalityCode', 'newCompany.corporateNumber'] });
  const [body, setBody] = useState<DuplicateCheckBody | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const trimmedName = name.normalize('NFKC').trim();
      const digits = corporateNumber.normalize('NFKC').replace(/[\s-‐‑‒–—―−ー]/g, '');
      const next: DuplicateCheckBody = {
        ...(trimmedName.length >= 2 ? { name: trimmedName } : {}),
        ...(/^\d{6}$/.test(municipalityCode) ? { municipalityCode } : {}),
        ...(/^\d{13}$/.test(digits) && isValidCorporateNumber(digits) ? { corporateNumber: digits } : {}),
      };
      setBody(next.name || next.corporateNumber ? next : null);
    }, 500);
    return () => clearTimeout(timer);
  }, [name, municipalityCode, corporateNumber]);
  const candidates = useDuplicateCandidates(body).data?.candidates ?? [];
  return (
    <div aria-live="polite">
      {body && candidates.length > 0 ? (
        <Notice tone="warning" title={t('companyForm.duplicateTitle', { count: candidates.length })}>
          <p>{t('cases.new.duplicateBody')}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {candidates.map((candidate) => (
              <li key={candidate.id}>
                <span className="text-std-16B-170">{candidate.name}</span>
                {placeOf(candidate) ? `（${placeOf(candidate)}）` : ''} — {t(`companyForm.duplicateReason.${candidate.reason}`)}{' '}
                <Button
                  variant="text"
                  size="sm"
                  onClick={() => {
                    form.setValue('companyMode', 'existing');
                    form.setValue('companyId', candidate.id);
                  }}
                >
                  {t('cases.new.useExisting', { name: candidate.name })}
                </Button>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </div>
  );
}
