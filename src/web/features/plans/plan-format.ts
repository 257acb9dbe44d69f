import type { TFunction } from 'i18next';
import { warekiFiscalYear } from '../../../shared/domain/fiscal-year';
import { eraYearText } from '../../../shared/domain/wareki';
import type { Locale } from '../../i18n';

/*
 * How the plans module writes years, periods, figures and its words. Pure functions (no React), shared by the
 * signed-in pages and the light public pages. Every label is a literal key in a t() call (never a key built
 * from a value), so that the catalog extraction keeps it.
 */

/** 「2025（令和7）年度」 / 「FY2025 (Reiwa 7)」: the form the plan documents use (as the server's period labels). */
export function planYearLabel(fiscalYear: number, locale: Locale): string {
  const wareki = warekiFiscalYear(fiscalYear);
  return locale === 'ja' ? `${fiscalYear}（${wareki.era}${eraYearText(wareki.year)}）年度` : `FY${fiscalYear} (${wareki.eraEn} ${wareki.year})`;
}

/** 「2024（令和6）年度〜2028（令和10）年度」 */
export function planPeriodLabel(startYear: number, endYear: number, locale: Locale): string {
  return `${planYearLabel(startYear, locale)}${locale === 'ja' ? '〜' : ' – '}${planYearLabel(endYear, locale)}`;
}

/** A period: the year, or its 上期 / 下期. */
export function periodLabel(fiscalYear: number, half: 1 | 2 | null, locale: Locale): string {
  const year = planYearLabel(fiscalYear, locale);
  if (half === null) return year;
  if (locale === 'ja') return `${year} ${half === 1 ? '上期' : '下期'}`;
  return `${year} ${half === 1 ? 'first half' : 'second half'}`;
}

/** The fiscal years of a plan, oldest first. */
export function yearsOf(plan: { startYear: number; endYear: number }): number[] {
  const years: number[] = [];
  for (let year = plan.startYear; year <= plan.endYear; year++) years.push(year);
  return years;
}

/** The year to show first: the current fiscal year when the plan covers it, else the nearest end. */
export function defaultYearOf(plan: { startYear: number; endYear: number }, currentYear: number): number {
  return Math.min(plan.endYear, Math.max(plan.startYear, currentYear));
}

/** Formatters are costly to make and a page of tables formats thousands of figures: one per shape. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, decimals: number, exact: boolean): Intl.NumberFormat {
  const key = `${locale}|${decimals}|${exact}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { minimumFractionDigits: exact ? decimals : 0, maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format;
}

/** A figure with the indicator's decimals: 「77.5」, 「1,234」. */
export function formatNumber(value: number, decimals: number, locale: Locale): string {
  return numberFormat(locale, decimals, true).format(value);
}

/** A figure with its unit: 「77.5%」, 「109件」; null → 「—」 (the caller says why in words nearby). */
export function formatValue(value: number | null | undefined, decimals: number, unit: string, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  const text = formatNumber(value, decimals, locale);
  if (!unit) return text;
  return locale === 'en' && unit !== '%' ? `${text} ${unit}` : `${text}${unit}`;
}

/** Progress or 達成率 with one decimal at most: 「77.5%」. */
export function formatPercent(value: number, locale: Locale): string {
  return `${numberFormat(locale, 1, false).format(value)}%`;
}

/** A weight share (0–1) as a percentage: 「62.5%」. */
export function formatShare(share: number, locale: Locale): string {
  return formatPercent(share * 100, locale);
}

/** A plain number (weights, sums) with up to two decimals. */
export function formatPlain(value: number, locale: Locale): string {
  return numberFormat(locale, 2, false).format(value);
}

/** The name of a plan-defined option (status, grade) in the UI language. */
export function optionName(option: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === 'en' && option.nameEn ? option.nameEn : option.name;
}

