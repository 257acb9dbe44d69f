import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { FiscalYearSelect } from '../../components/FiscalYearSelect';
import { LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, colHeadClass, colHeadEndClass, headRowClass, tdClass, thClass } from '../../components/Table';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { formatCount } from '../../features/companies/company-labels';
import { BarChart, CumulativeChart, LegendItem } from '../../features/reports/charts';
import { type Dashboard, type ReportProgress, useDashboard } from '../../features/reports/reports.api';
import { formatPercent, useReportYears } from '../../features/reports/report-format';
import { useCurrentRole } from '../../features/session/session.api';
import { type Locale, currentLocale } from '../../i18n';
import { formatLongDate } from '../../lib/dates';

/**
 * The desk dashboard (実績・レポート): the year's supports and companies under the default programme
 * against its targets and pace, the months as charts with their table, cases by status and the work due.
 * Admins, staff and the commissioning body (viewer) see it; links into cases only for the desk.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const search = useSearch({ from: '/app/reports' });
  const navigate = useNavigate({ from: '/reports' });
  const currentYear = fiscalYearOf(new Date());
  const fiscalYear = search.fiscalYear ?? currentYear;
  const dashboard = useDashboard(fiscalYear);
  const years = useReportYears(currentYear);
  const title = t('dashboard.title');
  return (
    <>
      <PageHeading title={`${title} ${fiscalYearLabel(fiscalYear, locale)}`} lead={t('dashboard.lead')}>
        {title}
        <span className="mt-1 block text-std-20N-150 text-solid-gray-700">{fiscalYearLabel(fiscalYear, locale)}</span>
      </PageHeading>
      <div className="mb-8 flex flex-wrap items-end gap-x-6 gap-y-4">
        <FiscalYearSelect
          name="dashboardFiscalYear"
          label={t('reports.fiscalYear')}
          years={years.includes(fiscalYear) ? years : [...years, fiscalYear].sort((a, b) => b - a)}
          value={fiscalYear}
          onChange={(year) => void navigate({ search: { fiscalYear: year === currentYear ? undefined : year } })}
        />
        <ButtonLink to="/reports/commission" search={{ fiscalYear }}>
          {t('dashboard.toCommission')}
        </ButtonLink>
      </div>
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {dashboard.data ? <DashboardView dashboard={dashboard.data} locale={locale} /> : null}
    </>
  );
}

function DashboardView({ dashboard, locale }: { dashboard: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const role = useCurrentRole();
  const seesCases = role === 'admin' || role === 'staff';
  const count = (value: number) => formatCount(value, locale);
  return (
    <>
      <p role="status" className="mb-6 text-std-16N-170 text-solid-gray-800">
        {t('dashboard.asOf', { date: formatLongDate(dashboard.asOf, locale) })}
        {dashboard.programme ? (
          <>
            {' '}
            {t('dashboard.programme')}{' '}
            <TextLink to="/admin/programmes/$programmeId" params={{ programmeId: dashboard.programme.id }}>
              {dashboard.programme.name}
            </TextLink>
          </>
        ) : null}
      </p>
      {!dashboard.programme ? (
        <Notice tone="warning" title={t('dashboard.noProgrammeTitle')} className="mb-8">
          <p>{t('dashboard.noProgrammeBody')}</p>
          {role === 'admin' ? (
            <TextLink to="/admin/programmes" search={{}} className="mt-2 inline-block">
              {t('dashboard.toProgrammes')}
            </TextLink>
          ) : null}
        </Notice>
      ) : null}

      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading" className="mb-4 text-std-24B-150">
          {t('dashboard.kpiTitle')}
        </h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {dashboard.supports ? <ProgressCard title={t('dashboard.supports')} progress={dashboard.supports} unit="supports" locale={locale} /> : null}
          {dashboard.companies ? <ProgressCard title={t('dashboard.companies')} progress={dashboard.companies} unit="companies" locale={locale} /> : null}
          {dashboard.newCompanies !== null ? (
            <Card title={t('dashboard.newCompanies')} value={t('reports.companiesValue', { value: count(dashboard.newCompanies) })}>
              <p>{t('dashboard.continuingCompanies', { value: count(dashboard.continuingCompanies ?? 0) })}</p>
            </Card>
          ) : null}
          <Card title={t('dashboard.openCases')} value={t('reports.casesValue', { value: count(dashboard.openCases) })}>
            <p>{t('dashboard.openCasesSupport')}</p>
            {seesCases ? (
              <TextLink to="/cases" search={{}} className="mt-2 inline-block">
                {t('dashboard.toCases')}
              </TextLink>
            ) : null}
          </Card>
          <Card title={t('dashboard.overdueNextActions')} value={t('reports.casesValue', { value: count(dashboard.overdueNextActions) })}>
            <p>{t('dashboard.overdueNextActionsSupport')}</p>
          </Card>
          <Card title={t('dashboard.followUpsDue')} value={t('reports.casesValue', { value: count(dashboard.followUpsDue) })}>
            <p>{t('dashboard.followUpsDueSupport')}</p>
            {seesCases ? (
              <TextLink to="/follow-ups" search={{}} className="mt-2 inline-block">
                {t('dashboard.toFollowUps')}
              </TextLink>
            ) : null}
          </Card>
        </ul>
      </section>

      {dashboard.programme && dashboard.monthly.length > 0 ? <MonthlySection dashboard={dashboard} locale={locale} /> : null}
      <StatusSection dashboard={dashboard} locale={locale} />
    </>
  );
}

function Card({ title, value, children }: { title: string; value: string; children?: ReactNode }) {
  return (
    <li className="flex flex-col rounded-12 border border-solid-gray-420 bg-white p-4 sm:p-6">
      <h3 className="text-std-17B-170 text-solid-gray-800">{title}</h3>
      <p className="mt-1 text-std-32B-150 text-solid-gray-900 tabular-nums">{value}</p>
      <div className="mt-2 text-std-16N-170 text-solid-gray-700">{children}</div>
    </li>
  );
}

/** The figure against its target: 達成率, the pace to be on track by the end of this month, and where we stand. */
function ProgressCard({ title, progress, unit, locale }: { title: string; progress: ReportProgress; unit: 'supports' | 'companies'; locale: Locale }) {
  const { t } = useTranslation();
  const valueOf = (value: number) => (unit === 'supports' ? t('reports.supportsValue', { value: formatCount(value, locale) }) : t('reports.companiesValue', { value: formatCount(value, locale) }));
  const decimal = (value: number) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 1 }).format(value);
  const percent = progress.achievedPercent;
  return (
    <Card title={title} value={valueOf(progress.actual)}>
      {progress.target === null ? (
        <p>{t('dashboard.noTarget')}</p>
      ) : (
        <>
          <p>
            {t('dashboard.target', { value: valueOf(progress.target) })}
            {' ・ '}
            {t('dashboard.achieved', { percent: percent === null ? '—' : formatPercent(percent, locale) })}
          </p>
          <div aria-hidden="true" className="mt-2 h-3 w-full overflow-hidden rounded-full border border-solid-gray-600 bg-solid-gray-50">
            <div className="h-full bg-blue-900 forced-colors:bg-[CanvasText]" style={{ width: `${Math.min(100, percent ?? 0)}%` }} />
          </div>
          {progress.expectedToDate !== null ? (
            <>
              <p className="mt-2">{t('dashboard.pace', { value: decimal(progress.expectedToDate) })}</p>
              <p className="text-std-16B-170 text-solid-gray-900">
                {progress.actual >= progress.expectedToDate
                  ? t('dashboard.ahead', { value: decimal(progress.actual - progress.expectedToDate) })
                  : t('dashboard.behind', { value: decimal(progress.expectedToDate - progress.actual) })}
              </p>
            </>
          ) : null}
        </>
      )}
    </Card>
  );
}

