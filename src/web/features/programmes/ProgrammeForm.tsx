import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { type UseFormReturn, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { activityChannels, caseTypes } from '../../../shared/domain/desk';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { DEFAULT_SUPPRESSION_THRESHOLD, type ProgrammeCreateInput, companyIdentities, minutesBases, programmeCreateInput } from '../../../shared/schemas/programme';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Checkbox, FieldGroup, FormField, Radio, TextArea, TextInput } from '../../components/FormField';
import { currentLocale } from '../../i18n';
import { schemaResolver } from '../../lib/form';
import { summaryItems } from '../../lib/use-form-feedback';
import { toNumber } from '../cases/case-form-values';
import { deskLabel } from '../cases/desk-labels';
import { CountingRules } from './CountingRules';
import type { Programme } from './programmes.api';

/** What the inputs of the programme form hold (text as typed); `toProgrammeInput` makes the API input. */
export interface ProgrammeFormValues {
  name: string;
  commissioner: string;
  startsOn: string;
  endsOn: string;
  supportTarget: string;
  companyTarget: string;
  countedChannels: string[];
  countedCaseTypes: string[];
  minimumMinutes: string;
  minutesBasis: string;
  companyIdentity: string;
  suppressionThreshold: string;
  isDefault: boolean;
  notes: string;
}

export type ProgrammeForm = UseFormReturn<ProgrammeFormValues, unknown, ProgrammeCreateInput>;

/** A new programme: the coming fiscal year, every channel but e-mail and every case type (what most contracts count). */
export function emptyProgramme(fiscalYear: number): ProgrammeFormValues {
  return {
    name: '',
    commissioner: '',
    startsOn: `${fiscalYear}-04-01`,
    endsOn: `${fiscalYear + 1}-03-31`,
    supportTarget: '',
    companyTarget: '',
    countedChannels: activityChannels.filter((channel) => channel !== 'email'),
    countedCaseTypes: [...caseTypes],
    minimumMinutes: '30',
    minutesBasis: 'session',
    companyIdentity: 'corporate_number',
    suppressionThreshold: String(DEFAULT_SUPPRESSION_THRESHOLD),
    isDefault: true,
    notes: '',
  };
}

export function programmeToForm(programme: Programme): ProgrammeFormValues {
  return {
    name: programme.name,
    commissioner: programme.commissioner ?? '',
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    supportTarget: programme.supportTarget === null ? '' : String(programme.supportTarget),
    companyTarget: programme.companyTarget === null ? '' : String(programme.companyTarget),
    countedChannels: [...programme.countedChannels],
    countedCaseTypes: [...programme.countedCaseTypes],
    minimumMinutes: String(programme.minimumMinutes),
    minutesBasis: programme.minutesBasis,
    companyIdentity: programme.companyIdentity,
    suppressionThreshold: String(programme.suppressionThreshold),
    isDefault: programme.isDefault,
    notes: programme.notes ?? '',
  };
}

function toProgrammeInput(values: ProgrammeFormValues) {
  return {
    ...values,
    supportTarget: toNumber(values.supportTarget, null),
    companyTarget: toNumber(values.companyTarget, null),
    minimumMinutes: toNumber(values.minimumMinutes),
    suppressionThreshold: toNumber(values.suppressionThreshold),
  };
}

/** Validated with the API's own schema, so the browser words a problem as the server would. */
export const programmeFormResolver = schemaResolver<ProgrammeFormValues, ProgrammeCreateInput>(programmeCreateInput, {
  toInput: toProgrammeInput,
  fieldOf: (path) => path.split('.')[0] ?? path,
});

/** Where an API problem is shown: list items on their list. */
export function programmeFieldOf(path: string): string {
  return path.split('.')[0] ?? path;
}