/** Names an option of the plan's list (statuses, grades) by key; a key the list no longer has is shown as it is. */
export function optionNamer(options: { key: string; name: string; nameEn?: string | null }[], locale: Locale): (key: string) => string {
  return (key) => {
    const option = options.find((candidate) => candidate.key === key);
    return option ? optionName(option, locale) : key;
  };
}

/** A node as people refer to it: 「1-2 農林水産業」. */
export function nodeTitle(node: { code: string | null; title: string }): string {
  return node.code ? `${node.code} ${node.title}` : node.title;
}

/* ---------- words ---------- */

export type IndicatorKind = 'manual' | 'computed' | 'composite';
export type Normalisation = 'target_share' | 'min_max' | 'deviation';

export function kindLabel(t: TFunction, kind: IndicatorKind): string {
  if (kind === 'computed') return t('plans.kind.computed');
  if (kind === 'composite') return t('plans.kind.composite');
  return t('plans.kind.manual');
}

export function kindHelp(t: TFunction, kind: IndicatorKind): string {
  if (kind === 'computed') return t('plans.kind.computedHelp');
  if (kind === 'composite') return t('plans.kind.compositeHelp');
  return t('plans.kind.manualHelp');
}

export function directionLabel(t: TFunction, direction: 'higher' | 'lower'): string {
  return direction === 'lower' ? t('plans.direction.lower') : t('plans.direction.higher');
}

export function periodicityLabel(t: TFunction, periodicity: 'year' | 'half'): string {
  return periodicity === 'half' ? t('plans.periodicity.half') : t('plans.periodicity.year');
}

export function aggregationLabel(t: TFunction, aggregation: 'sum' | 'last' | 'mean'): string {
  if (aggregation === 'last') return t('plans.aggregation.last');
  if (aggregation === 'mean') return t('plans.aggregation.mean');
  return t('plans.aggregation.sum');
}

export function normalisationLabel(t: TFunction, normalisation: Normalisation): string {
  if (normalisation === 'min_max') return t('plans.normalisation.min_max');
  if (normalisation === 'deviation') return t('plans.normalisation.deviation');
  return t('plans.normalisation.target_share');
}

export function normalisationHelp(t: TFunction, normalisation: Normalisation): string {
  if (normalisation === 'min_max') return t('plans.normalisation.min_maxHelp');
  if (normalisation === 'deviation') return t('plans.normalisation.deviationHelp');
  return t('plans.normalisation.target_shareHelp');
}

export function missingPolicyLabel(t: TFunction, policy: 'renormalise' | 'require_all'): string {
  return policy === 'require_all' ? t('plans.missingPolicy.require_all') : t('plans.missingPolicy.renormalise');
}

export function missingPolicyHelp(t: TFunction, policy: 'renormalise' | 'require_all'): string {
  return policy === 'require_all' ? t('plans.missingPolicy.require_allHelp') : t('plans.missingPolicy.renormaliseHelp');
}

export function rollupMethodLabel(t: TFunction, method: 'weighted' | 'average'): string {
  return method === 'weighted' ? t('plans.rollupMethod.weighted') : t('plans.rollupMethod.average');
}

export function rollupMethodHelp(t: TFunction, method: 'weighted' | 'average'): string {
  return method === 'weighted' ? t('plans.rollupMethod.weightedHelp') : t('plans.rollupMethod.averageHelp');
}

export function updateStatusLabel(t: TFunction, status: 'draft' | 'submitted' | 'returned' | 'approved'): string {
  if (status === 'submitted') return t('plans.updateStatus.submitted');
  if (status === 'returned') return t('plans.updateStatus.returned');
  if (status === 'approved') return t('plans.updateStatus.approved');
  return t('plans.updateStatus.draft');
}

export type ReportingState = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved' | 'computed';

export function reportingStateLabel(t: TFunction, state: ReportingState): string {
  if (state === 'draft') return t('plans.reportingState.draft');
  if (state === 'submitted') return t('plans.reportingState.submitted');
  if (state === 'returned') return t('plans.reportingState.returned');
  if (state === 'approved') return t('plans.reportingState.approved');
  if (state === 'computed') return t('plans.reportingState.computed');
  return t('plans.reportingState.not_started');
}