/** The months as charts (bars per month, running total against the pace) and as one table with the figures. */
function MonthlySection({ dashboard, locale }: { dashboard: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const count = (value: number) => formatCount(value, locale);
  const months = dashboard.monthly;
  // Months after today are future ones (zero so far): the running total stops at the current month.
  const currentKey = dashboard.asOf.slice(0, 7);
  const begun = months.filter((month) => month.key <= currentKey);
  const cumulative = begun.reduce<number[]>((sums, month) => [...sums, (sums.at(-1) ?? 0) + month.supports], []);
  const target = dashboard.supports?.target ?? null;
  const pace = target === null ? null : months.map((_month, index) => Math.round(((target * (index + 1)) / months.length) * 10) / 10);
  const busiest = months.reduce((best, month) => (month.supports > best.supports ? month : best), months[0]!);
  const monthlyDescription = t('dashboard.monthlyChartDescription', {
    from: months[0]?.label ?? '',
    to: months.at(-1)?.label ?? '',
    month: busiest.label,
    value: count(busiest.supports),
  });
  const cumulativeDescription =
    target === null
      ? t('dashboard.cumulativeDescriptionNoTarget', { value: count(cumulative.at(-1) ?? 0) })
      : t('dashboard.cumulativeDescription', { value: count(cumulative.at(-1) ?? 0), target: count(target) });
  return (
    <section aria-labelledby="monthly-heading" className="mt-12">
      <h2 id="monthly-heading" className="mb-2 text-std-24B-150">
        {t('dashboard.monthlyTitle')}
      </h2>
      <p className="mb-4 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('dashboard.monthlyLead')}</p>
      <div className="grid grid-cols-1 gap-8 2xl:grid-cols-2">
        <figure>
          <figcaption className="mb-2 text-std-17B-170">{t('dashboard.monthlyChartTitle')}</figcaption>
          <ul className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170" aria-label={t('dashboard.legend')}>
            <LegendItem kind="solid">{t('dashboard.supports')}</LegendItem>
            <LegendItem kind="hatched">{t('dashboard.companies')}</LegendItem>
          </ul>
          <BarChart
            periods={months}
            series={[
              { name: 'supports', style: 'solid', values: months.map((month) => (month.key <= currentKey ? month.supports : null)) },
              { name: 'companies', style: 'hatched', values: months.map((month) => (month.key <= currentKey ? month.companies : null)) },
            ]}
            title={t('dashboard.monthlyChartTitle')}
            description={monthlyDescription}
            format={count}
          />
        </figure>
        <figure>
          <figcaption className="mb-2 text-std-17B-170">{t('dashboard.cumulativeTitle')}</figcaption>
          <ul className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170" aria-label={t('dashboard.legend')}>
            <LegendItem kind="line">{t('dashboard.cumulative')}</LegendItem>
            {pace ? <LegendItem kind="dashed">{t('dashboard.paceLine')}</LegendItem> : null}
          </ul>
          <CumulativeChart periods={months} cumulative={cumulative} pace={pace} title={t('dashboard.cumulativeTitle')} description={cumulativeDescription} format={count} />
        </figure>
      </div>
      <DataTable caption={t('dashboard.monthlyTableCaption')} className="mt-6">
        <thead>
          <tr className={headRowClass}>
            <th scope="col" className={colHeadClass}>
              {t('dashboard.measure')}
            </th>
            {months.map((month) => (
              <th key={month.key} scope="col" className={colHeadEndClass}>
                {month.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <MonthRow label={t('dashboard.supports')} values={months.map((month) => (month.key <= currentKey ? count(month.supports) : '—'))} />
          <MonthRow label={t('dashboard.companies')} values={months.map((month) => (month.key <= currentKey ? count(month.companies) : '—'))} />
          <MonthRow label={t('dashboard.cumulative')} values={months.map((_month, index) => (index < cumulative.length ? count(cumulative[index] ?? 0) : '—'))} />
          {pace ? <MonthRow label={t('dashboard.paceLine')} values={pace.map((value) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 1 }).format(value))} /> : null}
        </tbody>
      </DataTable>
    </section>
  );
}

function MonthRow({ label, values }: { label: string; values: string[] }) {
  return (
    <tr className={bodyRowClass}>
      <th scope="row" className={`${thClass} whitespace-nowrap`}>
        {label}
      </th>
      {values.map((value, index) => (
        <td key={index} className={`${tdClass} text-end tabular-nums`}>
          {value}
        </td>
      ))}
    </tr>
  );
}

/** Cases received in the year by status, as a table with a bar drawn in each row (the number is the cell). */
function StatusSection({ dashboard, locale }: { dashboard: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const total = dashboard.casesByStatus.reduce((sum, row) => sum + row.count, 0);
  const max = Math.max(1, ...dashboard.casesByStatus.map((row) => row.count));
  return (
    <section aria-labelledby="status-heading" className="mt-12 max-w-4xl">
      <h2 id="status-heading" className="mb-2 text-std-24B-150">
        {t('dashboard.statusTitle')}
      </h2>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('dashboard.statusLead')}</p>
      <DataTable caption={t('dashboard.statusCaption', { year: fiscalYearLabel(dashboard.fiscalYear, locale) })} captionHidden>
        <ColumnHeaders columns={[t('dashboard.status'), { label: t('dashboard.count'), end: true }, t('dashboard.share')]} />
        <tbody>
          {dashboard.casesByStatus.map((row) => (
            <tr key={row.status} className={bodyRowClass}>
              <th scope="row" className={`${thClass} whitespace-nowrap`}>
                {row.label}
              </th>
              <td className={`${tdClass} text-end tabular-nums`}>{formatCount(row.count, locale)}</td>
              <td className={`${tdClass} w-1/2`}>
                <div className="flex items-center gap-3">
                  <span className="w-12 shrink-0 text-end tabular-nums">{t('dashboard.shareValue', { percent: total > 0 ? Math.round((row.count / total) * 100) : 0 })}</span>
                  <div aria-hidden="true" className="h-4 bg-blue-900 forced-colors:bg-[CanvasText]" style={{ width: `${(row.count / max) * 100}%` }} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-solid-gray-900">
            <th scope="row" className={thClass}>
              {t('reports.total')}
            </th>
            <td className={`${tdClass} text-end font-bold tabular-nums`}>{formatCount(total, locale)}</td>
            <td className={tdClass} />
          </tr>
        </tfoot>
      </DataTable>
    </section>
  );
}
