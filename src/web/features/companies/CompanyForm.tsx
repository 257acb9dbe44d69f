import { type ReactNode, useEffect, useState } from 'react';
import { type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { assessCompanySize } from '../../../shared/domain/company-size';
import { isValidCorporateNumber } from '../../../shared/domain/corporate-number';
import { entityTypes, entityTypesRequiringCorporateNumber } from '../../../shared/schemas/company';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Checkbox, FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { TextLink } from '../../components/TextLink';
import { summaryItems } from '../../lib/use-form-feedback';
import { useJsic, usePrefectures } from '../reference/reference.api';
import { JsicMajorOptions, JsicMiddleOptions, MunicipalityOptions, PrefectureOptions } from '../reference/ReferenceOptions';
import { type DuplicateCheckBody, useDuplicateCandidates } from './companies.api';
import { placeOf } from './company-labels';
import { type CompanyFormValues, emptyContact, emptyExternalId } from './company-form-values';
import type { CompanyOutput } from './company-form-schema';

type Form = UseFormReturn<CompanyFormValues, unknown, CompanyOutput>;

/**
 * The company register form, shared by 「新規登録」 and 「編集」. It validates with the server's
 * schema (see company-form-schema.ts), shows each problem next to its field and in a summary at the
 * top, and warns about likely duplicates while typing (a warning only: the desk decides).
 */
export function CompanyForm({
  form,
  onSubmit,
  isSaving,
  submitLabel,
  formError,
  attempt,
  excludeId,
  cancel,
  banner,
}: {
  form: Form;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  isSaving: boolean;
  submitLabel: string;
  formError?: string;
  attempt: number;
  excludeId?: string;
  cancel: ReactNode;
  banner?: ReactNode;
}) {
  const { t } = useTranslation();
  const { register, control, formState } = form;
  const { errors } = formState;
  const entityType = useWatch({ control, name: 'entityType' });
  const corporateNumberRequired = entityType !== '' && entityTypesRequiringCorporateNumber.includes(entityType);
  const labelOf = useFieldLabel();

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-4xl">
      {banner}
      <ErrorSummary items={summaryItems(errors, labelOf)} message={formError} focusKey={attempt} />
      <p className="mb-8 text-std-16N-170 text-solid-gray-700">{t('companyForm.intro')}</p>

      <Section title={t('companyForm.sections.basic')}>
        <FormField name="name" label={t('company.name')} required support={t('companyForm.nameSupport')} error={errors.name?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('name')} autoComplete="organization" />}
        </FormField>
        <FormField name="nameKana" label={t('company.nameKana')} support={t('companyForm.nameKanaSupport')} error={errors.nameKana?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('nameKana')} />}
        </FormField>
        <FieldGroup name="entityType" legend={t('company.entityType')} required error={errors.entityType?.message}>
          <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
            {entityTypes.map((type) => (
              <Radio key={type} value={type} {...register('entityType')} aria-invalid={errors.entityType ? true : undefined}>
                {t(`enums.entityType.${type}`)}
              </Radio>
            ))}
          </div>
        </FieldGroup>
        <FormField
          name="corporateNumber"
          label={t('company.corporateNumber')}
          required={corporateNumberRequired}
          support={t('companyForm.corporateNumberSupport')}
          error={errors.corporateNumber?.message}
        >
          {(fieldControl) => <TextInput {...fieldControl} {...register('corporateNumber')} inputMode="numeric" autoComplete="off" className="max-w-md" />}
        </FormField>
        <DuplicateWarning form={form} excludeId={excludeId} />
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
          <FormField name="representativeName" label={t('company.representativeName')} error={errors.representativeName?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('representativeName')} />}
          </FormField>
          <FormField name="representativeTitle" label={t('company.representativeTitle')} support={t('companyForm.representativeTitleSupport')} error={errors.representativeTitle?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('representativeTitle')} />}
          </FormField>
        </div>
      </Section>

      <Section title={t('companyForm.sections.address')}>
        <FormField name="postalCode" label={t('company.postalCode')} support={t('companyForm.postalCodeSupport')} error={errors.postalCode?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('postalCode')} inputMode="numeric" autoComplete="postal-code" className="max-w-56" />}
        </FormField>
        <PlaceFields form={form} />
        <FormField name="addressLine" label={t('company.addressLine')} support={t('companyForm.addressLineSupport')} error={errors.addressLine?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('addressLine')} autoComplete="address-line1" />}
        </FormField>
      </Section>

      <Section title={t('companyForm.sections.business')}>
        <IndustryFields form={form} />
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
          <FormField name="employees" label={t('company.employees')} support={t('companyForm.employeesSupport')} error={errors.employees?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('employees')} inputMode="numeric" />}
          </FormField>
          <FormField name="capitalYen" label={t('company.capitalYen')} support={t('companyForm.capitalSupport')} error={errors.capitalYen?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('capitalYen')} inputMode="numeric" />}
          </FormField>
        </div>
        <SizePreview form={form} />
      </Section>

      <Section title={t('companyForm.sections.contacts')}>
        <ContactRows form={form} />
      </Section>

      <Section title={t('companyForm.sections.other')}>
        <FormField name="tags" label={t('company.tags')} support={t('companyForm.tagsSupport')} error={errors.tags?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('tags')} />}
        </FormField>
        <FormField name="notes" label={t('company.notes')} support={t('companyForm.notesSupport')} error={errors.notes?.message}>
          {(fieldControl) => <TextArea {...fieldControl} {...register('notes')} rows={5} />}
        </FormField>
        <FieldGroup name="consentShareWithPartners" legend={t('company.consent')} support={t('companyForm.consentSupport')} error={errors.consentShareWithPartners?.message}>
          <Checkbox {...register('consentShareWithPartners')}>{t('companyForm.consentLabel')}</Checkbox>
        </FieldGroup>
        <ExternalIdRows form={form} />
      </Section>

      <div className="mt-10 flex flex-wrap items-center gap-4 border-t border-solid-gray-420 pt-8">
        <Button type="submit" variant="solid-fill" size="lg" isBusy={isSaving}>
          {submitLabel}
        </Button>
        {cancel}
      </div>
    </form>
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