export function termLabel(t: TFunction, term: 'first_half' | 'annual'): string {
  return term === 'first_half' ? t('plans.term.first_half') : t('plans.term.annual');
}

export type AchievementClass = 'achieved' | 'on_track' | 'behind' | 'no_actual';

export function achievementClassLabel(t: TFunction, value: AchievementClass): string {
  if (value === 'achieved') return t('plans.achievementClass.achieved');
  if (value === 'on_track') return t('plans.achievementClass.on_track');
  if (value === 'behind') return t('plans.achievementClass.behind');
  return t('plans.achievementClass.no_actual');
}

export function reviewStatusLabel(t: TFunction, status: 'draft' | 'final'): string {
  return status === 'final' ? t('plans.reviewStatus.final') : t('plans.reviewStatus.draft');
}

/** The 達成率 in words: 「98.7%」, or why there is none. */
export function achievementText(t: TFunction, achievement: number | null, locale: Locale): string {
  return achievement === null ? t('plans.figures.noAchievement') : formatPercent(achievement, locale);
}

export interface RollupExplanationLike {
  source: 'manual' | 'status' | 'weighted' | 'average' | 'none';
  inputs: { nodeId: string; title: string; progress: number | null; weight: number; share: number | null }[];
  missing: string[];
  weightSum: number | null;
  normalised: boolean;
  statusKey: string | null;
}

/**
 * How a node's progress was obtained, sentence by sentence (the "how computed" disclosure): the source, each
 * child's progress, weight and share, the children left out, and a normalisation of the weights.
 */
export function rollupSentences(
  t: TFunction,
  explanation: RollupExplanationLike,
  progress: number | null,
  locale: Locale,
  context: { statusName?: (key: string) => string; titleOf?: (nodeId: string) => string },
): { lead: string; inputs: string[]; notes: string[] } {
  const value = progress === null ? t('plans.progress.none') : formatPercent(progress, locale);
  let lead: string;
  if (explanation.source === 'manual') lead = t('plans.explain.manual', { value });
  else if (explanation.source === 'status')
    lead = t('plans.explain.status', { value, status: explanation.statusKey && context.statusName ? context.statusName(explanation.statusKey) : (explanation.statusKey ?? '') });
  else if (explanation.source === 'weighted') lead = t('plans.explain.weighted', { value });
  else if (explanation.source === 'average') lead = t('plans.explain.average', { value });
  else lead = t('plans.explain.none');

  const inputs =
    explanation.source === 'weighted' || explanation.source === 'average'
      ? explanation.inputs.map((input) =>
          input.progress === null
            ? t('plans.explain.inputMissing', { title: input.title })
            : explanation.source === 'weighted'
              ? t('plans.explain.inputWeighted', {
                  title: input.title,
                  progress: formatPercent(input.progress, locale),
                  weight: formatPlain(input.weight, locale),
                  share: input.share === null ? '—' : formatShare(input.share, locale),
                })
              : t('plans.explain.inputAverage', {
                  title: input.title,
                  progress: formatPercent(input.progress, locale),
                  share: input.share === null ? '—' : formatShare(input.share, locale),
                }),
        )
      : [];

  const notes: string[] = [];
  if (explanation.missing.length > 0) {
    const names = explanation.missing.map((id) => context.titleOf?.(id) ?? explanation.inputs.find((input) => input.nodeId === id)?.title ?? id);
    notes.push(t('plans.explain.missing', { count: explanation.missing.length, names: names.join(locale === 'ja' ? '、' : ', ') }));
  }
  if (explanation.normalised && explanation.weightSum !== null) notes.push(t('plans.explain.normalised', { sum: formatPlain(explanation.weightSum, locale) }));
  return { lead, inputs, notes };
}
