import { useTranslation } from 'react-i18next';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { currentLocale } from '../../i18n';
import { formatLongDate } from '../../lib/dates';
import { aggregationLabel, formatPercent, formatPlain, formatShare, formatValue, missingPolicyHelp, missingPolicyLabel, normalisationHelp, normalisationLabel, planYearLabel } from './plan-format';

/*
 * How a figure of an indicator was obtained, in words and tables: the versions of a composite index's method,
 * one period's composite result part by part, a computed value's source and counts, a year made of halves.
 * Plain HTML (the public pages show the methods too).
 */

interface MethodLike {
  id: string;
  methodVersion: number;
  effectiveFromYear: number;
  normalisation: 'target_share' | 'min_max' | 'deviation';
  capAt: number | null;
  missing: 'renormalise' | 'require_all';
  components: { indicatorId: string; name: string; weight: number; min: number | null; max: number | null; mean: number | null; sd: number | null }[];
  explanation: string;
  createdAt: string;
  createdBy?: { id: string; name: string } | null;
}

/** Every version of a composite index's method, newest first: from which year, how parts are scored and weighted. */
export function CompositeMethods({ methods, headingLevel = 3 }: { methods: MethodLike[]; headingLevel?: 3 | 4 | 5 }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const Heading = `h${headingLevel}` as 'h3';
  if (methods.length === 0) return <p className="text-std-16N-170">{t('plans.method.none')}</p>;
  return (
    <ol className="space-y-6">
      {methods.map((method) => {
        const weightSum = method.components.reduce((sum, part) => sum + part.weight, 0);
        return (
          <li key={method.id} className="rounded-8 border border-solid-gray-420 p-4">
            <Heading className="text-std-17B-170">
              {t('plans.method.version', { version: method.methodVersion, year: planYearLabel(method.effectiveFromYear, locale) })}
            </Heading>
            {method.explanation ? <p className="mt-1 whitespace-pre-wrap text-std-16N-170">{method.explanation}</p> : null}
            <ul className="mt-2 list-disc space-y-1 pl-6 text-std-16N-170">
              <li>
                {t('plans.method.normalisation', { name: normalisationLabel(t, method.normalisation) })} {normalisationHelp(t, method.normalisation)}
              </li>
              <li>{method.capAt === null ? t('plans.method.noCap') : t('plans.method.cap', { cap: formatPlain(method.capAt, locale) })}</li>
              <li>
                {missingPolicyLabel(t, method.missing)}: {missingPolicyHelp(t, method.missing)}
              </li>
              {method.createdBy ? <li>{t('plans.method.created', { name: method.createdBy.name, date: formatLongDate(method.createdAt, locale) })}</li> : null}
            </ul>
            <DataTable caption={t('plans.method.componentsCaption', { version: method.methodVersion })} className="mt-3">
              <ColumnHeaders
                columns={[
                  t('plans.method.component'),
                  { label: t('plans.method.weight'), end: true },
                  { label: t('plans.method.weightShare'), end: true },
                  ...(method.normalisation === 'min_max' ? [{ label: t('plans.method.min'), end: true as const }, { label: t('plans.method.max'), end: true as const }] : []),
                  ...(method.normalisation === 'deviation' ? [{ label: t('plans.method.mean'), end: true as const }, { label: t('plans.method.sd'), end: true as const }] : []),
                ]}
              />
              <tbody>
                {method.components.map((part) => (
                  <tr key={part.indicatorId} className={bodyRowClass}>
                    <th scope="row" className={`${thClass} min-w-48 font-normal`}>
                      {part.name}
                    </th>
                    <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{formatPlain(part.weight, locale)}</td>
                    <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{weightSum > 0 ? formatShare(part.weight / weightSum, locale) : '—'}</td>
                    {method.normalisation === 'min_max' ? (
                      <>
                        <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{part.min === null ? '—' : formatPlain(part.min, locale)}</td>
                        <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{part.max === null ? '—' : formatPlain(part.max, locale)}</td>
                      </>
                    ) : null}
                    {method.normalisation === 'deviation' ? (
                      <>
                        <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{part.mean === null ? '—' : formatPlain(part.mean, locale)}</td>
                        <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{part.sd === null ? '—' : formatPlain(part.sd, locale)}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </li>
        );
      })}
    </ol>
  );
}

interface CompositeExplanationLike {
  kind: 'composite';
  methodVersion: number;
  normalisation: 'target_share' | 'min_max' | 'deviation';
  capAt: number | null;
  missingPolicy: 'renormalise' | 'require_all';
  components: { indicatorId: string; name: string; value: number | null; target: number | null; score: number | null; weight: number; share: number | null }[];
  missing: string[];
  result: number | null;
}

interface MetricExplanationLike {
  kind: 'metric';
  metricKey: string;
  from: string;
  to: string;
  detail: Record<string, unknown>;
  value: number | null;
}

interface HalvesExplanationLike {
  kind: 'halves';
  aggregation: 'sum' | 'last' | 'mean';
  firstHalf: number | null;
  secondHalf: number | null;
  partial: boolean;
  value: number | null;
}

export type ExplanationLike = CompositeExplanationLike | MetricExplanationLike | HalvesExplanationLike;

/** One period's figure explained: part by part for an index, the counts for a computed value, the halves for a year. */
export function PeriodExplanation({
  explanation,
  decimals,
  unit,
  periodLabel,
  sourceName,
}: {
  explanation: ExplanationLike;
  decimals: number;
  unit: string;
  periodLabel: string;
  sourceName?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const value = (number: number | null) => (number === null ? t('plans.figures.noActual') : formatValue(number, decimals, unit, locale));
  if (explanation.kind === 'composite') {
    return (
      <div className="space-y-3 text-std-16N-170">
        <p>
          {explanation.result === null
            ? t('plans.explainPeriod.compositeNone', { version: explanation.methodVersion, normalisation: normalisationLabel(t, explanation.normalisation) })
            : t('plans.explainPeriod.composite', {
                version: explanation.methodVersion,
                normalisation: normalisationLabel(t, explanation.normalisation),
                result: value(explanation.result),
              })}
        </p>
        <DataTable caption={t('plans.explainPeriod.compositeCaption', { period: periodLabel })}>
          <ColumnHeaders
            columns={[
              t('plans.method.component'),
              { label: t('plans.explainPeriod.value'), end: true },
              { label: t('plans.explainPeriod.target'), end: true },
              { label: t('plans.explainPeriod.score'), end: true },
              { label: t('plans.method.weight'), end: true },
              { label: t('plans.explainPeriod.share'), end: true },
            ]}
          />
          <tbody>
            {explanation.components.map((part) => (
              <tr key={part.indicatorId} className={bodyRowClass}>
                <th scope="row" className={`${thClass} min-w-48 font-normal`}>
                  {part.name}
                </th>
                <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{part.value === null ? t('plans.explainPeriod.noValue') : formatPlain(part.value, locale)}</td>
                <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{part.target === null ? t('plans.figures.noTarget') : formatPlain(part.target, locale)}</td>
                <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{part.score === null ? '—' : formatPlain(part.score, locale)}</td>
                <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{formatPlain(part.weight, locale)}</td>
                <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{part.share === null ? t('plans.explainPeriod.leftOut') : formatShare(part.share, locale)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {explanation.capAt !== null ? <p>{t('plans.method.cap', { cap: formatPlain(explanation.capAt, locale) })}</p> : null}
        {explanation.missing.length > 0 ? (
          <p className="text-std-16B-170">
            {explanation.missingPolicy === 'require_all' ? t('plans.explainPeriod.missingRequireAll', { count: explanation.missing.length }) : t('plans.explainPeriod.missingRenormalise', { count: explanation.missing.length })}
          </p>
        ) : null}
      </div>
    );
  }
  if (explanation.kind === 'halves') {
    return (
      <p className="text-std-16N-170">
        {t('plans.explainPeriod.halves', {
          first: value(explanation.firstHalf),
          second: value(explanation.secondHalf),
          aggregation: aggregationLabel(t, explanation.aggregation),
          value: value(explanation.value),
        })}
        {explanation.partial ? ` ${t('plans.explainPeriod.partial')}` : ''}
      </p>
    );
  }
  return <MetricExplanationView explanation={explanation} decimals={decimals} unit={unit} sourceName={sourceName} />;
}

const countKeys = ['supports', 'companies', 'newCompanies', 'hours', 'cases', 'followUps'] as const;

function MetricExplanationView({ explanation, decimals, unit, sourceName }: { explanation: MetricExplanationLike; decimals: number; unit: string; sourceName?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const detail = explanation.detail;
  const programmes = Array.isArray(detail.programmes) ? (detail.programmes as { id?: string; name?: string; period?: { from?: string; to?: string }; counted?: { supports?: number; companies?: number } }[]) : null;
  const countLabel = (key: (typeof countKeys)[number], value: number) => {
    if (key === 'supports') return t('plans.metric.supports', { count: value });
    if (key === 'companies') return t('plans.metric.companies', { count: value });
    if (key === 'newCompanies') return t('plans.metric.newCompanies', { count: value });
    if (key === 'hours') return t('plans.metric.hours', { count: value });
    if (key === 'cases') return t('plans.metric.cases', { count: value });
    return t('plans.metric.followUps', { count: value });
  };
  return (
    <div className="space-y-2 text-std-16N-170">
      <p>
        {t('plans.metric.lead', {
          source: sourceName ?? explanation.metricKey,
          from: formatLongDate(explanation.from, locale),
          to: formatLongDate(explanation.to, locale),
          value: explanation.value === null ? t('plans.figures.noActual') : formatValue(explanation.value, decimals, unit, locale),
        })}
      </p>
      {programmes ? (
        programmes.length === 0 ? (
          <p>{t('plans.metric.noProgramme')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {programmes.map((programme, index) => (
              <li key={programme.id ?? index}>
                {t('plans.metric.programme', {
                  name: programme.name ?? '',
                  supports: programme.counted?.supports ?? 0,
                  companies: programme.counted?.companies ?? 0,
                })}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        {countKeys
          .filter((key) => typeof detail[key] === 'number')
          .map((key) => (
            <li key={key}>{countLabel(key, detail[key] as number)}</li>
          ))}
      </ul>
      {detail.error ? <p className="text-std-16B-170 text-error-2">{t('plans.metric.unknown')}</p> : null}
    </div>
  );
}

/** 「105.0%」 or the words for no rate. */
export function AchievementValue({ achievement }: { achievement: number | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return <>{achievement === null ? t('plans.figures.noAchievement') : formatPercent(achievement, locale)}</>;
}
