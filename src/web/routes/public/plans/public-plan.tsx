import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { DateText } from '../../../components/DateText';
import { LoadError, Loading } from '../../../components/Feedback';
import { Notice } from '../../../components/Notice';
import { PageHeading } from '../../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../../components/Table';
import { TextLink } from '../../../components/TextLink';
import { linkStyle } from '../../../components/styles';
import { ActualCell, PeriodLabel, TargetCell } from '../../../features/plans/IndicatorCells';
import { CompositeMethods } from '../../../features/plans/MethodViews';
import { PlanPeriod, ProgressMeter, RollupDetails } from '../../../features/plans/PlanParts';
import { PlanTreeList } from '../../../features/plans/PlanTree';
import {
  achievementText,
  directionLabel,
  formatValue,
  kindLabel,
  nodeTitle,
  optionName,
  planYearLabel,
  rollupMethodHelp,
  rollupMethodLabel,
  termLabel,
} from '../../../features/plans/plan-format';
import {
  type PublicIndicator,
  type PublicMeeting,
  type PublicNode,
  type PublicPlan,
  type PublicReview,
  usePublicNodeIndicators,
  usePublicMeetings,
  usePublicPlan,
  usePublicReviews,
} from '../../../features/plans/public-plans.api';
import { currentLocale } from '../../../i18n';

/**
 * A public plan (no sign-in): what it is, how far along it is and how that is computed, the tree with the
 * progress of every node, the indicators with targets (the original kept in view when revised) and approved
 * actuals per fiscal year, how composite indices are made, final reviews, public committee meetings, and the
 * open data. Plain HTML with native disclosures, so it stays light on a phone.
 */
export function PublicPlanPage() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/open/open/plans/$planId' });
  const plan = usePublicPlan(planId);
  const loaded = plan.data !== undefined;
  const reviews = usePublicReviews(planId, loaded);
  const meetings = usePublicMeetings(planId, loaded);
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    if (isApiError(plan.error) && plan.error.status === 404) {
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
    return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  const data = plan.data;
  const locale = currentLocale();
  const title = locale === 'en' && data.plan.titleEn ? data.plan.titleEn : data.plan.title;
  return (
    <>
      <TextLink to="/open/plans" className="mb-4 inline-block text-std-16N-170">
        {t('plans.public.backToList')}
      </TextLink>
      <PageHeading title={title}>
        <span className="block text-std-17N-170 text-solid-gray-700">{data.plan.organisation}</span>
        {title}
      </PageHeading>
      <Notice tone="info" className="mb-8">
        <p>{t('plans.public.approvedOnly')}</p>
      </Notice>
      <Overview data={data} />
      <TreeSection data={data} />
      <section aria-labelledby="public-indicators" className="mt-12">
        <h2 id="public-indicators" className="mb-2 text-std-24B-150">
          {t('plans.public.indicatorsTitle')}
        </h2>
        <p className="mb-6 text-std-16N-170">{t('plans.public.approvedOnly')}</p>
        <IndicatorsByNode planId={planId} nodes={data.nodes} planLevel={data.planIndicatorCount} />
      </section>
      <section aria-labelledby="public-reviews" className="mt-12">
        <h2 id="public-reviews" className="mb-2 text-std-24B-150">
          {t('plans.public.reviewsTitle')}
        </h2>
        <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('plans.public.reviewsLead')}</p>
        {reviews.isPending ? <Loading /> : null}
        {reviews.isError ? <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} /> : null}
        {reviews.data ? <Reviews plan={data} reviews={reviews.data.items} /> : null}
      </section>
      <section aria-labelledby="public-meetings" className="mt-12">
        <h2 id="public-meetings" className="mb-6 text-std-24B-150">
          {t('plans.public.meetingsTitle')}
        </h2>
        {meetings.isPending ? <Loading /> : null}
        {meetings.isError ? <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} /> : null}
        {meetings.data ? <Meetings nodes={data.nodes} meetings={meetings.data.items} /> : null}
      </section>
      <OpenData planId={planId} />
    </>
  );
}