/** Labels for the error summary: 「担当者 2 — メールアドレス」 for a field inside a row. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (name: string): string => {
    const [head, index, field] = name.split('.');
    if (head === 'contacts' && index !== undefined && field) return `${t('companyForm.contactN', { n: Number(index) + 1 })} — ${t(`contact.${field}`)}`;
    if (head === 'externalIds' && index !== undefined && field) return `${t('companyForm.externalIdN', { n: Number(index) + 1 })} — ${t(`externalId.${field}`)}`;
    if (head === 'contacts') return t('companyForm.sections.contacts');
    if (head === 'externalIds') return t('company.externalIds');
    if (head === 'consentShareWithPartners') return t('company.consent');
    return t(`company.${head}`);
  };
}

function PlaceFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { register, control, formState, setValue } = form;
  const prefectureCode = useWatch({ control, name: 'prefectureCode' });
  const prefectures = usePrefectures();
  const edition = prefectures.data?.edition;
  const prefectureField = register('prefectureCode');
  return (
    <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
      <FormField name="prefectureCode" label={t('company.prefecture')} error={formState.errors.prefectureCode?.message}>
        {(fieldControl) => (
          <SelectInput
            {...fieldControl}
            {...prefectureField}
            onChange={(event) => {
              void prefectureField.onChange(event);
              setValue('municipalityCode', '');
            }}
          >
            <option value="">{t('common.notSelected')}</option>
            <PrefectureOptions />
          </SelectInput>
        )}
      </FormField>
      <FormField
        name="municipalityCode"
        label={t('company.municipality')}
        support={edition ? t('companyForm.municipalitySupport', { edition }) : undefined}
        error={formState.errors.municipalityCode?.message}
      >
        {(fieldControl) => (
          <SelectInput {...fieldControl} {...register('municipalityCode')} disabled={!prefectureCode}>
            <option value="">{prefectureCode ? t('common.notSelected') : t('companies.search.choosePrefectureFirst')}</option>
            <MunicipalityOptions prefectureCode={prefectureCode} />
          </SelectInput>
        )}
      </FormField>
    </div>
  );
}

function IndustryFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { register, control, formState, setValue } = form;
  const jsicMajor = useWatch({ control, name: 'jsicMajor' });
  const jsic = useJsic();
  const majorField = register('jsicMajor');
  return (
    <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
      <FormField
        name="jsicMajor"
        label={t('company.jsicMajor')}
        support={jsic.data ? t('companyForm.jsicSupport', { edition: jsic.data.edition }) : undefined}
        error={formState.errors.jsicMajor?.message}
      >
        {(fieldControl) => (
          <SelectInput
            {...fieldControl}
            {...majorField}
            onChange={(event) => {
              void majorField.onChange(event);
              setValue('jsicMiddle', '');
            }}
          >
            <option value="">{t('common.notSelected')}</option>
            <JsicMajorOptions />
          </SelectInput>
        )}
      </FormField>
      <FormField name="jsicMiddle" label={t('company.jsicMiddle')} error={formState.errors.jsicMiddle?.message}>
        {(fieldControl) => (
          <SelectInput {...fieldControl} {...register('jsicMiddle')} disabled={!jsicMajor}>
            <option value="">{jsicMajor ? t('common.notSelected') : t('companies.search.chooseMajorFirst')}</option>
            <JsicMiddleOptions majorCode={jsicMajor} />
          </SelectInput>
        )}
      </FormField>
    </div>
  );
}

/** The 中小企業基本法 class the register will derive, shown as the person types (the server decides). */
function SizePreview({ form }: { form: Form }) {
  const { t } = useTranslation();
  const [jsicMajor, jsicMiddle, employees, capitalYen, entityType] = useWatch({ control: form.control, name: ['jsicMajor', 'jsicMiddle', 'employees', 'capitalYen', 'entityType'] });
  const toNumber = (text: string) => {
    const normalized = text.normalize('NFKC').replace(/[,\s]/g, '');
    return /^\d+$/.test(normalized) ? Number(normalized) : null;
  };
  let size: string;
  try {
    size = assessCompanySize({
      jsicMajor: jsicMajor || null,
      jsicMiddle: jsicMiddle || null,
      employees: toNumber(employees),
      capitalYen: toNumber(capitalYen),
      soleProprietor: entityType === 'sole_proprietor',
    }).size;
  } catch {
    size = 'unknown';
  }
  return (
    <div className="rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
      <p className="text-std-16B-170">
        {t('companyForm.sizePreview')}: <output>{t(`enums.sizeClass.${size}`)}</output>
      </p>
      <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('companyForm.sizePreviewSupport')}</p>
    </div>
  );
}

