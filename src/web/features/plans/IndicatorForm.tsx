import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { indicatorDirections, indicatorKinds, missingPolicies, normalisations, periodicities, yearAggregations } from '../../../shared/domain/plans';
import { type IndicatorCreateInput, indicatorCreateInput } from '../../../shared/schemas/plan';
import { Button } from '../../components/Button';
import { Checkbox, FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { currentLocale } from '../../i18n';
import { fieldId, schemaResolver } from '../../lib/form';
import { toNumber } from '../cases/case-form-values';
import { roleName } from './PlanForm';
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
  periodicityLabel,
  planYearLabel,
} from './plan-format';
import type { IndicatorSummary, MetricSource, PlanNode } from './plans.api';

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
  targets: { value: string }[];
  compositeMethod: {
    effectiveFromYear: string;
    normalisation: NormalisationKey;
    capAt: string;
    missing: 'renormalise' | 'require_all';
    explanation: string;
    components: ComponentRow[];
  };
}

export const emptyComponent: ComponentRow = { indicatorId: '', weight: '1', min: '', max: '', mean: '', sd: '' };

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
    targets: years.map(() => ({ value: '' })),
    compositeMethod: { effectiveFromYear: String(years[0] ?? ''), normalisation: 'target_share', capAt: '', missing: 'renormalise', explanation: '', components: [{ ...emptyComponent }] },
  };
}

function toIndicatorInput(values: IndicatorFormValues, years: number[]) {
  const composite = values.compositeMethod;
  const normalisation = composite.normalisation;
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
    targets: years.map((fiscalYear, index) => ({ fiscalYear, half: null, target: toNumber(values.targets[index]?.value ?? '', null) })),
    compositeMethod:
      values.kind === 'composite'
        ? {
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
          }
        : undefined,
  };
}

/** Where an API problem shows in the form. */
export function indicatorFieldOf(path: string): string {
  const target = /^targets\.(\d+)/.exec(path);
  if (target) return `targets.${target[1]}.value`;
  if (path.startsWith('metricParams.')) return 'programmeId';
  if (path === 'compositeMethod') return 'compositeMethod.components';
  return path;
}

export function indicatorResolver(years: number[]) {
  return schemaResolver<IndicatorFormValues, IndicatorCreateInput>(indicatorCreateInput, { toInput: (values) => toIndicatorInput(values, years), fieldOf: indicatorFieldOf });
}

export function indicatorFieldLabel(t: TFunction, name: string, years: number[], locale: 'ja' | 'en'): string {
  const target = /^targets\.(\d+)/.exec(name);
  if (target) return t('plans.indicatorForm.targetFor', { year: planYearLabel(years[Number(target[1])] ?? 0, locale) });
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
 * The fields of a new indicator: what kind (entered by hand, computed from Tsumugi's own records, or a
 * composite index of other indicators), what it measures, and its first targets. Every choice says in words
 * what it means; the parts that apply to one kind only appear for that kind.
 */
export function IndicatorFormFields({
  form,
  years,
  nodes,
  indicators,
  metricSources,
  programmes,
  people,
}: {
  form: UseFormReturn<IndicatorFormValues, unknown, IndicatorCreateInput>;
  years: number[];
  nodes: PlanNode[];
  indicators: IndicatorSummary[];
  metricSources: MetricSource[] | null;
  programmes: { id: string; name: string }[] | null;
  people: { id: string; name: string; role: string }[] | null;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { register, control, formState, setValue, getValues } = form;
  const { errors } = formState;
  const components = useFieldArray({ control, name: 'compositeMethod.components' });
  const targets = useFieldArray({ control, name: 'targets' });
  const [kind, periodicity, metricKey, normalisation] = useWatch({ control, name: ['kind', 'periodicity', 'metricKey', 'compositeMethod.normalisation'] });
  const chosenSource = metricSources?.find((source) => source.key === metricKey);
  const errorsOf = errors.compositeMethod;

  return (
    <>
      <Section title={t('plans.indicatorForm.sections.kind')} id="indicator-kind">
        <FieldGroup name="kind" legend={t('plans.indicatorForm.kind')} required error={errors.kind?.message}>
          {indicatorKinds.map((value) => (
            <ExplainedRadio key={value} name="kind" value={value} label={kindLabel(t, value)} help={kindHelp(t, value)} register={register('kind')} />
          ))}
        </FieldGroup>
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
        <FieldGroup name="periodicity" legend={t('plans.indicatorForm.periodicity')} required support={t('plans.indicatorForm.periodicitySupport')} error={errors.periodicity?.message}>
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
                {Array.from({ length: 15 }, (_, index) => (years[0] ?? 2024) - 10 + index).map((year) => (
                  <option key={year} value={year}>
                    {planYearLabel(year, locale)}
                  </option>
                ))}
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
          <FieldGroup name="ownerIds" legend={t('plans.indicatorForm.owners')} required={false} support={t('plans.indicatorForm.ownersSupport')} error={errors.ownerIds?.message}>
            <div className="grid max-h-64 grid-cols-1 gap-x-6 overflow-y-auto sm:grid-cols-2">
              {people.map((person) => (
                <Checkbox key={person.id} value={person.id} {...register('ownerIds')}>
                  {person.name}
                  <span className="text-solid-gray-700">（{roleName(t, person.role)}）</span>
                </Checkbox>
              ))}
            </div>
          </FieldGroup>
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

      {kind === 'composite' ? (
        <Section title={t('plans.indicatorForm.sections.composite')} id="indicator-composite">
          <p className="text-std-16N-170 text-solid-gray-700">{t('plans.indicatorForm.compositeLead')}</p>
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
                  {years.map((year) => (
                    <option key={year} value={year}>
                      {planYearLabel(year, locale)}
                    </option>
                  ))}
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
        </Section>
      ) : null}

      <Section title={t('plans.indicatorForm.sections.targets')} id="indicator-targets">
        <p className="text-std-16N-170 text-solid-gray-700">{periodicity === 'half' ? t('plans.indicatorForm.targetsHalfLead') : t('plans.indicatorForm.targetsLead')}</p>
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
      </Section>
    </>
  );
}