function Overview({ data }: { data: PublicPlan }) {
  const { t } = useTranslation();
  const plan = data.plan;
  const titles = new Map(data.nodes.map((node) => [node.id, nodeTitle(node)]));
  return (
    <section aria-labelledby="public-overview">
      <h2 id="public-overview" className="mb-4 text-std-24B-150">
        {t('plans.public.overviewTitle')}
      </h2>
      {plan.description ? <p className="mb-4 max-w-4xl whitespace-pre-wrap text-std-16N-170">{plan.description}</p> : null}
      <dl className="grid max-w-4xl grid-cols-1 gap-x-6 gap-y-2 text-std-16N-170 sm:grid-cols-[auto_1fr]">
        <dt className="text-std-16B-170">{t('plans.public.organisation')}</dt>
        <dd>{plan.organisation}</dd>
        {plan.edition ? (
          <>
            <dt className="text-std-16B-170">{t('plans.public.edition')}</dt>
            <dd>{plan.edition}</dd>
          </>
        ) : null}
        <dt className="text-std-16B-170">{t('plans.layout.period')}</dt>
        <dd>
          <PlanPeriod startYear={plan.startYear} endYear={plan.endYear} />
        </dd>
        <dt className="text-std-16B-170">{t('plans.public.structure')}</dt>
        <dd>{plan.levelNames.join(' → ')}</dd>
        <dt className="text-std-16B-170">{t('plans.public.rollup')}</dt>
        <dd>
          {rollupMethodLabel(t, plan.rollupMethod)}: {rollupMethodHelp(t, plan.rollupMethod)}
        </dd>
        {plan.publishedAt ? (
          <>
            <dt className="text-std-16B-170">{t('plans.public.publishedAt')}</dt>
            <dd>
              <DateText iso={plan.publishedAt} />
            </dd>
          </>
        ) : null}
      </dl>
      <div className="mt-6 max-w-4xl rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
        <h3 className="text-std-20B-150">{t('plans.tree.planProgress')}</h3>
        <div className="mt-2">
          <ProgressMeter value={plan.progress} label={t('plans.tree.planProgress')} />
        </div>
        <RollupDetails explanation={data.explanation} progress={plan.progress} titleOf={(id) => titles.get(id) ?? id} summary={t('plans.public.howComputed')} />
      </div>
    </section>
  );
}

function TreeSection({ data }: { data: PublicPlan }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const statusName = (key: string) => {
    const status = data.plan.statuses.find((candidate) => candidate.key === key);
    return status ? optionName(status, locale) : key;
  };
  return (
    <section aria-labelledby="public-tree" className="mt-12">
      <h2 id="public-tree" className="mb-2 text-std-24B-150">
        {t('plans.public.treeTitle')}
      </h2>
      <p className="mb-6 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('plans.public.treeLead')}</p>
      {data.nodes.length === 0 ? <p className="text-std-16N-170">{t('plans.tree.empty')}</p> : null}
      <PlanTreeList
        nodes={data.nodes}
        label={t('plans.public.treeTitle')}
        statusName={statusName}
        idPrefix="public-node"
        extra={(node) =>
          node.indicatorIds.length > 0 ? (
            <p className="mt-2 text-std-16N-170">
              <a href={`#indicators-${node.id}`} className={linkStyle}>
                {t('plans.public.toIndicators', { count: node.indicatorIds.length })}
                <span className="sr-only">: {nodeTitle(node)}</span>
              </a>
            </p>
          ) : null
        }
      />
    </section>
  );
}

/**
 * Indicators grouped by node, each group a disclosure whose indicators are fetched when it opens: a plan of
 * 5,000 indicators would otherwise send and draw them all at once. The plan's own indicators (基本目標) start
 * open. The tree's links point into a group, and following one opens it (the browser reveals a closed
 * disclosure holding the target).
 */
function IndicatorsByNode({ planId, nodes, planLevel }: { planId: string; nodes: PublicNode[]; planLevel: number }) {
  const { t } = useTranslation();
  const groups = nodes.filter((node) => node.indicatorIds.length > 0);
  if (groups.length === 0 && planLevel === 0) return <p className="text-std-16N-170">{t('plans.indicators.empty')}</p>;
  return (
    <div className="space-y-4">
      {planLevel > 0 ? <IndicatorGroup planId={planId} node={null} total={planLevel} initiallyOpen /> : null}
      {groups.map((node) => (
        <IndicatorGroup key={node.id} planId={planId} node={node} total={node.indicatorIds.length} initiallyOpen={false} />
      ))}
    </div>
  );
}

function IndicatorGroup({ planId, node, total, initiallyOpen }: { planId: string; node: PublicNode | null; total: number; initiallyOpen: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const key = node?.id ?? 'plan';
  const indicators = usePublicNodeIndicators(planId, key, open);
  return (
    <details open={initiallyOpen} onToggle={(event) => setOpen(event.currentTarget.open)} className="rounded-8 border border-solid-gray-420 bg-white p-3 sm:p-4">
      <summary className="cursor-pointer rounded-4 text-std-17B-170 focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
        {node ? (
          <>
            <span className="mr-2 text-std-16N-170 text-solid-gray-700">{node.level}</span>
            {nodeTitle(node)}
          </>
        ) : (
          t('plans.indicators.planLevel')
        )}
        <span className="ml-2 text-std-16N-170 text-solid-gray-700">{t('plans.public.indicatorCount', { count: total })}</span>
      </summary>
      <div id={`indicators-${key}`} tabIndex={-1} className="mt-4 space-y-8 outline-none">
        {open && indicators.isPending ? <Loading /> : null}
        {indicators.isError ? <LoadError error={indicators.error} onRetry={() => void indicators.refetch()} /> : null}
        {indicators.data?.items.map((indicator) => <PublicIndicatorView key={indicator.id} indicator={indicator} />)}
      </div>
    </details>
  );
}

function PublicIndicatorView({ indicator }: { indicator: PublicIndicator }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const periods = [...indicator.periods].sort((a, b) => a.fiscalYear - b.fiscalYear || (a.half ?? 0) - (b.half ?? 0));
  const name = locale === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
  return (
    <article aria-labelledby={`indicator-${indicator.id}`}>
      <h3 id={`indicator-${indicator.id}`} className="text-std-17B-170">
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
        <details className="mt-2 text-std-16N-170">
          <summary className="w-fit cursor-pointer rounded-4 text-blue-1000 underline focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
            {t('plans.public.methodSummary')}
            <span className="sr-only">: {name}</span>
          </summary>
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
        </details>
      ) : null}
      {indicator.kind === 'composite' ? (
        <details className="mt-2 text-std-16N-170">
          <summary className="w-fit cursor-pointer rounded-4 text-blue-1000 underline focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
            {t('plans.public.compositeSummary')}
            <span className="sr-only">: {name}</span>
          </summary>
          <div className="mt-2">
            <p className="mb-3">{t('plans.method.lead')}</p>
            <CompositeMethods methods={indicator.methods} headingLevel={4} />
          </div>
        </details>
      ) : null}
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
    </article>
  );
}

