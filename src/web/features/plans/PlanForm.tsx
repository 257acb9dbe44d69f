import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { type UseFormRegisterReturn, type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LEVEL_NAMES, DEFAULT_PLAN_GRADES, DEFAULT_PLAN_STATUSES, rollupMethods } from '../../../shared/domain/plans';
import { planCreateInput, planUpdateInput } from '../../../shared/schemas/plan';
import type { PlanCreateInput, PlanUpdateInput } from '../../../shared/schemas/plan';
import { Button } from '../../components/Button';
import { Checkbox, FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { fieldId, schemaResolver } from '../../lib/form';
import { toNumber } from '../cases/case-form-values';
import { rollupMethodHelp, rollupMethodLabel } from './plan-format';
import { PlanYearOptions } from './PlanYearSelect';
import type { Plan } from './plans.api';

/** What the inputs of the plan form hold (text as typed); lists are arrays of rows for useFieldArray. */
export interface PlanFormValues {
  title: string;
  titleEn: string;
  edition: string;
  description: string;
  startYear: string;
  endYear: string;
  levelNames: { value: string }[];
  rollupMethod: 'weighted' | 'average';
  statuses: { key: string; name: string; nameEn: string; progress: string }[];
  grades: { key: string; name: string; nameEn: string }[];
  reviewerIds: string[];
  firstHalfDue: string;
  yearDue: string;
  reminderDays: string;
  externalId: string;
}

export function emptyPlanForm(currentYear: number): PlanFormValues {
  return {
    title: '',
    titleEn: '',
    edition: '',
    description: '',
    startYear: String(currentYear),
    endYear: String(currentYear + 4),
    levelNames: DEFAULT_LEVEL_NAMES.map((value) => ({ value })),
    rollupMethod: 'average',
    statuses: DEFAULT_PLAN_STATUSES.map((status) => ({ key: status.key, name: status.name, nameEn: status.nameEn, progress: String(status.progress) })),
    grades: DEFAULT_PLAN_GRADES.map((grade) => ({ key: grade.key, name: grade.name, nameEn: grade.nameEn })),
    reviewerIds: [],
    firstHalfDue: '10-31',
    yearDue: '05-31',
    reminderDays: '14',
    externalId: '',
  };
}

export function planToForm(plan: Plan): PlanFormValues {
  return {
    title: plan.title,
    titleEn: plan.titleEn ?? '',
    edition: plan.edition,
    description: plan.description,
    startYear: String(plan.startYear),
    endYear: String(plan.endYear),
    levelNames: plan.levelNames.map((value) => ({ value })),
    rollupMethod: plan.rollupMethod,
    statuses: plan.statuses.map((status) => ({ key: status.key, name: status.name, nameEn: status.nameEn ?? '', progress: String(status.progress) })),
    grades: plan.grades.map((grade) => ({ key: grade.key, name: grade.name, nameEn: grade.nameEn ?? '' })),
    reviewerIds: plan.reviewers.map((person) => person.id),
    firstHalfDue: plan.firstHalfDue,
    yearDue: plan.yearDue,
    reminderDays: String(plan.reminderDays),
    externalId: plan.externalId ?? '',
  };
}

function toCreateInput(values: PlanFormValues) {
  return {
    title: values.title,
    edition: values.edition,
    startYear: toNumber(values.startYear),
    endYear: toNumber(values.endYear),
    levelNames: values.levelNames.map((row) => row.value),
    rollupMethod: values.rollupMethod,
  };
}

function toUpdateInput(values: PlanFormValues, version: number) {
  return {
    version,
    title: values.title,
    titleEn: values.titleEn,
    edition: values.edition,
    description: values.description,
    startYear: toNumber(values.startYear),
    endYear: toNumber(values.endYear),
    levelNames: values.levelNames.map((row) => row.value),
    levelNamesEn: [],
    rollupMethod: values.rollupMethod,
    statuses: values.statuses.map((status) => ({ key: status.key, name: status.name, nameEn: status.nameEn || null, progress: toNumber(status.progress) })),
    grades: values.grades.map((grade) => ({ key: grade.key, name: grade.name, nameEn: grade.nameEn || null })),
    reviewerIds: values.reviewerIds,
    firstHalfDue: values.firstHalfDue,
    yearDue: values.yearDue,
    reminderDays: toNumber(values.reminderDays),
    externalId: values.externalId,
  };
}

/** Where an API problem shows: `levelNames.2` on the third name's input; a whole list's problem on the list. */
export function planFieldOf(path: string): string {
  const levelName = /^levelNames\.(\d+)$/.exec(path);
  if (levelName) return `levelNames.${levelName[1]}.value`;
  if (/^(statuses|grades)\.\d+\.(key|name|nameEn|progress)$/.test(path)) return path;
  if (/^(statuses|grades|levelNames|reviewerIds)\b/.test(path)) return path.split('.')[0] ?? path;
  return path;
}

export const planCreateResolver = schemaResolver<PlanFormValues, PlanCreateInput>(planCreateInput, { toInput: toCreateInput, fieldOf: planFieldOf });

export function planUpdateResolver(version: number) {
  return schemaResolver<PlanFormValues, PlanUpdateInput>(planUpdateInput, { toInput: (values) => toUpdateInput(values, version), fieldOf: planFieldOf });
}

/** Labels of the fields, for the error summary. */
export function planFieldLabel(t: TFunction, name: string): string {
  const [head, index, leaf] = name.split('.');
  const row = index === undefined ? '' : t('plans.form.row', { n: Number(index) + 1 });
  const labels: Record<string, string> = {
    title: t('plans.form.title'),
    titleEn: t('plans.form.titleEn'),
    edition: t('plans.form.edition'),
    description: t('plans.form.description'),
    startYear: t('plans.form.startYear'),
    endYear: t('plans.form.endYear'),
    levelNames: t('plans.form.levelNames'),
    rollupMethod: t('plans.form.rollupMethod'),
    statuses: t('plans.form.statuses'),
    grades: t('plans.form.grades'),
    reviewerIds: t('plans.form.reviewers'),
    firstHalfDue: t('plans.form.firstHalfDue'),
    yearDue: t('plans.form.yearDue'),
    reminderDays: t('plans.form.reminderDays'),
    externalId: t('plans.form.externalId'),
  };
  const leaves: Record<string, string> = {
    key: t('plans.form.optionKey'),
    name: t('plans.form.optionName'),
    nameEn: t('plans.form.optionNameEn'),
    progress: t('plans.form.optionProgress'),
    value: '',
  };
  return [labels[head ?? ''] ?? name, row, leaf ? leaves[leaf] : ''].filter(Boolean).join(' ');
}

type PlanForm = UseFormReturn<PlanFormValues, unknown, PlanCreateInput> | UseFormReturn<PlanFormValues, unknown, PlanUpdateInput>;

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h3 id={id} className="mb-6 border-b border-solid-gray-420 pb-2 text-std-20B-150 text-solid-gray-900">
        {title}
      </h3>
      <div className="space-y-6">{children}</div>
    </section>
  );
}

