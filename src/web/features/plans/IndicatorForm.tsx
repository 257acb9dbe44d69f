import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { type Resolver, type UseFormReturn, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { indicatorDirections, indicatorKinds, missingPolicies, normalisations, periodicities, yearAggregations } from '../../../shared/domain/plans';
import {
  type CompositeMethodInput,
  type IndicatorCreateInput,
  type IndicatorUpdateInput,
  compositeMethodInput,
  indicatorCreateInput,
  indicatorUpdateInput,
} from '../../../shared/schemas/plan';
import { type ApiError, isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { currentLocale } from '../../i18n';
import { errorText } from '../../lib/errors';
import { fieldId, schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { toNumber } from '../cases/case-form-values';
import { FormDialog } from '../../components/FormDialog';
import { PeopleCheckboxes } from './PlanForm';
import { runMutation, showServerError } from './plan-errors';
import {
  aggregationLabel,
  directionLabel,
  kindHelp,
  kindLabel,
  missingPolicyHelp,
  missingPolicyLabel,
  nodeTitle,
  normalisationHelp,
  normalisationLabel,
  periodLabel,
  periodicityLabel,
  planYearLabel,
} from './plan-format';
import { PlanYearOptions } from './PlanYearSelect';
import { type CompositeMethod, type IndicatorDetail, type IndicatorSummary, type MetricSource, type PlanNode, useAddMethod } from './plans.api';

type Kind = (typeof indicatorKinds)[number];
type NormalisationKey = (typeof normalisations)[number];

export interface ComponentRow {
  indicatorId: string;
  weight: string;
  min: string;
  max: string;
  mean: string;
  sd: string;
}

/** What the inputs of a composite index's method hold (text as typed); `toMethodInput` makes the API input. */
export interface CompositeMethodValues {
  effectiveFromYear: string;
  normalisation: NormalisationKey;
  capAt: string;
  missing: 'renormalise' | 'require_all';
  explanation: string;
  components: ComponentRow[];
}

/** One plan year's targets as typed: the year's (reported per year) or its 上期 and 下期 (reported per half). */
export interface TargetRow {
  value: string;
  first: string;
  second: string;
}

/** What the inputs of the indicator form hold (text as typed); `toIndicatorInput` makes the API input. */
export interface IndicatorFormValues {
  kind: Kind;
  nodeId: string;
  code: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  periodicity: 'year' | 'half';
  yearAggregation: 'sum' | 'last' | 'mean';
  decimals: string;
  minValue: string;
  maxValue: string;
  baselineValue: string;
  baselineYear: string;
  method: string;
  source: string;
  metricKey: string;
  programmeId: string;
  ownerIds: string[];
  weight: string;
  targets: TargetRow[];
  compositeMethod: CompositeMethodValues;
}

export const emptyComponent: ComponentRow = { indicatorId: '', weight: '1', min: '', max: '', mean: '', sd: '' };

function emptyMethod(years: number[]): CompositeMethodValues {
  return { effectiveFromYear: String(years[0] ?? ''), normalisation: 'target_share', capAt: '', missing: 'renormalise', explanation: '', components: [{ ...emptyComponent }] };
}

/** A number as an input shows it; nothing → blank. */
function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function emptyIndicatorForm(years: number[], nodeId: string | undefined): IndicatorFormValues {
  return {
    kind: 'manual',
    nodeId: nodeId ?? '',
    code: '',
    name: '',
    unit: '',
    direction: 'higher',
    periodicity: 'year',
    yearAggregation: 'sum',
    decimals: '0',
    minValue: '',
    maxValue: '',
    baselineValue: '',
    baselineYear: '',
    method: '',
    source: '',
    metricKey: '',
    programmeId: '',
    ownerIds: [],
    weight: '1',
    targets: years.map(() => ({ value: '', first: '', second: '' })),
    compositeMethod: emptyMethod(years),
  };
}

/** An indicator's definition as the edit form's inputs hold it (its kind stays; targets and methods are not edited here). */
export function indicatorToForm(indicator: IndicatorDetail): IndicatorFormValues {
  return {
    kind: indicator.kind,
    nodeId: indicator.nodeId ?? '',
    code: indicator.code ?? '',
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    periodicity: indicator.periodicity,
    yearAggregation: indicator.yearAggregation,
    decimals: String(indicator.decimals),
    minValue: numberText(indicator.minValue),
    maxValue: numberText(indicator.maxValue),
    baselineValue: numberText(indicator.baselineValue),
    baselineYear: numberText(indicator.baselineYear),
    method: indicator.method,
    source: indicator.source,
    metricKey: indicator.metricKey ?? '',
    programmeId: typeof indicator.metricParams.programmeId === 'string' ? indicator.metricParams.programmeId : '',
    ownerIds: indicator.owners.map((owner) => owner.id),
    weight: String(indicator.weight),
    targets: [],
    compositeMethod: emptyMethod([]),
  };
}

/**
 * A new method version starts from the latest one (its parts, weights and bounds), from the year after it
 * (within the plan): a revision usually changes one thing from a later year on.
 */
export function methodToForm(latest: CompositeMethod | undefined, years: number[]): MethodFormValues {
  if (!latest) return { compositeMethod: emptyMethod(years) };
  const first = years[0] ?? latest.effectiveFromYear;
  const last = years[years.length - 1] ?? latest.effectiveFromYear;
  return {
    compositeMethod: {
      effectiveFromYear: String(Math.min(last, Math.max(first, latest.effectiveFromYear + 1))),
      normalisation: latest.normalisation,
      capAt: numberText(latest.capAt),
      missing: latest.missing,
      explanation: latest.explanation,
      components: latest.components.map((part) => ({
        indicatorId: part.indicatorId,
        weight: String(part.weight),
        min: numberText(part.min),
        max: numberText(part.max),
        mean: numberText(part.mean),
        sd: numberText(part.sd),
      })),
    },
  };
}

function toMethodInput(composite: CompositeMethodValues) {
  const normalisation = composite.normalisation;
  return {
    effectiveFromYear: toNumber(composite.effectiveFromYear),
    normalisation,
    capAt: toNumber(composite.capAt, null),
    missing: composite.missing,
    explanation: composite.explanation,
    components: composite.components.map((row) => ({
      indicatorId: row.indicatorId || undefined,
      weight: toNumber(row.weight, 1),
      min: normalisation === 'min_max' ? toNumber(row.min, null) : null,
      max: normalisation === 'min_max' ? toNumber(row.max, null) : null,
      mean: normalisation === 'deviation' ? toNumber(row.mean, null) : null,
      sd: normalisation === 'deviation' ? toNumber(row.sd, null) : null,
    })),
  };
}

/** The targets to send: one per plan year, or (reported per half) one per 上期 and 下期 of each year, in that order. */
function toTargets(values: IndicatorFormValues, years: number[]) {
  if (values.periodicity === 'half') {
    return years.flatMap((fiscalYear, index) => [
      { fiscalYear, half: 1 as const, target: toNumber(values.targets[index]?.first ?? '', null) },
      { fiscalYear, half: 2 as const, target: toNumber(values.targets[index]?.second ?? '', null) },
    ]);
  }
  return years.map((fiscalYear, index) => ({ fiscalYear, half: null, target: toNumber(values.targets[index]?.value ?? '', null) }));
}

function toIndicatorInput(values: IndicatorFormValues, years: number[]) {
  return {
    kind: values.kind,
    nodeId: values.nodeId || null,
    code: values.code,
    name: values.name,
    unit: values.unit,
    direction: values.direction,
    periodicity: values.periodicity,
    yearAggregation: values.yearAggregation,
    decimals: toNumber(values.decimals, 0),
    minValue: toNumber(values.minValue, null),
    maxValue: toNumber(values.maxValue, null),
    baselineValue: toNumber(values.baselineValue, null),
    baselineYear: toNumber(values.baselineYear, null),
    method: values.method,
    source: values.source,
    metricKey: values.kind === 'computed' ? values.metricKey || null : null,
    metricParams: values.kind === 'computed' && values.programmeId ? { programmeId: values.programmeId } : {},
    ownerIds: values.ownerIds,
    weight: toNumber(values.weight, 1),
    targets: toTargets(values, years),
    compositeMethod: values.kind === 'composite' ? toMethodInput(values.compositeMethod) : undefined,
  };
}

/** The PATCH of an edited definition: what the form shows, without the kind, targets and method it does not change. */
function toIndicatorUpdateInput(values: IndicatorFormValues, version: number) {
  const { kind: _kind, targets: _targets, compositeMethod: _method, ...definition } = toIndicatorInput(values, []);
  return { version, ...definition };
}

/**
 * Where an API problem shows in the form. Targets go out one per year, or per half two per year (上期 then
 * 下期), so `targets.5` of an indicator reported per half is the 下期 of the third year.
 */
export function indicatorFieldOf(path: string, periodicity: 'year' | 'half' = 'year'): string {
  const target = /^targets\.(\d+)/.exec(path);
  if (target) {
    const index = Number(target[1]);
    return periodicity === 'half' ? `targets.${Math.floor(index / 2)}.${index % 2 === 0 ? 'first' : 'second'}` : `targets.${index}.value`;
  }
  if (path.startsWith('metricParams.')) return 'programmeId';
  if (path === 'compositeMethod') return 'compositeMethod.components';
  return path;
}

export function indicatorResolver(years: number[]): Resolver<IndicatorFormValues, unknown, IndicatorCreateInput> {
  return (values, context, options) =>
    schemaResolver<IndicatorFormValues, IndicatorCreateInput>(indicatorCreateInput, {
      toInput: (input) => toIndicatorInput(input, years),
      fieldOf: (path) => indicatorFieldOf(path, values.periodicity),
    })(values, context, options);
}

/** The resolver of the edit form: the definition's fields, checked by the PATCH schema with the version read. */
export function indicatorUpdateResolver(version: number) {
  return schemaResolver<IndicatorFormValues, IndicatorUpdateInput>(indicatorUpdateInput, { toInput: (values) => toIndicatorUpdateInput(values, version), fieldOf: indicatorFieldOf });
}

export function indicatorFieldLabel(t: TFunction, name: string, years: number[], locale: 'ja' | 'en'): string {
  const target = /^targets\.(\d+)\.(\w+)$/.exec(name);
  if (target) return t('plans.indicatorForm.targetFor', { year: targetPeriodLabel(years[Number(target[1])] ?? 0, target[2] ?? 'value', locale) });
  const component = /^compositeMethod\.components\.(\d+)\.(\w+)$/.exec(name);
  if (component) {
    const leaves: Record<string, string> = {
      indicatorId: t('plans.indicatorForm.componentIndicator'),
      weight: t('plans.indicatorForm.componentWeight'),
      min: t('plans.indicatorForm.componentMin'),
      max: t('plans.indicatorForm.componentMax'),
      mean: t('plans.indicatorForm.componentMean'),
      sd: t('plans.indicatorForm.componentSd'),
    };
    return `${t('plans.indicatorForm.componentRow', { n: Number(component[1]) + 1 })} ${leaves[component[2] ?? ''] ?? ''}`;
  }
  const labels: Record<string, string> = {
    kind: t('plans.indicatorForm.kind'),
    nodeId: t('plans.indicatorForm.node'),
    code: t('plans.indicatorForm.code'),
    name: t('plans.indicatorForm.name'),
    unit: t('plans.indicatorForm.unit'),
    direction: t('plans.indicatorForm.direction'),
    periodicity: t('plans.indicatorForm.periodicity'),
    yearAggregation: t('plans.indicatorForm.yearAggregation'),
    decimals: t('plans.indicatorForm.decimals'),
    minValue: t('plans.indicatorForm.minValue'),
    maxValue: t('plans.indicatorForm.maxValue'),
    baselineValue: t('plans.indicatorForm.baselineValue'),
    baselineYear: t('plans.indicatorForm.baselineYear'),
    method: t('plans.indicatorForm.method'),
    source: t('plans.indicatorForm.source'),
    metricKey: t('plans.indicatorForm.metricKey'),
    programmeId: t('plans.indicatorForm.programme'),
    ownerIds: t('plans.indicatorForm.owners'),
    weight: t('plans.indicatorForm.weight'),
    'compositeMethod.effectiveFromYear': t('plans.indicatorForm.effectiveFromYear'),
    'compositeMethod.normalisation': t('plans.indicatorForm.normalisation'),
    'compositeMethod.capAt': t('plans.indicatorForm.capAt'),
    'compositeMethod.missing': t('plans.indicatorForm.missing'),
    'compositeMethod.explanation': t('plans.indicatorForm.explanation'),
    'compositeMethod.components': t('plans.indicatorForm.components'),
  };
  return labels[name] ?? name;
}

/** 「2025（令和7）年度」, or its 上期 / 下期 for the `first` / `second` input of a year's targets. */
function targetPeriodLabel(fiscalYear: number, input: string, locale: 'ja' | 'en'): string {
  return periodLabel(fiscalYear, input === 'first' ? 1 : input === 'second' ? 2 : null, locale);
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h3 id={id} className="mb-6 border-b border-solid-gray-420 pb-2 text-std-20B-150 text-solid-gray-900">
        {title}
      </h3>
      <div className="space-y-6">{children}</div>
    </section>
  );
}

/** A choice with its explanation under it, tied by aria-describedby. */
function ExplainedRadio({ name, value, label, help, register }: { name: string; value: string; label: string; help: string; register: object }) {
  const helpId = `${fieldId(name)}-${value}-help`;
  return (
    <div className="mb-2">
      <Radio value={value} {...register} aria-describedby={helpId}>
        {label}
      </Radio>
      <p id={helpId} className="ml-9 text-std-16N-170 text-solid-gray-700">
        {help}
      </p>
    </div>
  );
}

/**
 * The fields of an indicator: what kind (entered by hand, computed from Tsumugi's own records, or a
 * composite index of other indicators), what it measures, and its first targets. Every choice says in words
 * what it means; the parts that apply to one kind only appear for that kind. In `edit` mode the form offers
 * only what a definition change takes: the kind stays, targets are revised per period (with a reason) and a
 * composite index's method gets a new version, both on the indicator's page.
 */
export function IndicatorFormFields<TOutput>({
  form,
  years,
  nodes,
  indicators,
  metricSources,
  programmes,
  people,
  mode = 'create',
}: {
  form: UseFormReturn<IndicatorFormValues, unknown, TOutput>;
  years: number[];
  nodes: PlanNode[];
  indicators: IndicatorSummary[];
  metricSources: MetricSource[] | null;
  programmes: { id: string; name: string }[] | null;
  people: { id: string; name: string; role: string }[] | null;
  mode?: 'create' | 'edit';
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { register, control, formState, setValue, getValues } = form;
  const { errors } = formState;
  const targets = useFieldArray({ control, name: 'targets' });
  const [kind, periodicity, metricKey, baselineYear] = useWatch({ control, name: ['kind', 'periodicity', 'metricKey', 'baselineYear'] });
  const chosenSource = metricSources?.find((source) => source.key === metricKey);
  const isEdit = mode === 'edit';
  // Ten years before the plan to four into it, and the year already chosen wherever it lies.
  const baselineYears = Array.from({ length: 15 }, (_, index) => (years[0] ?? 2024) - 10 + index);
  if (baselineYear && !baselineYears.includes(Number(baselineYear))) baselineYears.push(Number(baselineYear));

  return (
    <>
      <Section title={t('plans.indicatorForm.sections.kind')} id="indicator-kind">
        {isEdit ? (
          <div>
            <p className="text-std-17B-170 text-solid-gray-900">{t('plans.indicatorForm.kind')}</p>
            <p className="mt-1 text-std-16N-170">
              <span className="text-std-16B-170">{kindLabel(t, kind)}</span>: {kindHelp(t, kind)}
            </p>
            <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('plans.indicatorEdit.kindFixed')}</p>
          </div>
        ) : (
          <FieldGroup name="kind" legend={t('plans.indicatorForm.kind')} required error={errors.kind?.message}>
            {indicatorKinds.map((value) => (
              <ExplainedRadio key={value} name="kind" value={value} label={kindLabel(t, value)} help={kindHelp(t, value)} register={register('kind')} />
            ))}
          </FieldGroup>
        )}
        <FormField name="nodeId" label={t('plans.indicatorForm.node')} support={t('plans.indicatorForm.nodeSupport')} error={errors.nodeId?.message}>
          {(fieldControl) => (
            <SelectInput {...fieldControl} {...register('nodeId')}>
              <option value="">{t('plans.indicators.planLevel')}</option>
              {nodes.map((node) => (
                <option key={node.id} value={node.id}>
                  {`${'　'.repeat(node.depth)}${node.level} ${nodeTitle(node)}`}
                </option>
              ))}
            </SelectInput>
          )}
        </FormField>
      </Section>

      <Section title={t('plans.indicatorForm.sections.definition')} id="indicator-definition">
        <FormField name="name" label={t('plans.indicatorForm.name')} required error={errors.name?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('name')} />}
        </FormField>
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
          <FormField name="code" label={t('plans.indicatorForm.code')} error={errors.code?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('code')} className="max-w-xs" />}
          </FormField>
          <FormField name="unit" label={t('plans.indicatorForm.unit')} support={t('plans.indicatorForm.unitSupport')} error={errors.unit?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('unit')} className="max-w-xs" />}
          </FormField>
          <FormField name="decimals" label={t('plans.indicatorForm.decimals')} support={t('plans.indicatorForm.decimalsSupport')} error={errors.decimals?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('decimals')} inputMode="numeric" className="max-w-xs" />}
          </FormField>
        </div>
        <FieldGroup name="direction" legend={t('plans.indicatorForm.direction')} required error={errors.direction?.message}>
          <div className="flex flex-wrap gap-x-8">
            {indicatorDirections.map((value) => (
              <Radio key={value} value={value} {...register('direction')}>
                {directionLabel(t, value)}
              </Radio>
            ))}
          </div>
        </FieldGroup>
        <FieldGroup
          name="periodicity"
          legend={t('plans.indicatorForm.periodicity')}
          required
          support={isEdit ? t('plans.indicatorEdit.periodicitySupport') : t('plans.indicatorForm.periodicitySupport')}
          error={errors.periodicity?.message}
        >
          <div className="flex flex-wrap gap-x-8">
            {periodicities.map((value) => (
              <Radio key={value} value={value} {...register('periodicity')}>
                {periodicityLabel(t, value)}
              </Radio>
            ))}
          </div>
        </FieldGroup>
        {periodicity === 'half' ? (
          <FieldGroup name="yearAggregation" legend={t('plans.indicatorForm.yearAggregation')} required support={t('plans.indicatorForm.yearAggregationSupport')} error={errors.yearAggregation?.message}>
            <div className="flex flex-wrap gap-x-8">
              {yearAggregations.map((value) => (
                <Radio key={value} value={value} {...register('yearAggregation')}>
                  {aggregationLabel(t, value)}
                </Radio>
              ))}
            </div>
          </FieldGroup>
        ) : null}
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
          <FormField name="minValue" label={t('plans.indicatorForm.minValue')} support={t('plans.indicatorForm.rangeSupport')} error={errors.minValue?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('minValue')} inputMode="decimal" className="max-w-xs" />}
          </FormField>
          <FormField name="maxValue" label={t('plans.indicatorForm.maxValue')} error={errors.maxValue?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('maxValue')} inputMode="decimal" className="max-w-xs" />}
          </FormField>
          <FormField name="baselineValue" label={t('plans.indicatorForm.baselineValue')} error={errors.baselineValue?.message}>
            {(fieldControl) => <TextInput {...fieldControl} {...register('baselineValue')} inputMode="decimal" className="max-w-xs" />}
          </FormField>
          <FormField name="baselineYear" label={t('plans.indicatorForm.baselineYear')} error={errors.baselineYear?.message}>
            {(fieldControl) => (
              <SelectInput {...fieldControl} {...register('baselineYear')}>
                <option value="">{t('plans.indicatorForm.noBaselineYear')}</option>
                <PlanYearOptions years={baselineYears} />
              </SelectInput>
            )}
          </FormField>
        </div>
        <FormField name="method" label={t('plans.indicatorForm.method')} support={t('plans.indicatorForm.methodSupport')} error={errors.method?.message}>
          {(fieldControl) => <TextArea {...fieldControl} {...register('method')} rows={3} />}
        </FormField>
        <FormField name="source" label={t('plans.indicatorForm.source')} support={t('plans.indicatorForm.sourceSupport')} error={errors.source?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('source')} />}
        </FormField>
        {people && people.length > 0 ? (
          <PeopleCheckboxes name="ownerIds" legend={t('plans.indicatorForm.owners')} support={t('plans.indicatorForm.ownersSupport')} error={errors.ownerIds?.message} people={people} registration={register('ownerIds')} />
        ) : null}
        <FormField name="weight" label={t('plans.indicatorForm.weight')} support={t('plans.indicatorForm.weightSupport')} error={errors.weight?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('weight')} inputMode="decimal" className="max-w-xs" />}
        </FormField>
      </Section>

      {kind === 'computed' ? (
        <Section title={t('plans.indicatorForm.sections.computed')} id="indicator-computed">
          {metricSources ? (
            <FieldGroup name="metricKey" legend={t('plans.indicatorForm.metricKey')} required support={t('plans.indicatorForm.metricKeySupport')} error={errors.metricKey?.message}>
              {metricSources.map((source) => (
                <ExplainedRadio
                  key={source.key}
                  name="metricKey"
                  value={source.key}
                  label={source.name.includes(source.unit) ? source.name : `${source.name}（${source.unit}）`}
                  help={source.description}
                  register={register('metricKey', {
                    onChange: () => {
                      if (!getValues('unit')) setValue('unit', source.unit);
                    },
                  })}
                />
              ))}
            </FieldGroup>
          ) : (
            <p className="text-std-16N-170">{t('status.loading')}</p>
          )}
          {chosenSource && !chosenSource.halfYear && periodicity === 'half' ? <p className="text-std-16B-170 text-error-2">{t('plans.indicatorForm.noHalfYear')}</p> : null}
          {programmes && chosenSource?.params.some((param) => param.name === 'programmeId') ? (
            <FormField name="programmeId" label={t('plans.indicatorForm.programme')} support={t('plans.indicatorForm.programmeSupport')} error={errors.programmeId?.message}>
              {(fieldControl) => (
                <SelectInput {...fieldControl} {...register('programmeId')}>
                  <option value="">{t('plans.indicatorForm.defaultProgramme')}</option>
                  {programmes.map((programme) => (
                    <option key={programme.id} value={programme.id}>
                      {programme.name}
                    </option>
                  ))}
                </SelectInput>
              )}
            </FormField>
          ) : null}
        </Section>
      ) : null}

      {kind === 'composite' && !isEdit ? (
        <Section title={t('plans.indicatorForm.sections.composite')} id="indicator-composite">
          <p className="text-std-16N-170 text-solid-gray-700">{t('plans.indicatorForm.compositeLead')}</p>
          {/* The same inputs under the same names (`compositeMethod.…`) as the method form's: react-hook-form's types
              cannot see that a form with more fields has those, hence the cast. */}
          <CompositeMethodFields form={form as unknown as UseFormReturn<MethodFormValues, unknown, unknown>} years={years} indicators={indicators} />
        </Section>
      ) : null}

      {isEdit ? null : (
        <Section title={periodicity === 'half' ? t('plans.indicatorForm.sections.halfTargets') : t('plans.indicatorForm.sections.targets')} id="indicator-targets">
          <p className="text-std-16N-170 text-solid-gray-700">{periodicity === 'half' ? t('plans.indicatorForm.targetsHalfLead') : t('plans.indicatorForm.targetsLead')}</p>
          {periodicity === 'half' ? (
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
              {targets.fields.map((field, index) => (
                <HalfTargetInputs key={field.id} form={form} index={index} fiscalYear={years[index] ?? 0} />
              ))}
            </div>
          ) : (
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {targets.fields.map((field, index) => (
                <FormField
                  key={field.id}
                  name={`targets.${index}.value`}
                  label={t('plans.indicatorForm.targetFor', { year: planYearLabel(years[index] ?? 0, locale) })}
                  error={errors.targets?.[index]?.value?.message}
                >
                  {(fieldControl) => <TextInput {...fieldControl} {...register(`targets.${index}.value`)} inputMode="decimal" className="max-w-xs" />}
                </FormField>
              ))}
            </div>
          )}
        </Section>
      )}
    </>
  );
}

