import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { LoadError, Loading } from '../../components/Feedback';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { FigureCard, ProgressMeter } from '../../features/plans/PlanParts';
import { PlanYearSelect } from '../../features/plans/PlanYearSelect';
import { type AchievementClass, type ReportingState, achievementClassLabel, defaultYearOf, formatPercent, reportingStateLabel, yearsOf } from '../../features/plans/plan-format';
import { type PlanDashboard, usePlanDashboard } from '../../features/plans/plans.api';
import { useCurrentRole } from '../../features/session/session.api';
import { currentLocale } from '../../i18n';
import { useFlash } from '../../lib/flash';
import { Notice } from '../../components/Notice';
import { useLoadedPlan } from './plan-layout';

/**
 * The plan at a glance for a fiscal year (the plan's dashboard): overall progress, progress and grade by
 * field, how the indicators stand against their targets, who has reported and what waits for approval.
 */
export function PlanOverviewPage() {
  const { t } = useTranslation();
  const { planId, plan } = useLoadedPlan();
  const search = useSearch({ from: '/app/plans/$planId/' });
  const navigate = useNavigate({ from: '/plans/$planId/' });
  const flash = useFlash();
  if (!plan) return null;
  const fiscalYear = search.fiscalYear ?? defaultYearOf(plan, fiscalYearOf(new Date()));
  return (
    <>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      {plan.description ? <p className="mb-6 max-w-4xl whitespace-pre-wrap text-std-16N-170">{plan.description}</p> : null}
      <div className="mb-8">
        <PlanYearSelect
          name="overviewYear"
          label={t('plans.overview.year')}
          years={yearsOf(plan)}
          value={fiscalYear}
          onChange={(year) => void navigate({ search: { fiscalYear: year } })}
        />
      </div>
      <Dashboard planId={planId} fiscalYear={fiscalYear} />
    </>
  );
}

function Dashboard({ planId, fiscalYear }: { planId: string; fiscalYear: number }) {
  const dashboard = usePlanDashboard(planId, fiscalYear);
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  return <DashboardView planId={planId} dashboard={dashboard.data} />;
}