function ContactRows({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { control, register, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'contacts' });
  const errors = formState.errors.contacts;
  const groupError = typeof errors?.message === 'string' ? errors.message : errors?.root?.message;
  return (
    <FieldGroup name="contacts" legend={t('companyForm.contactsLegend')} support={t('companyForm.contactsSupport')} error={groupError} legendClassName="text-std-17B-170">
      {fields.length === 0 ? <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('companyForm.noContacts')}</p> : null}
      <div className="space-y-6">
        {fields.map((field, index) => {
          const rowErrors = errors?.[index];
          return (
            <fieldset key={field.id} className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
              <legend className="px-2 text-std-17B-170">{t('companyForm.contactN', { n: index + 1 })}</legend>
              <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
                <FormField name={`contacts.${index}.name`} label={t('contact.name')} required error={rowErrors?.name?.message}>
                  {(fieldControl) => <TextInput {...fieldControl} {...register(`contacts.${index}.name`)} />}
                </FormField>
                <FormField name={`contacts.${index}.nameKana`} label={t('contact.nameKana')} error={rowErrors?.nameKana?.message}>
                  {(fieldControl) => <TextInput {...fieldControl} {...register(`contacts.${index}.nameKana`)} />}
                </FormField>
                <FormField name={`contacts.${index}.role`} label={t('contact.role')} support={t('companyForm.contactRoleSupport')} error={rowErrors?.role?.message}>
                  {(fieldControl) => <TextInput {...fieldControl} {...register(`contacts.${index}.role`)} />}
                </FormField>
                <FormField name={`contacts.${index}.email`} label={t('contact.email')} error={rowErrors?.email?.message}>
                  {(fieldControl) => <TextInput {...fieldControl} {...register(`contacts.${index}.email`)} type="email" inputMode="email" />}
                </FormField>
                <FormField name={`contacts.${index}.phone`} label={t('contact.phone')} support={t('companyForm.phoneSupport')} error={rowErrors?.phone?.message}>
                  {(fieldControl) => <TextInput {...fieldControl} {...register(`contacts.${index}.phone`)} type="tel" inputMode="tel" />}
                </FormField>
              </div>
              <div className="mt-4 flex flex-wrap items-center justify-between gap-4">
                <Checkbox {...register(`contacts.${index}.isPrimary`)}>{t('contact.isPrimary')}</Checkbox>
                <Button variant="text" size="sm" onClick={() => remove(index)}>
                  {t('companyForm.removeContact', { n: index + 1 })}
                </Button>
              </div>
            </fieldset>
          );
        })}
      </div>
      <Button className="mt-4" onClick={() => append({ ...emptyContact }, { shouldFocus: true })}>
        {t('companyForm.addContact')}
      </Button>
    </FieldGroup>
  );
}

