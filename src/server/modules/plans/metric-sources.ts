import type { z } from 'zod';
import type { metricExplanation } from '../../../shared/schemas/plan';
import type { Db } from '../../db/client';
import type { Locale } from '../../platform/i18n';
import { translator } from '../../platform/i18n';
import * as programmes from '../programmes/programmes.repository';
import type { ProgrammeRow } from '../programmes/programmes.repository';
import { countingRuleOf } from '../reports/counting';
import * as repository from './metric-sources.repository';
import type { MetricPeriod } from './metric-sources.repository';

type MetricExplanation = z.output<typeof metricExplanation>;

/**
 * Named metric sources: values a computed indicator takes from Tsumugi's own operational data, for a period
 * (a fiscal year or a half). Each is documented (GET /api/v1/metric-sources) and explains every value it
 * gives: the programme and its counting rules, the dates, the counts.
 *
 * The desk's counting sources apply a funding programme's rules (ADR 0014) exactly as the commission report
 * does (they share `countedFacts`): with `programmeId` that programme; without, "the default programme of each
 * date", i.e. every active default programme overlapping the period, each narrowed to the period.
 */

export type { MetricPeriod };

interface MetricDefinition {
  key: string;
  unit: string;
  params: { name: string; required: boolean }[];
  halfYear: boolean;
  /** value null: nothing to count by for the period (no programme covers it). */
  compute(tx: Db, tenantId: string, params: Record<string, unknown>, period: MetricPeriod): Promise<{ value: number | null; detail: Record<string, unknown> }>;
}

/** Which programmes count for the period: the one named, or the default programmes overlapping it. */
async function programmesFor(tx: Db, tenantId: string, params: Record<string, unknown>, period: MetricPeriod): Promise<ProgrammeRow[]> {
  const programmeId = typeof params.programmeId === 'string' ? params.programmeId : null;
  if (programmeId) {
    const programme = await programmes.findProgramme(tx, tenantId, programmeId);
    if (!programme) throw new MetricParamError('programmeId', 'unknown_programme');
    return programme.startsOn <= period.to && programme.endsOn >= period.from ? [programme] : [];
  }
  return programmes.findDefaultProgrammes(tx, tenantId, period);
}

function describeProgramme(programme: ProgrammeRow) {
  return {
    id: programme.id,
    name: programme.name,
    period: { from: programme.startsOn, to: programme.endsOn },
    countedChannels: programme.countedChannels,
    countedCaseTypes: programme.countedCaseTypes,
    minimumMinutes: programme.minimumMinutes,
    minutesBasis: programme.minutesBasis,
    companyIdentity: programme.companyIdentity,
    version: programme.version,
  };
}

/** The counted set of each programme over the period: supports, distinct identities, new identities, minutes. */
async function countedFigures(tx: Db, tenantId: string, params: Record<string, unknown>, period: MetricPeriod) {
  const found = await programmesFor(tx, tenantId, params, period);
  if (found.length === 0) return null;
  const identities = new Set<string>();
  const newIdentities = new Set<string>();
  let supports = 0;
  let minutes = 0;
  const perProgramme: Record<string, unknown>[] = [];
  for (const programme of found) {
    const rule = countingRuleOf(programme, period);
    const rows = await repository.countedByIdentity(tx, tenantId, rule);
    let programmeSupports = 0;
    for (const row of rows) {
      identities.add(row.identity);
      if (row.isNew) newIdentities.add(row.identity);
      programmeSupports += row.supports;
      minutes += row.minutes;
    }
    supports += programmeSupports;
    perProgramme.push({ ...describeProgramme(programme), counted: { from: rule.from, to: rule.to, supports: programmeSupports, companies: rows.length } });
  }
  return { supports, companies: identities.size, newCompanies: newIdentities.size, hours: Math.round((minutes / 60) * 10) / 10, programmes: perProgramme };
}

/** Outcomes recorded at follow-ups in the period (3/6/12 months after a case closed), per company. */
async function followUpOutcome(tx: Db, tenantId: string, column: 'tool_adopted' | 'subsidy_adopted' | 'dx_certified', period: MetricPeriod) {
  const counts = await repository.followUpOutcomes(tx, tenantId, column, period);
  return { value: counts.companies, detail: { outcome: column, followUps: counts.followUps, companies: counts.companies } };
}

