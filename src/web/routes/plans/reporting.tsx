import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { DateText } from '../../components/DateText';
import { LoadError, Loading } from '../../components/Feedback';
import { FieldGroup, Radio } from '../../components/FormField';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { FigureCard } from '../../features/plans/PlanParts';
import { PlanYearSelect } from '../../features/plans/PlanYearSelect';
import { type ReportingState, defaultYearOf, nodeTitle, periodLabel, reportingStateLabel, yearsOf } from '../../features/plans/plan-format';
import { type ReportingHalf, type ReportingStatus, useReportingStatus } from '../../features/plans/plans.api';
import { currentLocale } from '../../i18n';
import { formatLongDate } from '../../lib/dates';
import { useLoadedPlan } from './plan-layout';

const halves: ReportingHalf[] = ['1', '2', 'year'];

/** 報告状況: who has reported the actuals of a fiscal year (or its 上期/下期), who has not, and what is overdue. */
export function ReportingPage() {
  const { t } = useTranslation();
  const { planId, plan } = useLoadedPlan();
  const search = useSearch({ from: '/app/plans/$planId/reporting' });
  const navigate = useNavigate({ from: '/plans/$planId/reporting' });
  if (!plan) return null;
  const fiscalYear = search.fiscalYear ?? defaultYearOf(plan, fiscalYearOf(new Date()));
  const half = search.half ?? 'year';
  const halfLabel = (value: ReportingHalf) => (value === '1' ? t('plans.reporting.firstHalf') : value === '2' ? t('plans.reporting.secondHalf') : t('plans.reporting.year'));
  return (
    <>
      <p className="mb-6 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('plans.reporting.lead')}</p>
      <div className="mb-8 flex flex-wrap items-start gap-x-10 gap-y-4">
        <PlanYearSelect name="reportingYear" label={t('plans.reporting.fiscalYear')} years={yearsOf(plan)} value={fiscalYear} onChange={(year) => void navigate({ search: (prev) => ({ ...prev, fiscalYear: year }) })} />
        <FieldGroup name="reportingHalf" legend={t('plans.reporting.term')}>
          <div className="flex flex-wrap gap-x-6">
            {halves.map((value) => (
              <Radio key={value} name="reportingHalf" value={value} checked={half === value} onChange={() => void navigate({ search: (prev) => ({ ...prev, half: value }) })}>
                {halfLabel(value)}
              </Radio>
            ))}
          </div>
        </FieldGroup>
      </div>
      <Status planId={planId} fiscalYear={fiscalYear} half={half} />
    </>
  );
}

function Status({ planId, fiscalYear, half }: { planId: string; fiscalYear: number; half: ReportingHalf }) {
  const status = useReportingStatus(planId, fiscalYear, half);
  if (status.isPending) return <Loading />;
  if (status.isError) return <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  return <StatusView planId={planId} status={status.data} />;
}

function StatusView({ planId, status }: { planId: string; status: ReportingStatus }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const label = periodLabel(status.fiscalYear, status.half, locale);
  const counts: { key: ReportingState; count: number }[] = [
    { key: 'not_started', count: status.counts.notStarted },
    { key: 'draft', count: status.counts.draft },
    { key: 'returned', count: status.counts.returned },
    { key: 'submitted', count: status.counts.submitted },
    { key: 'approved', count: status.counts.approved },
    { key: 'computed', count: status.counts.computed },
  ];
  const overdue = status.items.filter((item) => item.overdue).length;
  return (
    <>
      <p className="mb-6 text-std-16N-170" role="status">
        {t('plans.reporting.due', { period: label, date: formatLongDate(status.dueOn, locale) })}
        {overdue > 0 ? ` ${t('plans.reporting.overdueCount', { count: overdue })}` : ''}
      </p>
      <section aria-labelledby="reporting-counts">
        <h2 id="reporting-counts" className="mb-4 text-std-24B-150">
          {t('plans.reporting.countsTitle', { period: label })}
        </h2>
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-6">
          {counts.map((item) => (
            <FigureCard key={item.key} title={reportingStateLabel(t, item.key)} value={t('plans.overview.count', { count: item.count })} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="reporting-items" className="mt-12">
        <h2 id="reporting-items" className="mb-4 text-std-24B-150">
          {t('plans.reporting.itemsTitle')}
        </h2>
        {status.items.length === 0 ? (
          <p className="text-std-16N-170">{t('plans.reporting.noItems')}</p>
        ) : (
          <DataTable caption={t('plans.reporting.caption', { period: label, count: status.items.length })}>
            <ColumnHeaders columns={[t('plans.reporting.indicator'), t('plans.reporting.node'), t('plans.reporting.owners'), t('plans.reporting.state'), t('plans.reporting.deadline')]} />
            <tbody>
              {status.items.map((item) => (
                <tr key={`${item.indicatorId}-${item.periodId ?? 'none'}`} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} min-w-56 font-normal`}>
                    <TextLink to="/plans/$planId/indicators/$indicatorId" params={{ planId, indicatorId: item.indicatorId }} search={{ period: item.periodId ?? undefined }}>
                      {item.indicatorName}
                    </TextLink>
                  </th>
                  <td className={`${tdClass} min-w-48`}>{item.node ? nodeTitle(item.node) : t('plans.indicators.planLevel')}</td>
                  <td className={`${tdClass} min-w-32`}>{item.owners.length > 0 ? item.owners.map((owner) => owner.name).join(locale === 'ja' ? '、' : ', ') : t('plans.reporting.noOwner')}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{reportingStateLabel(t, item.status)}</td>
                  <td className={`${tdClass} min-w-40`}>
                    <DateText iso={status.dueOn} compact />
                    {item.overdue ? (
                      <span className="mt-1 inline-flex items-center gap-1 rounded-4 border border-error-2 px-1.5 text-dns-14B-130 text-error-2">
                        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="currentColor">
                          <path d="M12 17a1 1 0 1 0 0-2 1 1 0 0 0 0 2Zm-1-4h2V7h-2v6Zm1 9C6.5 22 2 17.5 2 12S6.5 2 12 2s10 4.5 10 10-4.5 10-10 10Z" />
                        </svg>
                        {t('plans.reporting.overdue')}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
}