/** A year's 上期 and 下期 targets, side by side (one row per plan year). */
function HalfTargetInputs<TOutput>({ form, index, fiscalYear }: { form: UseFormReturn<IndicatorFormValues, unknown, TOutput>; index: number; fiscalYear: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rowErrors = form.formState.errors.targets?.[index];
  return (
    <>
      <FormField name={`targets.${index}.first`} label={t('plans.indicatorForm.targetFor', { year: periodLabel(fiscalYear, 1, locale) })} error={rowErrors?.first?.message}>
        {(fieldControl) => <TextInput {...fieldControl} {...form.register(`targets.${index}.first`)} inputMode="decimal" className="max-w-xs" />}
      </FormField>
      <FormField name={`targets.${index}.second`} label={t('plans.indicatorForm.targetFor', { year: periodLabel(fiscalYear, 2, locale) })} error={rowErrors?.second?.message}>
        {(fieldControl) => <TextInput {...fieldControl} {...form.register(`targets.${index}.second`)} inputMode="decimal" className="max-w-xs" />}
      </FormField>
    </>
  );
}

/** The inputs of a composite index's method (a new indicator's first version, or a later version). */
export interface MethodFormValues {
  compositeMethod: CompositeMethodValues;
}

/** Where a problem with `POST …/methods` shows: the server names the body `method`. */
export function methodFieldOf(path: string): string | null {
  if (path === 'method') return 'compositeMethod.components';
  return path.startsWith('method.') ? `compositeMethod.${path.slice('method.'.length)}` : null;
}

export function methodResolver() {
  return schemaResolver<MethodFormValues, CompositeMethodInput>(compositeMethodInput, {
    toInput: (values) => toMethodInput(values.compositeMethod),
    fieldOf: (path) => `compositeMethod.${path}`,
  });
}

/**
 * How a composite index is computed: scoring of the parts, the parts with their weights (and the bounds or
 * reference the scoring needs), the score cap, the first year, the treatment of missing parts and the words
 * for the public page.
 */
export function CompositeMethodFields<TOutput>({ form, years, indicators }: { form: UseFormReturn<MethodFormValues, unknown, TOutput>; years: number[]; indicators: IndicatorSummary[] }) {
  const { t } = useTranslation();
  const { register, control, formState } = form;
  const errorsOf = formState.errors.compositeMethod;
  const components = useFieldArray({ control, name: 'compositeMethod.components' });
  const normalisation = useWatch({ control, name: 'compositeMethod.normalisation' });
  return (
    <>
      <FieldGroup name="compositeMethod.normalisation" legend={t('plans.indicatorForm.normalisation')} required error={errorsOf?.normalisation?.message}>
        {normalisations.map((value) => (
          <ExplainedRadio
            key={value}
            name="compositeMethod.normalisation"
            value={value}
            label={normalisationLabel(t, value)}
            help={normalisationHelp(t, value)}
            register={register('compositeMethod.normalisation')}
          />
        ))}
      </FieldGroup>
      <FieldGroup
        name="compositeMethod.components"
        legend={t('plans.indicatorForm.components')}
        required
        support={t('plans.indicatorForm.componentsSupport')}
        error={errorsOf?.components?.message ?? errorsOf?.components?.root?.message}
      >
        {indicators.length === 0 ? <p className="text-std-16N-170">{t('plans.indicatorForm.noComponents')}</p> : null}
        <ol className="space-y-4">
          {components.fields.map((field, index) => {
            const rowErrors = errorsOf?.components?.[index];
            return (
              <li key={field.id}>
                <fieldset className="rounded-8 border border-solid-gray-420 p-4">
                  <legend className="px-1 text-std-16B-170">{t('plans.indicatorForm.componentRow', { n: index + 1 })}</legend>
                  <div className="grid grid-cols-1 gap-4 sm:grid-cols-[minmax(0,2fr)_8rem]">
                    <FormField name={`compositeMethod.components.${index}.indicatorId`} label={t('plans.indicatorForm.componentIndicator')} required error={rowErrors?.indicatorId?.message}>
                      {(fieldControl) => (
                        <SelectInput {...fieldControl} {...register(`compositeMethod.components.${index}.indicatorId`)}>
                          <option value="">{t('common.notSelected')}</option>
                          {indicators.map((indicator) => (
                            <option key={indicator.id} value={indicator.id}>
                              {indicator.code ? `${indicator.code} ` : ''}
                              {indicator.name}
                            </option>
                          ))}
                        </SelectInput>
                      )}
                    </FormField>
                    <FormField name={`compositeMethod.components.${index}.weight`} label={t('plans.indicatorForm.componentWeight')} required error={rowErrors?.weight?.message}>
                      {(fieldControl) => <TextInput {...fieldControl} {...register(`compositeMethod.components.${index}.weight`)} inputMode="decimal" />}
                    </FormField>
                  </div>
                  {normalisation === 'min_max' ? (
                    <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
                      <FormField name={`compositeMethod.components.${index}.min`} label={t('plans.indicatorForm.componentMin')} required error={rowErrors?.min?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`compositeMethod.components.${index}.min`)} inputMode="decimal" className="max-w-xs" />}
                      </FormField>
                      <FormField name={`compositeMethod.components.${index}.max`} label={t('plans.indicatorForm.componentMax')} required error={rowErrors?.max?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`compositeMethod.components.${index}.max`)} inputMode="decimal" className="max-w-xs" />}
                      </FormField>
                    </div>
                  ) : null}
                  {normalisation === 'deviation' ? (
                    <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
                      <FormField name={`compositeMethod.components.${index}.mean`} label={t('plans.indicatorForm.componentMean')} required error={rowErrors?.mean?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`compositeMethod.components.${index}.mean`)} inputMode="decimal" className="max-w-xs" />}
                      </FormField>
                      <FormField name={`compositeMethod.components.${index}.sd`} label={t('plans.indicatorForm.componentSd')} required error={rowErrors?.sd?.message}>
                        {(fieldControl) => <TextInput {...fieldControl} {...register(`compositeMethod.components.${index}.sd`)} inputMode="decimal" className="max-w-xs" />}
                      </FormField>
                    </div>
                  ) : null}
                  {components.fields.length > 1 ? (
                    <Button size="sm" variant="text" className="mt-2" onClick={() => components.remove(index)}>
                      {t('plans.indicatorForm.removeComponent', { n: index + 1 })}
                    </Button>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button size="sm" className="mt-4" onClick={() => components.append({ ...emptyComponent })}>
          {t('plans.indicatorForm.addComponent')}
        </Button>
      </FieldGroup>
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <FormField name="compositeMethod.capAt" label={t('plans.indicatorForm.capAt')} support={t('plans.indicatorForm.capAtSupport')} error={errorsOf?.capAt?.message}>
          {(fieldControl) => <TextInput {...fieldControl} {...register('compositeMethod.capAt')} inputMode="decimal" className="max-w-xs" />}
        </FormField>
        <FormField name="compositeMethod.effectiveFromYear" label={t('plans.indicatorForm.effectiveFromYear')} required support={t('plans.indicatorForm.effectiveFromYearSupport')} error={errorsOf?.effectiveFromYear?.message}>
          {(fieldControl) => (
            <SelectInput {...fieldControl} {...register('compositeMethod.effectiveFromYear')}>
              <PlanYearOptions years={years} />
            </SelectInput>
          )}
        </FormField>
      </div>
      <FieldGroup name="compositeMethod.missing" legend={t('plans.indicatorForm.missing')} required error={errorsOf?.missing?.message}>
        {missingPolicies.map((value) => (
          <ExplainedRadio key={value} name="compositeMethod.missing" value={value} label={missingPolicyLabel(t, value)} help={missingPolicyHelp(t, value)} register={register('compositeMethod.missing')} />
        ))}
      </FieldGroup>
      <FormField name="compositeMethod.explanation" label={t('plans.indicatorForm.explanation')} support={t('plans.indicatorForm.explanationSupport')} error={errorsOf?.explanation?.message}>
        {(fieldControl) => <TextArea {...fieldControl} {...register('compositeMethod.explanation')} rows={3} />}
      </FormField>
    </>
  );
}

/** 「合成指標が自分自身を参照しています（A → B → A）…」: the server names the indicators of the cycle (`cycleIds` has their IDs). */
function cycleMessage(t: TFunction, error: ApiError): string {
  return errorText(t, 'INDICATOR_CYCLE', { cycle: typeof error.details.cycle === 'string' ? error.details.cycle : '' });
}

/**
 * A new version of a composite index's method, from a fiscal year on (earlier years keep the version they
 * were computed with). It starts as a copy of the latest version; a part that leads back to the index itself
 * (through another index) is refused at the components.
 */
export function AddMethodDialog({
  indicator,
  years,
  indicators,
  onClose,
  onSaved,
}: {
  indicator: IndicatorDetail;
  years: number[];
  indicators: IndicatorSummary[];
  onClose: () => void;
  onSaved: (indicator: IndicatorDetail) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const add = useAddMethod(indicator.id);
  const feedback = useFormFeedback();
  const form = useForm<MethodFormValues, unknown, CompositeMethodInput>({ resolver: methodResolver(), defaultValues: methodToForm(indicator.methods[0], years), shouldFocusError: false });
  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    runMutation(add, values, {
      onSuccess: onSaved,
      onError: (error) => {
        if (isApiError(error) && error.code === 'INDICATOR_CYCLE') {
          // The whole sentence, naming the indicators of the circle, belongs at the components.
          form.setError('compositeMethod.components', { type: 'indicator_cycle', message: cycleMessage(t, error) });
          feedback.onInvalid();
          return;
        }
        showServerError(feedback, error, form.setError, t, methodFieldOf);
      },
    });
  }, feedback.onInvalid);
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.methodForm.title', { name: indicator.name })}
      onSubmit={onSubmit}
      isSaving={add.isPending}
      submitLabel={t('plans.methodForm.submit')}
      summary={summaryItems(form.formState.errors, (name) => indicatorFieldLabel(t, name, years, locale))}
      formError={feedback.formError}
      attempt={feedback.attempt}
      lead={<p className="text-std-16N-170 text-solid-gray-700">{indicator.methods.length > 0 ? t('plans.methodForm.lead', { version: indicator.methods[0]?.methodVersion ?? 1 }) : t('plans.methodForm.leadFirst')}</p>}
    >
      <CompositeMethodFields form={form} years={years} indicators={indicators} />
    </FormDialog>
  );
}
