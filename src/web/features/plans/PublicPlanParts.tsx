import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { DateText } from '../../components/DateText';
import { Disclosure, disclosureSummaryClass } from '../../components/Disclosure';
import { LoadError, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { currentLocale } from '../../i18n';
import { ActualCell, PeriodLabel, TargetCell } from './IndicatorCells';
import { CompositeMethods } from './MethodViews';
import { RollupText } from './PlanParts';
import { achievementText, directionLabel, formatValue, kindLabel, optionName, periodLabel, planYearLabel, termLabel } from './plan-format';
import { type PublicIndicator, type PublicMeeting, type PublicPlan, type PublicReview, usePublicNode, usePublicNodeIndicators } from './public-plans.api';

/*
 * The parts of the public 見える化 that the plan page and a node's page share: indicators with their targets and
 * approved actuals, final reviews by year and term, and committee meetings with their opinions.
 */

/**
 * A plan that is not public (or not there), or a node it does not have: the not-found page with the way back to
 * the list. Any other failure (`error` not a 404) offers to try again.
 */
export function PublicNotFound({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error !== null && !(isApiError(error) && error.status === 404)) return <LoadError error={error} onRetry={onRetry} />;
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p className="text-std-16N-170">{t('plans.public.notFound')}</p>
      <p className="mt-6 text-std-16N-170">
        <TextLink to="/open/plans">{t('plans.public.backToList')}</TextLink>
      </p>
    </>
  );
}

/**
 * 「進捗の計算方法」 of a node in the public tree: the tree carries progress only (a 2,000-node plan stays light),
 * so the node's explanation is fetched when the disclosure opens.
 */
export function PublicNodeRollup(props: { planId: string; nodeId: string; progress: number | null; statusName: (key: string) => string; titleOf: (id: string) => string }) {
  const { t } = useTranslation();
  return <Disclosure summary={t('plans.explain.summary')}>{() => <NodeRollupText {...props} />}</Disclosure>;
}

function NodeRollupText({ planId, nodeId, progress, statusName, titleOf }: { planId: string; nodeId: string; progress: number | null; statusName: (key: string) => string; titleOf: (id: string) => string }) {
  const node = usePublicNode(planId, nodeId, true);
  if (node.isPending) return <Loading />;
  if (node.isError) return <LoadError error={node.error} onRetry={() => void node.refetch()} />;
  return <RollupText explanation={node.data.explanation} progress={progress} statusName={statusName} titleOf={titleOf} />;
}

/** The indicators of a node ('plan': the plan's own), fetched when the caller shows them. */
/**
 * `tablesOpen` false (the plan page, where a plan may set many targets): each indicator shows its latest approved
 * actual, with the table of every period one click away; a node's page shows the tables.
 */
export function PublicIndicators({ planId, nodeKey, tablesOpen }: { planId: string; nodeKey: string; tablesOpen: boolean }) {
  const indicators = usePublicNodeIndicators(planId, nodeKey, true);
  if (indicators.isPending) return <Loading />;
  if (indicators.isError) return <LoadError error={indicators.error} onRetry={() => void indicators.refetch()} />;
  return (
    <div className="space-y-10">
      {indicators.data.items.map((indicator) => (
        <PublicIndicatorView key={indicator.id} indicator={indicator} tableOpen={tablesOpen} />
      ))}
    </div>
  );
}

