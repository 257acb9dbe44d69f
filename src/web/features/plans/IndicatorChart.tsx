import { useTranslation } from 'react-i18next';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { currentLocale } from '../../i18n';
import { BarChart, LegendItem } from '../reports/charts';
import { TargetCell } from './IndicatorCells';
import { achievementText, formatPlain, formatValue, planYearLabel } from './plan-format';

interface YearPeriod {
  id: string;
  fiscalYear: number;
  half: 1 | 2 | null;
  target: number | null;
  originalTarget: number | null;
  targetRevised: boolean;
  actual: number | null;
  achievement: number | null;
}

/**
 * Target against approved actual per fiscal year: an inline SVG (title and description in words; target bars
 * hatched, actual bars solid, so they differ without colour) and the same figures in a table next to it.
 */
export function TargetActualChart({ name, unit, decimals, periods, headingId }: { name: string; unit: string; decimals: number; periods: YearPeriod[]; headingId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const years = periods.filter((period) => period.half === null).sort((a, b) => a.fiscalYear - b.fiscalYear);
  if (years.length === 0) return null;
  const format = (value: number) => formatValue(value, decimals, unit, locale);
  // The bars and the axis carry plain numbers (the unit is said once, above the chart), so labels stay short.
  const plain = (value: number) => formatPlain(value, locale);
  const latest = [...years].reverse().find((period) => period.actual !== null);
  const description = [
    t('plans.chart.description', { first: planYearLabel(years[0]!.fiscalYear, locale), last: planYearLabel(years[years.length - 1]!.fiscalYear, locale) }),
    latest
      ? t('plans.chart.latest', {
          year: planYearLabel(latest.fiscalYear, locale),
          actual: format(latest.actual!),
          target: latest.target === null ? t('plans.figures.noTarget') : format(latest.target),
          achievement: achievementText(t, latest.achievement, locale),
        })
      : t('plans.chart.noActualYet'),
  ].join(' ');
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 text-std-20B-150">
        {t('plans.chart.title')}
      </h3>
      <ul className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170" aria-label={t('plans.chart.legend')}>
        <LegendItem kind="hatched">{t('plans.chart.target')}</LegendItem>
        <LegendItem kind="solid">{t('plans.chart.actual')}</LegendItem>
      </ul>
      {unit ? <p className="mb-1 text-std-16N-170 text-solid-gray-700">{t('plans.chart.unit', { unit })}</p> : null}
      <BarChart
        title={t('plans.chart.svgTitle', { name })}
        description={description}
        format={plain}
        periods={years.map((period) => ({ key: period.id, label: locale === 'ja' ? `${period.fiscalYear}年度` : `FY${period.fiscalYear}` }))}
        series={[
          { name: t('plans.chart.target'), values: years.map((period) => period.target), style: 'hatched' },
          { name: t('plans.chart.actual'), values: years.map((period) => period.actual), style: 'solid' },
        ]}
      />
      <DataTable caption={t('plans.chart.tableCaption', { name })} className="mt-4 max-w-3xl">
        <ColumnHeaders
          columns={[t('plans.chart.year'), { label: t('plans.chart.target'), end: true }, { label: t('plans.chart.actual'), end: true }, { label: t('plans.indicators.columns.achievement'), end: true }]}
        />
        <tbody>
          {years.map((period) => (
            <tr key={period.id} className={bodyRowClass}>
              <th scope="row" className={`${thClass} font-normal whitespace-nowrap`}>
                {planYearLabel(period.fiscalYear, locale)}
              </th>
              <td className={`${tdClass} text-end whitespace-nowrap`}>
                <TargetCell period={period} decimals={decimals} unit={unit} />
              </td>
              <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{period.actual === null ? t('plans.figures.noActual') : format(period.actual)}</td>
              <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{achievementText(t, period.achievement, locale)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
