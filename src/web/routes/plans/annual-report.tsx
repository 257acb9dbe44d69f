import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { Button } from '../../components/Button';
import { LoadError, Loading } from '../../components/Feedback';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { PlanYearSelect } from '../../features/plans/PlanYearSelect';
import { type AchievementClass, achievementClassLabel, achievementText, defaultYearOf, formatPercent, formatValue, planYearLabel, termLabel, yearsOf } from '../../features/plans/plan-format';
import { type AnnualReport, downloadAnnualReport, useAnnualReport } from '../../features/plans/plans.api';
import { currentLocale } from '../../i18n';
import { formatLongDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useLoadedPlan } from './plan-layout';

type ReportIndicator = AnnualReport['planIndicators'][number];

/**
 * 年次進捗報告: a fiscal year of the plan as the annual report presents it (progress and reviews per field and
 * area, indicators with target, approved actual, 達成率 and the narrative, the milestones), printable on A4,
 * with the same report as XLSX and DOCX.
 */
export function AnnualReportPage() {
  const { t } = useTranslation();
  const { planId, plan } = useLoadedPlan();
  const search = useSearch({ from: '/app/plans/$planId/annual-report' });
  const navigate = useNavigate({ from: '/plans/$planId/annual-report' });
  const download = useMutation({ mutationFn: ({ fiscalYear, format }: { fiscalYear: number; format: 'xlsx' | 'docx' }) => downloadAnnualReport(planId, fiscalYear, format) });
  if (!plan) return null;
  const fiscalYear = search.fiscalYear ?? defaultYearOf(plan, fiscalYearOf(new Date()));
  return (
    <div className="report-page">
      <section aria-labelledby="report-controls" className="mb-10 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6 print:hidden">
        <h2 id="report-controls" className="mb-4 text-std-20B-150">
          {t('plans.annual.controls')}
        </h2>
        <PlanYearSelect name="annualYear" label={t('plans.annual.fiscalYear')} years={yearsOf(plan)} value={fiscalYear} onChange={(year) => void navigate({ search: { fiscalYear: year } })} />
        <div className="mt-4 flex flex-wrap gap-4">
          <Button isBusy={download.isPending && download.variables?.format === 'xlsx'} onClick={() => download.mutate({ fiscalYear, format: 'xlsx' })}>
            {t('plans.annual.xlsx')}
          </Button>
          <Button isBusy={download.isPending && download.variables?.format === 'docx'} onClick={() => download.mutate({ fiscalYear, format: 'docx' })}>
            {t('plans.annual.docx')}
          </Button>
          <Button onClick={() => window.print()}>{t('plans.annual.print')}</Button>
        </div>
        <p className="mt-3 text-std-16N-170 text-solid-gray-700">{t('plans.annual.note')}</p>
        {download.isError ? (
          <p role="alert" className="mt-3 text-std-16B-170 text-error-2">
            {errorMessage(t, download.error)}
          </p>
        ) : null}
      </section>
      <Report planId={planId} fiscalYear={fiscalYear} />
    </div>
  );
}

function Report({ planId, fiscalYear }: { planId: string; fiscalYear: number }) {
  const report = useAnnualReport(planId, fiscalYear);
  if (report.isPending) return <Loading />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  return <ReportBody report={report.data} />;
}