/** One indicator (under an h2 section): what it measures, how, and its targets and approved actuals per period. */
function PublicIndicatorView({ indicator, tableOpen }: { indicator: PublicIndicator; tableOpen: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const periods = [...indicator.periods].sort((a, b) => a.fiscalYear - b.fiscalYear || (a.half ?? 0) - (b.half ?? 0));
  const name = locale === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
  const latest = periods.findLast((period) => period.actual !== null);
  return (
    <article aria-labelledby={`indicator-${indicator.id}`}>
      <h3 id={`indicator-${indicator.id}`} className="text-std-20B-150">
        {indicator.code ? <span className="mr-2 text-solid-gray-700">{indicator.code}</span> : null}
        {name}
      </h3>
      <p className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-dns-16N-130 text-solid-gray-800">
        <span>
          {t('plans.public.kind')}: {kindLabel(t, indicator.kind)}
        </span>
        {indicator.unit ? <span>{t('plans.indicators.unit', { unit: indicator.unit })}</span> : null}
        <span>{directionLabel(t, indicator.direction)}</span>
        <span>
          {t('plans.indicator.baseline')}:{' '}
          {indicator.baselineValue === null
            ? t('plans.figures.noBaseline')
            : `${formatValue(indicator.baselineValue, indicator.decimals, indicator.unit, locale)}${indicator.baselineYear ? `（${planYearLabel(indicator.baselineYear, locale)}）` : ''}`}
        </span>
      </p>
      {indicator.method || indicator.source ? (
        <Disclosure
          summary={
            <>
              {t('plans.public.methodSummary')}
              <span className="sr-only">: {name}</span>
            </>
          }
        >
          {() => (
            <dl className="mt-2 rounded-8 bg-solid-gray-50 p-3">
              {indicator.method ? (
                <>
                  <dt className="text-std-16B-170">{t('plans.indicatorForm.method')}</dt>
                  <dd className="whitespace-pre-wrap">{indicator.method}</dd>
                </>
              ) : null}
              {indicator.source ? (
                <>
                  <dt className="mt-2 text-std-16B-170">{t('plans.indicatorForm.source')}</dt>
                  <dd>{indicator.source}</dd>
                </>
              ) : null}
            </dl>
          )}
        </Disclosure>
      ) : null}
      {indicator.kind === 'composite' ? (
        <Disclosure
          summary={
            <>
              {t('plans.public.compositeSummary')}
              <span className="sr-only">: {name}</span>
            </>
          }
        >
          {() => (
            <div className="mt-2">
              <p className="mb-3">{t('plans.method.lead')}</p>
              <CompositeMethods methods={indicator.methods} headingLevel={4} />
            </div>
          )}
        </Disclosure>
      ) : null}
      <p className="mt-3 text-std-16N-170">
        <span className="text-std-16B-170">{t('plans.public.latestActual')}: </span>
        {latest
          ? t('plans.public.latestActualValue', {
              period: periodLabel(latest.fiscalYear, latest.half, locale),
              actual: formatValue(latest.actual, indicator.decimals, indicator.unit, locale),
              target: formatValue(latest.target, indicator.decimals, indicator.unit, locale),
              achievement: achievementText(t, latest.achievement, locale),
            })
          : t('plans.public.noActualYet')}
      </p>
      <Disclosure
        initiallyOpen={tableOpen}
        summary={
          <>
            {t('plans.public.periodTable')}
            <span className="sr-only">: {name}</span>
          </>
        }
      >
        {() => (
            <DataTable caption={t('plans.public.indicatorCaption', { name })} captionHidden className="mt-3 max-w-3xl">
              <ColumnHeaders columns={[t('plans.periods.period'), { label: t('plans.chart.target'), end: true }, { label: t('plans.public.actual'), end: true }, { label: t('plans.indicators.columns.achievement'), end: true }]} />
              <tbody>
                {periods.map((period) => (
                  <tr key={period.id} className={bodyRowClass}>
                    <th scope="row" className={`${thClass} min-w-44 font-normal ${period.half !== null ? 'pl-8' : ''}`}>
                      <PeriodLabel fiscalYear={period.fiscalYear} half={period.half} />
                    </th>
                    <td className={`${tdClass} text-end whitespace-nowrap`}>
                      <TargetCell period={period} decimals={indicator.decimals} unit={indicator.unit} />
                    </td>
                    <td className={`${tdClass} text-end whitespace-nowrap`}>
                      <ActualCell actual={period.actual} decimals={indicator.decimals} unit={indicator.unit} />
                    </td>
                    <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{achievementText(t, period.achievement, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
        )}
      </Disclosure>
    </article>
  );
}

/** Final reviews grouped by fiscal year and term, newest first; `titleOf` names a review's node (null: the whole plan). */
export function PublicReviewTables({ plan, reviews, titleOf }: { plan: PublicPlan; reviews: PublicReview[]; titleOf: (nodeId: string | null) => string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (reviews.length === 0) return <p className="text-std-16N-170">{t('plans.public.noReviews')}</p>;
  const groups = new Map<string, PublicReview[]>();
  for (const review of [...reviews].sort((a, b) => b.fiscalYear - a.fiscalYear || (a.term === 'annual' ? -1 : 1))) {
    const key = `${review.fiscalYear}|${review.term}`;
    groups.set(key, [...(groups.get(key) ?? []), review]);
  }
  const gradeName = (review: PublicReview) => {
    const grade = plan.plan.grades.find((candidate) => candidate.key === review.gradeKey);
    return grade ? optionName(grade, locale) : review.grade;
  };
  const table = (items: PublicReview[], caption: string, captionHidden: boolean) => (
    <DataTable caption={caption} captionHidden={captionHidden}>
      <ColumnHeaders columns={[t('plans.reviews.node'), t('plans.reviews.grade'), t('plans.reviews.comment')]} />
      <tbody>
        {items.map((review) => (
          <tr key={review.id} className={bodyRowClass}>
            <th scope="row" className={`${thClass} min-w-48 font-normal`}>
              {titleOf(review.nodeId)}
            </th>
            <td className={`${tdClass} whitespace-nowrap`}>{gradeName(review)}</td>
            <td className={`${tdClass} min-w-64 whitespace-pre-wrap`}>{review.comment || '—'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
  // The latest year and term in view; the earlier ones a click away (a plan reviewed twice a year for ten years has twenty).
  const [[, latest] = ['', []], ...earlier] = [...groups.entries()];
  const captionOf = (items: PublicReview[]) => t('plans.public.reviewCaption', { year: planYearLabel(items[0]!.fiscalYear, locale), term: termLabel(t, items[0]!.term) });
  return (
    <div className="space-y-4">
      {table(latest, captionOf(latest), false)}
      {earlier.map(([key, items]) => (
        <Disclosure key={key} summary={t('plans.public.reviewGroup', { caption: captionOf(items), count: items.length })}>
          {() => <div className="mt-3">{table(items, captionOf(items), true)}</div>}
        </Disclosure>
      ))}
    </div>
  );
}

/** Public committee meetings with the opinions voiced, what they concern (`titleOf` names a node) and the response. */
export function PublicMeetings({ meetings, titleOf }: { meetings: PublicMeeting[]; titleOf: (nodeId: string) => string }) {
  const { t } = useTranslation();
  if (meetings.length === 0) return <p className="text-std-16N-170">{t('plans.public.noMeetings')}</p>;
  const latestFirst = [...meetings].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return (
    <ol className="space-y-8">
      {latestFirst.map((meeting, meetingIndex) => (
        <li key={meeting.id}>
          <section aria-labelledby={`public-meeting-${meeting.id}`} className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
            <h3 id={`public-meeting-${meeting.id}`} className="text-std-20B-150">
              {meeting.title}
            </h3>
            <p className="mt-1 text-std-16N-170 text-solid-gray-800">
              <DateText iso={meeting.heldOn} />
            </p>
            {meeting.summary ? <p className="mt-3 whitespace-pre-wrap text-std-16N-170">{meeting.summary}</p> : null}
            {meeting.opinions.length > 0 ? (
              // The latest meeting's opinions in view; earlier meetings' a click away.
              <Disclosure initiallyOpen={meetingIndex === 0} className="mt-4" summaryClassName={`${disclosureSummaryClass} text-std-17B-170`} summary={t('plans.meetings.opinions', { count: meeting.opinions.length })}>
                {() => (
                  <ol className="mt-2 space-y-4">
                    {meeting.opinions.map((opinion, index) => (
                      <li key={opinion.id} className="rounded-8 bg-solid-gray-50 p-4 text-std-16N-170">
                        <p className="text-std-16B-170">
                          {t('plans.meetings.opinionNumber', { n: index + 1 })}
                          {opinion.speaker ? `（${opinion.speaker}）` : ''}
                        </p>
                        <p className="mt-1 whitespace-pre-wrap">{opinion.body}</p>
                        {opinion.nodeIds.length > 0 ? (
                          <p className="mt-2">
                            <span className="text-solid-gray-700">{t('plans.meetings.concerns')}: </span>
                            {opinion.nodeIds.map(titleOf).join('、')}
                          </p>
                        ) : null}
                        <div className="mt-3 border-l-4 border-blue-900 pl-3">
                          <p className="text-std-16B-170">{t('plans.meetings.response')}</p>
                          <p className="whitespace-pre-wrap">{opinion.response || t('plans.meetings.noResponse')}</p>
                        </div>
                      </li>
                    ))}
                  </ol>
                )}
              </Disclosure>
            ) : null}
          </section>
        </li>
      ))}
    </ol>
  );
}