const programmeParam = { name: 'programmeId', required: false };
/** No programme covers the period: there is no rule to count by, so no value (not zero). */
const NO_PROGRAMME = { value: null, detail: { reason: 'no_programme' } };

const definitions: MetricDefinition[] = [
  // The four figures of the counted set, each under the same programme rules.
  ...(
    [
      ['desk.supports', '件', 'supports'],
      ['desk.companies', '社', 'companies'],
      ['desk.new_companies', '社', 'newCompanies'],
      ['desk.hours', '時間', 'hours'],
    ] as const
  ).map(
    ([key, unit, figure]): MetricDefinition => ({
      key,
      unit,
      params: [programmeParam],
      halfYear: true,
      async compute(tx, tenantId, params, period) {
        const figures = await countedFigures(tx, tenantId, params, period);
        return figures ? { value: figures[figure], detail: figures } : NO_PROGRAMME;
      },
    }),
  ),
  {
    key: 'desk.cases_received',
    unit: '件',
    params: [],
    halfYear: true,
    async compute(tx, tenantId, _params, period) {
      const cases = await repository.casesReceived(tx, tenantId, period);
      return { value: cases, detail: { cases } };
    },
  },
  ...(['tool_adopted', 'subsidy_adopted', 'dx_certified'] as const).map(
    (column): MetricDefinition => ({
      key: `desk.follow_up.${column}`,
      unit: '社',
      params: [],
      halfYear: true,
      compute: (tx, tenantId, _params, period) => followUpOutcome(tx, tenantId, column, period),
    }),
  ),
];

const byKey = new Map(definitions.map((definition) => [definition.key, definition]));

/** A parameter a metric source cannot use (an unknown programme…), reported on `metricParams.<name>`. */
export class MetricParamError extends Error {
  constructor(
    readonly param: string,
    readonly code: string,
  ) {
    super(code);
  }
}

export function isMetricKey(key: string): boolean {
  return byKey.has(key);
}

/** Parameter names a source does not take, or required ones missing: field problems for the indicator form. */
export function checkMetricParams(key: string, params: Record<string, unknown>): { path: string; code: string }[] {
  const definition = byKey.get(key);
  if (!definition) return [{ path: 'metricKey', code: 'unknown_metric_source' }];
  const known = new Set(definition.params.map((param) => param.name));
  return [
    ...Object.keys(params)
      .filter((name) => !known.has(name))
      .map((name) => ({ path: `metricParams.${name}`, code: 'unknown_metric_param' })),
    ...definition.params.filter((param) => param.required && params[param.name] == null).map((param) => ({ path: `metricParams.${param.name}`, code: 'required' })),
    ...(params.programmeId !== undefined && (typeof params.programmeId !== 'string' || !/^[0-9a-f-]{36}$/i.test(params.programmeId))
      ? [{ path: 'metricParams.programmeId', code: 'invalid_uuid' }]
      : []),
  ];
}

/** The value of a metric source for a period, with how it was obtained. */
export async function computeMetric(tx: Db, tenantId: string, key: string, params: Record<string, unknown>, period: MetricPeriod): Promise<MetricExplanation> {
  const definition = byKey.get(key);
  if (!definition) return { kind: 'metric', metricKey: key, params, from: period.from, to: period.to, detail: { error: 'unknown_metric_source' }, value: null };
  const { value, detail } = await definition.compute(tx, tenantId, params, period);
  return { kind: 'metric', metricKey: key, params, from: period.from, to: period.to, detail, value };
}

/** The catalogue of metric sources in the reader's language (names and what each counts, from plans.json). */
export function metricSourceCatalogue(locale: Locale) {
  const t = translator(locale, 'plans');
  return definitions.map((definition) => ({
    key: definition.key,
    name: t(`metricSources.${definition.key}.name`),
    description: t(`metricSources.${definition.key}.description`),
    unit: definition.unit,
    params: definition.params.map((param) => ({ name: param.name, description: t(`metricSources.params.${param.name}`), required: param.required })),
    halfYear: definition.halfYear,
  }));
}