/** The years people can choose for a plan: ten years back to ten ahead of this year. */
function yearChoices(currentYear: number, values: string[]): number[] {
  const years = new Set<number>();
  for (let year = currentYear - 10; year <= currentYear + 10; year++) years.add(year);
  for (const value of values) if (/^\d{4}$/.test(value)) years.add(Number(value));
  return [...years].sort((a, b) => a - b);
}

/**
 * The plan's fields: title, edition, period and level names (create), and in the settings also the
 * description, roll-up, statuses, grades, reviewers and deadlines. Each choice says in words what it does.
 */
export function PlanFormFields({
  form,
  mode,
  currentYear,
  people,
}: {
  form: PlanForm;
  mode: 'create' | 'settings';
  currentYear: number;
  people?: { id: string; name: string; role: string }[] | null;
}) {
  const { t } = useTranslation();
  const typed = form as unknown as UseFormReturn<PlanFormValues>;
  const { register, control, formState } = typed;
  const { errors } = formState;
  const levelNames = useFieldArray({ control, name: 'levelNames' });
  const statuses = useFieldArray({ control, name: 'statuses' });
  const grades = useFieldArray({ control, name: 'grades' });
  const [startYear, endYear] = useWatch({ control, name: ['startYear', 'endYear'] });
  const years = yearChoices(currentYear, [startYear, endYear]);
  const idPrefix = mode === 'create' ? 'new-plan' : 'plan-settings';
  return (
    <>
      <Section title={t('plans.form.sections.basic')} id={`${idPrefix}-basic`}>
        <FormField name="title" label={t('plans.form.title')} required support={t('plans.form.titleSupport')} error={errors.title?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('title')} />}
        </FormField>
        {mode === 'settings' ? (
          <FormField name="titleEn" label={t('plans.form.titleEn')} error={errors.titleEn?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('titleEn')} lang="en" />}
          </FormField>
        ) : null}
        <FormField name="edition" label={t('plans.form.edition')} support={t('plans.form.editionSupport')} error={errors.edition?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('edition')} className="max-w-md" />}
        </FormField>
        {mode === 'settings' ? (
          <FormField name="description" label={t('plans.form.description')} support={t('plans.form.descriptionSupport')} error={errors.description?.message}>
            {(fieldControl) => <TextArea {...fieldControl} {...register('description')} rows={5} />}
          </FormField>
        ) : null}
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
          <FormField name="startYear" label={t('plans.form.startYear')} required error={errors.startYear?.message}>
            {(fieldControl) => (
              <SelectInput {...fieldControl} {...register('startYear')}>
                <PlanYearOptions years={years} />
              </SelectInput>
            )}
          </FormField>
          <FormField name="endYear" label={t('plans.form.endYear')} required support={t('plans.form.endYearSupport')} error={errors.endYear?.message}>
            {(fieldControl) => (
              <SelectInput {...fieldControl} {...register('endYear')}>
                <PlanYearOptions years={years} />
              </SelectInput>
            )}
          </FormField>
        </div>
      </Section>

      <Section title={t('plans.form.sections.structure')} id={`${idPrefix}-structure`}>
        <FieldGroup name="levelNames" legend={t('plans.form.levelNames')} required support={t('plans.form.levelNamesSupport')} error={errors.levelNames?.root?.message ?? errors.levelNames?.message}>
          <ol className="space-y-3">
            {levelNames.fields.map((field, index) => (
              <li key={field.id} className="flex flex-wrap items-end gap-3">
                <FormField
                  name={`levelNames.${index}.value`}
                  label={t('plans.form.levelName', { n: index + 1 })}
                  required
                  error={errors.levelNames?.[index]?.value?.message}
                  className="w-full min-w-0 max-w-sm"
                >
                  {(fieldControl) => <TextInput {...fieldControl} {...register(`levelNames.${index}.value`)} className="max-w-sm" />}
                </FormField>
                {levelNames.fields.length > 1 ? (
                  <Button size="sm" variant="text" onClick={() => levelNames.remove(index)}>
                    {t('plans.form.removeLevel', { n: index + 1 })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
          {levelNames.fields.length < 8 ? (
            <Button size="sm" className="mt-3" onClick={() => levelNames.append({ value: '' })}>
              {t('plans.form.addLevel')}
            </Button>
          ) : null}
        </FieldGroup>
        <FieldGroup name="rollupMethod" legend={t('plans.form.rollupMethod')} required support={t('plans.form.rollupMethodSupport')} error={errors.rollupMethod?.message}>
          {rollupMethods.map((method) => (
            <div key={method} className="mb-2">
              <Radio value={method} {...register('rollupMethod')} aria-describedby={`${fieldId('rollupMethod')}-${method}-help`}>
                {rollupMethodLabel(t, method)}
              </Radio>
              <p id={`${fieldId('rollupMethod')}-${method}-help`} className="ml-9 text-std-16N-170 text-solid-gray-700">
                {rollupMethodHelp(t, method)}
              </p>
            </div>
          ))}
        </FieldGroup>
      </Section>

      {mode === 'settings' ? (
        <>
          <Section title={t('plans.form.sections.statuses')} id={`${idPrefix}-statuses`}>
            <p className="text-std-16N-170 text-solid-gray-700">{t('plans.form.statusesSupport')}</p>
            {errors.statuses?.message || errors.statuses?.root?.message ? (
              <p id={`${fieldId('statuses')}-error`} className="text-dns-16N-130 text-error-2" tabIndex={-1}>
                ＊{errors.statuses?.message ?? errors.statuses?.root?.message}
              </p>
            ) : null}
            <ol className="space-y-4" id={fieldId('statuses')} tabIndex={-1}>
              {statuses.fields.map((field, index) => (
                <li key={field.id}>
                  <fieldset className="rounded-8 border border-solid-gray-420 p-4">
                    <legend className="px-1 text-std-16B-170">{t('plans.form.statusRow', { n: index + 1 })}</legend>
                    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                      <FormField name={`statuses.${index}.name`} label={t('plans.form.optionName')} required error={errors.statuses?.[index]?.name?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`statuses.${index}.name`)} />}
                      </FormField>
                      <FormField name={`statuses.${index}.nameEn`} label={t('plans.form.optionNameEn')} error={errors.statuses?.[index]?.nameEn?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`statuses.${index}.nameEn`)} lang="en" />}
                      </FormField>
                      <FormField name={`statuses.${index}.key`} label={t('plans.form.optionKey')} required error={errors.statuses?.[index]?.key?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`statuses.${index}.key`)} lang="en" autoComplete="off" />}
                      </FormField>
                      <FormField name={`statuses.${index}.progress`} label={t('plans.form.optionProgress')} required error={errors.statuses?.[index]?.progress?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`statuses.${index}.progress`)} inputMode="decimal" />}
                      </FormField>
                    </div>
                    {statuses.fields.length > 1 ? (
                      <Button size="sm" variant="text" className="mt-2" onClick={() => statuses.remove(index)}>
                        {t('plans.form.removeStatus', { n: index + 1 })}
                      </Button>
                    ) : null}
                  </fieldset>
                </li>
              ))}
            </ol>
            {statuses.fields.length < 20 ? (
              <Button size="sm" onClick={() => statuses.append({ key: '', name: '', nameEn: '', progress: '0' })}>
                {t('plans.form.addStatus')}
              </Button>
            ) : null}
          </Section>

          <Section title={t('plans.form.sections.grades')} id={`${idPrefix}-grades`}>
            <p className="text-std-16N-170 text-solid-gray-700">{t('plans.form.gradesSupport')}</p>
            {errors.grades?.message || errors.grades?.root?.message ? (
              <p className="text-dns-16N-130 text-error-2">＊{errors.grades?.message ?? errors.grades?.root?.message}</p>
            ) : null}
            <ol className="space-y-4" id={fieldId('grades')} tabIndex={-1}>
              {grades.fields.map((field, index) => (
                <li key={field.id}>
                  <fieldset className="rounded-8 border border-solid-gray-420 p-4">
                    <legend className="px-1 text-std-16B-170">{t('plans.form.gradeRow', { n: index + 1 })}</legend>
                    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                      <FormField name={`grades.${index}.name`} label={t('plans.form.optionName')} required error={errors.grades?.[index]?.name?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`grades.${index}.name`)} />}
                      </FormField>
                      <FormField name={`grades.${index}.nameEn`} label={t('plans.form.optionNameEn')} error={errors.grades?.[index]?.nameEn?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`grades.${index}.nameEn`)} lang="en" />}
                      </FormField>
                      <FormField name={`grades.${index}.key`} label={t('plans.form.optionKey')} required error={errors.grades?.[index]?.key?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`grades.${index}.key`)} lang="en" autoComplete="off" />}
                      </FormField>
                    </div>
                    {grades.fields.length > 2 ? (
                      <Button size="sm" variant="text" className="mt-2" onClick={() => grades.remove(index)}>
                        {t('plans.form.removeGrade', { n: index + 1 })}
                      </Button>
                    ) : null}
                  </fieldset>
                </li>
              ))}
            </ol>
            {grades.fields.length < 10 ? (
              <Button size="sm" onClick={() => grades.append({ key: '', name: '', nameEn: '' })}>
                {t('plans.form.addGrade')}
              </Button>
            ) : null}
          </Section>

          <Section title={t('plans.form.sections.reviewers')} id={`${idPrefix}-reviewers`}>
            {people ? (
              <PeopleCheckboxes
                name="reviewerIds"
                legend={t('plans.form.reviewers')}
                support={t('plans.form.reviewersSupport')}
                error={errors.reviewerIds?.message}
                people={people}
                registration={register('reviewerIds')}
              />
            ) : (
              <p className="text-std-16N-170 text-solid-gray-700">{t('plans.form.reviewersUnavailable')}</p>
            )}
          </Section>

          <Section title={t('plans.form.sections.deadlines')} id={`${idPrefix}-deadlines`}>
            <p className="text-std-16N-170 text-solid-gray-700">{t('plans.form.deadlinesSupport')}</p>
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
              <FormField name="firstHalfDue" label={t('plans.form.firstHalfDue')} required support={t('plans.form.firstHalfDueSupport')} error={errors.firstHalfDue?.message}>
                {(fieldControl) => <TextInput {...fieldControl} {...register('firstHalfDue')} inputMode="numeric" className="max-w-xs" />}
              </FormField>
              <FormField name="yearDue" label={t('plans.form.yearDue')} required support={t('plans.form.yearDueSupport')} error={errors.yearDue?.message}>
                {(fieldControl) => <TextInput {...fieldControl} {...register('yearDue')} inputMode="numeric" className="max-w-xs" />}
              </FormField>
              <FormField name="reminderDays" label={t('plans.form.reminderDays')} required support={t('plans.form.reminderDaysSupport')} error={errors.reminderDays?.message}>
                {(fieldControl) => <TextInput {...fieldControl} {...register('reminderDays')} inputMode="numeric" className="max-w-xs" />}
              </FormField>
            </div>
            <FormField name="externalId" label={t('plans.form.externalId')} support={t('plans.form.externalIdSupport')} error={errors.externalId?.message}>
              {(fieldControl) => <TextInput {...fieldControl} {...register('externalId')} className="max-w-md" />}
            </FormField>
          </Section>
        </>
      ) : null}
    </>
  );
}

/**
 * People to pick (reviewers, owners) as checkboxes in a labelled group, each with their role; a long list
 * scrolls inside the group. `registration` is the form field's register() result.
 */
export function PeopleCheckboxes({
  name,
  legend,
  support,
  error,
  people,
  registration,
}: {
  name: string;
  legend: string;
  support: string;
  error?: string;
  people: { id: string; name: string; role: string }[];
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <FieldGroup name={name} legend={legend} required={false} support={support} error={error}>
      <div className="grid max-h-64 grid-cols-1 gap-x-6 overflow-y-auto sm:grid-cols-2">
        {people.map((person) => (
          <Checkbox key={person.id} value={person.id} {...registration}>
            {person.name}
            <span className="text-solid-gray-700">（{roleName(t, person.role)}）</span>
          </Checkbox>
        ))}
      </div>
    </FieldGroup>
  );
}

export function roleName(t: TFunction, role: string): string {
  if (role === 'admin') return t('enums.role.admin');
  if (role === 'staff') return t('enums.role.staff');
  if (role === 'expert') return t('enums.role.expert');
  if (role === 'partner') return t('enums.role.partner');
  if (role === 'viewer') return t('enums.role.viewer');
  return role;
}