/** Labels of the fields, for the error summary. */
export function programmeFieldLabel(t: TFunction, name: string): string {
  const labels: Record<string, string> = {
    name: t('programmeForm.name'),
    commissioner: t('programmeForm.commissioner'),
    startsOn: t('programmeForm.startsOn'),
    endsOn: t('programmeForm.endsOn'),
    supportTarget: t('programmeForm.supportTarget'),
    companyTarget: t('programmeForm.companyTarget'),
    countedChannels: t('programmeForm.countedChannels'),
    countedCaseTypes: t('programmeForm.countedCaseTypes'),
    minimumMinutes: t('programmeForm.minimumMinutes'),
    minutesBasis: t('programmeForm.minutesBasis'),
    companyIdentity: t('programmeForm.companyIdentity'),
    suppressionThreshold: t('programmeForm.suppressionThreshold'),
    isDefault: t('programmeForm.isDefault'),
    notes: t('programmeForm.notes'),
  };
  return labels[name] ?? name;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * A programme's period, targets and counting rules. Beside the fields, the definition they make is said
 * in plain words and follows every change, so the admin sees what will be counted before saving.
 */
export function ProgrammeFormFields({
  form,
  onSubmit,
  isSaving,
  submitLabel,
  formError,
  attempt,
  cancel,
  banner,
}: {
  form: ProgrammeForm;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  isSaving: boolean;
  submitLabel: string;
  formError?: string;
  attempt: number;
  cancel: ReactNode;
  banner?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { register, control, formState } = form;
  const { errors } = formState;
  const values = useWatch({ control }) as ProgrammeFormValues;
  const startsOn = values.startsOn ?? '';
  const number = (text: string | undefined) => {
    const value = toNumber(text ?? '');
    return typeof value === 'number' ? value : null;
  };

  return (
    <form noValidate onSubmit={onSubmit}>
      {banner}
      <ErrorSummary items={summaryItems(errors, (name) => programmeFieldLabel(t, name))} message={formError} focusKey={attempt} />
      <p className="mb-8 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('programmeForm.intro')}</p>
      <div className="grid grid-cols-1 gap-x-10 gap-y-8 xl:grid-cols-[minmax(0,1fr)_minmax(20rem,28rem)]">
        <div className="min-w-0 max-w-3xl">
          <Section title={t('programmeForm.sections.basic')}>
            <FormField name="name" label={t('programmeForm.name')} required support={t('programmeForm.nameSupport')} error={errors.name?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('name')} />}
            </FormField>
            <FormField name="commissioner" label={t('programmeForm.commissioner')} support={t('programmeForm.commissionerSupport')} error={errors.commissioner?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('commissioner')} />}
            </FormField>
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
              <FormField
                name="startsOn"
                label={t('programmeForm.startsOn')}
                required
                support={isDate(startsOn) ? t('programmeForm.startsOnSupportYear', { year: fiscalYearLabel(fiscalYearOf(startsOn), locale) }) : t('programmeForm.startsOnSupport')}
                error={errors.startsOn?.message}
              >
                {(fieldControl) => <TextInput {...fieldControl} {...register('startsOn')} type="date" className="max-w-56" />}
              </FormField>
              <FormField name="endsOn" label={t('programmeForm.endsOn')} required support={t('programmeForm.endsOnSupport')} error={errors.endsOn?.message}>
                {(fieldControl) => <TextInput {...fieldControl} {...register('endsOn')} type="date" className="max-w-56" />}
              </FormField>
            </div>
          </Section>

          <Section title={t('programmeForm.sections.targets')}>
            <p className="text-std-16N-170 text-solid-gray-700">{t('programmeForm.targetsLead')}</p>
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
              <FormField name="supportTarget" label={t('programmeForm.supportTarget')} support={t('programmeForm.supportTargetSupport')} error={errors.supportTarget?.message}>
                {(fieldControl) => <TextInput {...fieldControl} {...register('supportTarget')} inputMode="numeric" className="max-w-40" />}
              </FormField>
              <FormField name="companyTarget" label={t('programmeForm.companyTarget')} support={t('programmeForm.companyTargetSupport')} error={errors.companyTarget?.message}>
                {(fieldControl) => <TextInput {...fieldControl} {...register('companyTarget')} inputMode="numeric" className="max-w-40" />}
              </FormField>
            </div>
          </Section>

          <Section title={t('programmeForm.sections.rules')}>
            <FieldGroup name="countedChannels" legend={t('programmeForm.countedChannels')} required support={t('programmeForm.countedChannelsSupport')} error={errors.countedChannels?.message}>
              <div className="grid grid-cols-1 sm:grid-cols-2">
                {activityChannels.map((channel) => (
                  <Checkbox key={channel} value={channel} {...register('countedChannels')}>
                    {deskLabel(t, 'channel', channel)}
                  </Checkbox>
                ))}
              </div>
            </FieldGroup>
            <FieldGroup name="countedCaseTypes" legend={t('programmeForm.countedCaseTypes')} required support={t('programmeForm.countedCaseTypesSupport')} error={errors.countedCaseTypes?.message}>
              <div className="grid grid-cols-1 sm:grid-cols-2">
                {caseTypes.map((type) => (
                  <Checkbox key={type} value={type} {...register('countedCaseTypes')}>
                    {deskLabel(t, 'caseType', type)}
                  </Checkbox>
                ))}
              </div>
            </FieldGroup>
            <FormField name="minimumMinutes" label={t('programmeForm.minimumMinutes')} required support={t('programmeForm.minimumMinutesSupport')} error={errors.minimumMinutes?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('minimumMinutes')} inputMode="numeric" className="max-w-32" />}
            </FormField>
            <FieldGroup name="minutesBasis" legend={t('programmeForm.minutesBasis')} required support={t('programmeForm.minutesBasisSupport')} error={errors.minutesBasis?.message}>
              {minutesBases.map((basis) => (
                <Radio key={basis} value={basis} {...register('minutesBasis')}>
                  {deskLabel(t, 'minutesBasis', basis)}
                </Radio>
              ))}
            </FieldGroup>
            <FieldGroup name="isDefault" legend={t('programmeForm.isDefault')} required={false} support={t('programmeForm.isDefaultSupport')} error={errors.isDefault?.message}>
              <Checkbox {...register('isDefault')}>{t('programmeForm.isDefaultLabel')}</Checkbox>
            </FieldGroup>
          </Section>

          <Section title={t('programmeForm.sections.figures')}>
            <FieldGroup name="companyIdentity" legend={t('programmeForm.companyIdentity')} required support={t('programmeForm.companyIdentitySupport')} error={errors.companyIdentity?.message}>
              {companyIdentities.map((identity) => (
                <Radio key={identity} value={identity} {...register('companyIdentity')}>
                  {deskLabel(t, 'companyIdentity', identity)}
                </Radio>
              ))}
            </FieldGroup>
            <FormField
              name="suppressionThreshold"
              label={t('programmeForm.suppressionThreshold')}
              required
              support={t('programmeForm.suppressionThresholdSupport')}
              error={errors.suppressionThreshold?.message}
            >
              {(fieldControl) => <TextInput {...fieldControl} {...register('suppressionThreshold')} inputMode="numeric" className="max-w-24" />}
            </FormField>
            <FormField name="notes" label={t('programmeForm.notes')} support={t('programmeForm.notesSupport')} error={errors.notes?.message}>
              {(fieldControl) => <TextArea {...fieldControl} {...register('notes')} rows={4} />}
            </FormField>
          </Section>
        </div>

        <div className="min-w-0">
          <div className="xl:sticky xl:top-4">
            <CountingRules
              id="form-counting-rules"
              headingLevel={2}
              rules={{
                startsOn,
                endsOn: values.endsOn ?? '',
                countedChannels: values.countedChannels ?? [],
                countedCaseTypes: values.countedCaseTypes ?? [],
                minimumMinutes: number(values.minimumMinutes),
                minutesBasis: values.minutesBasis ?? 'session',
                companyIdentity: values.companyIdentity ?? 'corporate_number',
                suppressionThreshold: number(values.suppressionThreshold),
                isDefault: values.isDefault ?? false,
              }}
            />
            <p className="mt-3 text-std-16N-170 text-solid-gray-700">{t('programmeForm.recomputeNote')}</p>
          </div>
        </div>
      </div>

      <div className="mt-10 flex flex-wrap items-center gap-6">
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