function ExternalIdRows({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { control, register, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'externalIds' });
  const errors = formState.errors.externalIds;
  return (
    <FieldGroup name="externalIds" legend={t('company.externalIds')} support={t('companyForm.externalIdsSupport')} legendClassName="text-std-17B-170">
      <div className="space-y-4">
        {fields.map((field, index) => (
          <fieldset key={field.id} className="rounded-12 border border-solid-gray-420 p-4">
            <legend className="px-2 text-std-16B-170">{t('companyForm.externalIdN', { n: index + 1 })}</legend>
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
              <FormField name={`externalIds.${index}.system`} label={t('externalId.system')} required error={errors?.[index]?.system?.message}>
                {(fieldControl) => <TextInput {...fieldControl} {...register(`externalIds.${index}.system`)} />}
              </FormField>
              <FormField name={`externalIds.${index}.value`} label={t('externalId.value')} required error={errors?.[index]?.value?.message}>
                {(fieldControl) => <TextInput {...fieldControl} {...register(`externalIds.${index}.value`)} />}
              </FormField>
              <Button variant="text" size="sm" onClick={() => remove(index)}>
                {t('companyForm.removeExternalId', { n: index + 1 })}
              </Button>
            </div>
          </fieldset>
        ))}
      </div>
      <Button className="mt-4" onClick={() => append({ ...emptyExternalId }, { shouldFocus: true })}>
        {t('companyForm.addExternalId')}
      </Button>
    </FieldGroup>
  );
}

/** Debounced duplicate check: same 法人番号, or the same name in the same municipality. */
function DuplicateWarning({ form, excludeId }: { form: Form; excludeId?: string }) {
  const { t } = useTranslation();
  const [name, municipalityCode, corporateNumber] = useWatch({ control: form.control, name: ['name', 'municipalityCode', 'corporateNumber'] });
  const [body, setBody] = useState<DuplicateCheckBody | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const trimmedName = name.normalize('NFKC').trim();
      const digits = corporateNumber.normalize('NFKC').replace(/[\s-‐‑‒–—―−ー]/g, '');
      const next: DuplicateCheckBody = {
        ...(trimmedName.length >= 2 ? { name: trimmedName } : {}),
        ...(/^\d{6}$/.test(municipalityCode) ? { municipalityCode } : {}),
        ...(/^\d{13}$/.test(digits) && isValidCorporateNumber(digits) ? { corporateNumber: digits } : {}),
        ...(excludeId ? { excludeId } : {}),
      };
      setBody(next.name || next.corporateNumber ? next : null);
    }, 500);
    return () => clearTimeout(timer);
  }, [name, municipalityCode, corporateNumber, excludeId]);
  const candidates = useDuplicateCandidates(body).data?.candidates ?? [];
  return (
    <div aria-live="polite">
      {body && candidates.length > 0 ? (
        <Notice tone="warning" title={t('companyForm.duplicateTitle', { count: candidates.length })}>
          <p>{t('companyForm.duplicateBody')}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {candidates.map((candidate) => (
              <li key={candidate.id}>
                <TextLink to="/companies/$companyId" params={{ companyId: candidate.id }} target="_blank">
                  {candidate.name}
                </TextLink>
                {placeOf(candidate) ? `（${placeOf(candidate)}）` : ''} — {t(`companyForm.duplicateReason.${candidate.reason}`)}
                <span className="sr-only">{t('common.opensInNewTab')}</span>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </div>
  );
}