function ReportBody({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const progress = (value: number | null) => (value === null ? t('plans.progress.none') : formatPercent(value, locale));
  const reviewOf = (section: AnnualReport['sections'][number], term: 'first_half' | 'annual') => section.reviews.find((review) => review.term === term);
  let tableNumber = 1;
  return (
    <article aria-labelledby="annual-title" className="max-w-5xl">
      <h2 id="annual-title" className="text-std-28B-150">
        {report.planTitle}
        <span className="mt-1 block text-std-24B-150">{t('plans.annual.heading', { year: report.fiscalYearLabel })}</span>
      </h2>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-std-16N-170">
        <dt className="text-std-16B-170">{t('plans.annual.organisation')}</dt>
        <dd>{report.organisation}</dd>
        {report.edition ? (
          <>
            <dt className="text-std-16B-170">{t('plans.annual.edition')}</dt>
            <dd>{report.edition}</dd>
          </>
        ) : null}
        <dt className="text-std-16B-170">{t('plans.annual.period')}</dt>
        <dd>{report.planPeriodLabel}</dd>
        <dt className="text-std-16B-170">{t('plans.annual.generatedOn')}</dt>
        <dd>{formatLongDate(report.generatedOn, locale)}</dd>
        <dt className="text-std-16B-170">{t('plans.annual.progress')}</dt>
        <dd>{progress(report.progress)}</dd>
      </dl>

      <section aria-labelledby="annual-summary" className="mt-10">
        <h3 id="annual-summary" className="mb-3 text-std-20B-150">
          {t('plans.annual.summary')}
        </h3>
        {report.sections.length === 0 ? (
          <p className="text-std-16N-170">{t('plans.annual.noSections')}</p>
        ) : (
          <DataTable caption={t('plans.annual.summaryCaption', { number: tableNumber++ })}>
            <ColumnHeaders columns={[t('plans.annual.columns.title'), t('plans.annual.columns.division'), { label: t('plans.annual.columns.progress'), end: true }, t('plans.annual.columns.firstHalf'), t('plans.annual.columns.annual')]} />
            <tbody>
              {report.sections.map((section) => (
                <tr key={section.nodeId} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} min-w-56 font-normal`} style={{ paddingInlineStart: `${1 + section.depth * 1.25}rem` }}>
                    <span className="text-solid-gray-700">{section.level}</span> {section.code ? `${section.code} ` : ''}
                    {section.title}
                  </th>
                  <td className={`${tdClass} min-w-32`}>{section.division ?? '—'}</td>
                  <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{progress(section.progress)}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{reviewOf(section, 'first_half')?.grade ?? t('plans.annual.notGraded')}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{reviewOf(section, 'annual')?.grade ?? t('plans.annual.notGraded')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      {report.planIndicators.length > 0 ? (
        <section aria-labelledby="annual-plan-indicators" className="mt-10 report-keep">
          <h3 id="annual-plan-indicators" className="mb-3 text-std-20B-150">
            {t('plans.annual.planIndicators')}
          </h3>
          <IndicatorTable caption={t('plans.annual.indicatorCaption', { number: tableNumber++, title: t('plans.annual.planIndicators') })} indicators={report.planIndicators} />
          <Narratives indicators={report.planIndicators} />
        </section>
      ) : null}

      <section aria-labelledby="annual-sections" className="mt-10">
        <h3 id="annual-sections" className="mb-3 text-std-20B-150">
          {t('plans.annual.sections')}
        </h3>
        <div className="space-y-10">
          {report.sections.map((section) => (
            <section key={section.nodeId} aria-labelledby={`annual-${section.nodeId}`} className="border-t border-solid-gray-420 pt-6">
              <h4 id={`annual-${section.nodeId}`} className="text-std-17B-170">
                {section.level} {section.code ? `${section.code}\u3000` : ''}
                {section.title}
              </h4>
              <p className="mt-1 text-std-16N-170">
                {section.division ? `${t('plans.annual.division', { division: section.division })}\u3000` : ''}
                {t('plans.annual.sectionProgress', { progress: progress(section.progress) })}
              </p>
              {section.reviews.map((review) => (
                <div key={review.term} className="mt-2 text-std-16N-170">
                  <p className="text-std-16B-170">{t('plans.annual.review', { term: termLabel(t, review.term), grade: review.grade })}</p>
                  {review.comment ? <p className="whitespace-pre-wrap">{review.comment}</p> : null}
                </div>
              ))}
              {section.indicators.length > 0 ? (
                <div className="mt-4">
                  <IndicatorTable caption={t('plans.annual.indicatorCaption', { number: tableNumber++, title: section.title })} indicators={section.indicators} />
                  <Narratives indicators={section.indicators} />
                </div>
              ) : (
                <p className="mt-3 text-std-16N-170 text-solid-gray-700">{t('plans.annual.noIndicators')}</p>
              )}
              {section.milestones.planned.length > 0 || section.milestones.achieved.length > 0 ? (
                <div className="mt-4 grid grid-cols-1 gap-4 text-std-16N-170 sm:grid-cols-2 print:grid-cols-2">
                  <div>
                    <p className="text-std-16B-170">{t('plans.annual.milestonesPlanned')}</p>
                    <ul className="list-disc pl-6">{section.milestones.planned.length > 0 ? section.milestones.planned.map((title, index) => <li key={index}>{title}</li>) : <li>{t('plans.annual.none')}</li>}</ul>
                  </div>
                  <div>
                    <p className="text-std-16B-170">{t('plans.annual.milestonesAchieved')}</p>
                    <ul className="list-disc pl-6">{section.milestones.achieved.length > 0 ? section.milestones.achieved.map((title, index) => <li key={index}>{title}</li>) : <li>{t('plans.annual.none')}</li>}</ul>
                  </div>
                </div>
              ) : null}
            </section>
          ))}
        </div>
      </section>
    </article>
  );
}

function IndicatorTable({ caption, indicators }: { caption: string; indicators: ReportIndicator[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DataTable caption={caption}>
      <ColumnHeaders
        columns={[
          t('plans.annual.columns.indicator'),
          t('plans.annual.columns.baseline'),
          { label: t('plans.annual.columns.target'), end: true },
          { label: t('plans.annual.columns.actual'), end: true },
          { label: t('plans.annual.columns.achievement'), end: true },
          t('plans.annual.columns.status'),
        ]}
      />
      <tbody>
        {indicators.map((indicator) => (
          <tr key={indicator.id} className={bodyRowClass}>
            <th scope="row" className={`${thClass} min-w-56 font-normal`}>
              {indicator.code ? `${indicator.code} ` : ''}
              {indicator.name}
              {indicator.unit ? <span className="block text-dns-14N-130 text-solid-gray-700">{t('plans.indicators.unit', { unit: indicator.unit })}</span> : null}
            </th>
            <td className={`${tdClass} min-w-32`}>
              {indicator.baseline.value === null
                ? t('plans.figures.noBaseline')
                : `${formatValue(indicator.baseline.value, indicator.decimals, indicator.unit, locale)}${indicator.baseline.fiscalYear ? `（${planYearLabel(indicator.baseline.fiscalYear, locale)}）` : ''}`}
            </td>
            <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>
              {indicator.target === null ? t('plans.figures.noTarget') : formatValue(indicator.target, indicator.decimals, indicator.unit, locale)}
              {indicator.originalTarget !== null && indicator.originalTarget !== indicator.target ? (
                <span className="block text-dns-14N-130 text-solid-gray-700">{t('plans.figures.original', { value: formatValue(indicator.originalTarget, indicator.decimals, indicator.unit, locale) })}</span>
              ) : null}
            </td>
            <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{indicator.actual === null ? t('plans.figures.noActual') : formatValue(indicator.actual, indicator.decimals, indicator.unit, locale)}</td>
            <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{achievementText(t, indicator.achievement, locale)}</td>
            <td className={`${tdClass} whitespace-nowrap`}>{achievementClassLabel(t, indicator.status as AchievementClass)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function Narratives({ indicators }: { indicators: ReportIndicator[] }) {
  const { t } = useTranslation();
  const written = indicators.filter((indicator) => indicator.narrative);
  if (written.length === 0) return null;
  return (
    <div className="mt-3 text-std-16N-170">
      <p className="text-std-16B-170">{t('plans.annual.narratives')}</p>
      <dl className="mt-1 space-y-2">
        {written.map((indicator) => (
          <div key={indicator.id}>
            <dt className="text-std-16B-170">{indicator.name}</dt>
            <dd className="whitespace-pre-wrap">{indicator.narrative}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