function DashboardView({ planId, dashboard }: { planId: string; dashboard: PlanDashboard }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const role = useCurrentRole();
  const seesQueue = role !== undefined && role !== 'viewer' && role !== 'partner';
  const counts = dashboard.indicators;
  const classes: { key: AchievementClass; count: number }[] = [
    { key: 'achieved', count: counts.achieved },
    { key: 'on_track', count: counts.onTrack },
    { key: 'behind', count: counts.behind },
    { key: 'no_actual', count: counts.noActual },
  ];
  const reporting: { key: ReportingState; count: number }[] = [
    { key: 'not_started', count: dashboard.reporting.notStarted },
    { key: 'draft', count: dashboard.reporting.draft },
    { key: 'submitted', count: dashboard.reporting.submitted },
    { key: 'returned', count: dashboard.reporting.returned },
    { key: 'approved', count: dashboard.reporting.approved },
    { key: 'computed', count: dashboard.reporting.computed },
  ];
  const reportingTotal = reporting.reduce((sum, item) => sum + item.count, 0);
  return (
    <>
      <section aria-labelledby="overview-figures">
        <h2 id="overview-figures" className="mb-4 text-std-24B-150">
          {t('plans.overview.figuresTitle', { year: dashboard.fiscalYearLabel })}
        </h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <FigureCard title={t('plans.overview.progress')} value={dashboard.progress === null ? t('plans.progress.none') : formatPercent(dashboard.progress, locale)}>
            <p>{t('plans.overview.progressSupport')}</p>
          </FigureCard>
          <FigureCard title={t('plans.overview.indicators')} value={t('plans.overview.count', { count: counts.total })}>
            <p>{t('plans.overview.withTarget', { count: counts.withTarget })}</p>
          </FigureCard>
          <FigureCard title={t('plans.overview.pendingApprovals')} value={t('plans.overview.count', { count: dashboard.pendingApprovals })}>
            <p>{t('plans.overview.pendingSupport')}</p>
            {seesQueue && dashboard.pendingApprovals > 0 ? (
              <TextLink to="/plans/updates" className="mt-2 inline-block">
                {t('plans.overview.toQueue')}
              </TextLink>
            ) : null}
          </FigureCard>
        </ul>
      </section>

      <section aria-labelledby="overview-fields" className="mt-12">
        <h2 id="overview-fields" className="mb-4 text-std-24B-150">
          {t('plans.overview.fieldsTitle')}
        </h2>
        {dashboard.fields.length === 0 ? (
          <p className="text-std-16N-170">
            {t('plans.overview.noFields')}{' '}
            <TextLink to="/plans/$planId/tree" params={{ planId }}>
              {t('plans.overview.toTree')}
            </TextLink>
          </p>
        ) : (
          <DataTable caption={t('plans.overview.fieldsCaption', { year: dashboard.fiscalYearLabel })} captionHidden>
            <ColumnHeaders columns={[t('plans.overview.field'), t('plans.overview.fieldProgress'), t('plans.overview.grade')]} />
            <tbody>
              {dashboard.fields.map((field) => (
                <tr key={field.nodeId} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} min-w-56 font-normal`}>
                    {field.code ? <span className="mr-2 text-solid-gray-700">{field.code}</span> : null}
                    {field.title}
                  </th>
                  <td className={tdClass}>
                    <ProgressMeter value={field.progress} />
                  </td>
                  <td className={tdClass}>{field.grade ?? t('plans.overview.notGraded')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <div className="mt-12 grid grid-cols-1 gap-10 xl:grid-cols-2">
        <section aria-labelledby="overview-achievement">
          <h2 id="overview-achievement" className="mb-2 text-std-24B-150">
            {t('plans.overview.achievementTitle')}
          </h2>
          <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('plans.overview.achievementLead')}</p>
          <CountTable caption={t('plans.overview.achievementCaption', { year: dashboard.fiscalYearLabel })} rows={classes.map((row) => ({ label: achievementClassLabel(t, row.key), count: row.count }))} total={counts.total} />
        </section>
        <section aria-labelledby="overview-reporting">
          <h2 id="overview-reporting" className="mb-2 text-std-24B-150">
            {t('plans.overview.reportingTitle')}
          </h2>
          <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('plans.overview.reportingLead')}</p>
          <CountTable caption={t('plans.overview.reportingCaption', { year: dashboard.fiscalYearLabel })} rows={reporting.map((row) => ({ label: reportingStateLabel(t, row.key), count: row.count }))} total={reportingTotal} />
          <TextLink to="/plans/$planId/reporting" params={{ planId }} search={{ fiscalYear: dashboard.fiscalYear }} className="mt-3 inline-block">
            {t('plans.overview.toReporting')}
          </TextLink>
        </section>
      </div>
    </>
  );
}

/** Counts with a bar each (the number and its share written out). */
function CountTable({ caption, rows, total }: { caption: string; rows: { label: string; count: number }[]; total: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DataTable caption={caption}>
      <ColumnHeaders columns={[t('plans.overview.state'), { label: t('plans.overview.number'), end: true }, t('plans.overview.share')]} />
      <tbody>
        {rows.map((row) => {
          const share = total > 0 ? (row.count / total) * 100 : 0;
          return (
            <tr key={row.label} className={bodyRowClass}>
              <th scope="row" className={`${thClass} font-normal whitespace-nowrap`}>
                {row.label}
              </th>
              <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{t('plans.overview.count', { count: row.count })}</td>
              <td className={tdClass}>
                <div className="flex items-center gap-3">
                  <div aria-hidden="true" className="h-3 w-24 shrink-0 overflow-hidden rounded-full border border-solid-gray-600 bg-white">
                    <div className="h-full bg-blue-900 forced-colors:bg-[Highlight]" style={{ width: `${share}%` }} />
                  </div>
                  <span className="tabular-nums">{formatPercent(share, locale)}</span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