function Reviews({ plan, reviews }: { plan: PublicPlan; reviews: PublicReview[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (reviews.length === 0) return <p className="text-std-16N-170">{t('plans.public.noReviews')}</p>;
  const titles = new Map(plan.nodes.map((node) => [node.id, `${node.level} ${nodeTitle(node)}`]));
  const groups = new Map<string, PublicReview[]>();
  for (const review of [...reviews].sort((a, b) => b.fiscalYear - a.fiscalYear || (a.term === 'annual' ? -1 : 1))) {
    const key = `${review.fiscalYear}|${review.term}`;
    groups.set(key, [...(groups.get(key) ?? []), review]);
  }
  const gradeName = (review: PublicReview) => {
    const grade = plan.plan.grades.find((candidate) => candidate.key === review.gradeKey);
    return grade ? optionName(grade, locale) : review.grade;
  };
  return (
    <div className="space-y-8">
      {[...groups.entries()].map(([key, items]) => {
        const first = items[0]!;
        return (
          <DataTable key={key} caption={t('plans.public.reviewCaption', { year: planYearLabel(first.fiscalYear, locale), term: termLabel(t, first.term) })}>
            <ColumnHeaders columns={[t('plans.reviews.node'), t('plans.reviews.grade'), t('plans.reviews.comment')]} />
            <tbody>
              {items.map((review) => (
                <tr key={review.id} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} min-w-48 font-normal`}>
                    {review.nodeId ? (titles.get(review.nodeId) ?? '—') : t('plans.reviews.wholePlan')}
                  </th>
                  <td className={`${tdClass} whitespace-nowrap`}>{gradeName(review)}</td>
                  <td className={`${tdClass} min-w-64 whitespace-pre-wrap`}>{review.comment || '—'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        );
      })}
    </div>
  );
}

function Meetings({ nodes, meetings }: { nodes: PublicNode[]; meetings: PublicMeeting[] }) {
  const { t } = useTranslation();
  const titles = new Map(nodes.map((node) => [node.id, nodeTitle(node)]));
  if (meetings.length === 0) return <p className="text-std-16N-170">{t('plans.public.noMeetings')}</p>;
  return (
    <ol className="space-y-8">
      {meetings.map((meeting) => (
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
              <>
                <h4 className="mt-4 text-std-17B-170">{t('plans.meetings.opinions', { count: meeting.opinions.length })}</h4>
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
                          {opinion.nodeIds.map((id) => titles.get(id) ?? '—').join('、')}
                        </p>
                      ) : null}
                      <div className="mt-3 border-l-4 border-blue-900 pl-3">
                        <p className="text-std-16B-170">{t('plans.meetings.response')}</p>
                        <p className="whitespace-pre-wrap">{opinion.response || t('plans.meetings.noResponse')}</p>
                      </div>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </section>
        </li>
      ))}
    </ol>
  );
}

function OpenData({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const base = `/api/v1/public/plans/${encodeURIComponent(planId)}`;
  return (
    <section aria-labelledby="public-open-data" className="mt-12">
      <h2 id="public-open-data" className="mb-2 text-std-24B-150">
        {t('plans.public.openDataTitle')}
      </h2>
      <p className="mb-4 max-w-4xl text-std-16N-170">{t('plans.public.openDataLead')}</p>
      <ul className="list-disc space-y-2 pl-6 text-std-16N-170">
        <li>
          <a href={`${base}/open-data.csv`} download className={linkStyle}>
            {t('plans.public.csv')}
          </a>
        </li>
        <li>
          <a href={`${base}/open-data.json`} download className={linkStyle}>
            {t('plans.public.json')}
          </a>
        </li>
        <li>
          <a href="/api/v1/public/open-data/schema" className={linkStyle}>
            {t('plans.public.schema')}
          </a>
        </li>
      </ul>
    </section>
  );
}
