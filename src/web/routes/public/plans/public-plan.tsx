import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/DateText';
import { LoadError, Loading } from '../../../components/Feedback';
import { Notice } from '../../../components/Notice';
import { PageHeading } from '../../../components/PageHeading';
import { TextLink } from '../../../components/TextLink';
import { linkStyle } from '../../../components/styles';
import { PlanPeriod, ProgressMeter, RollupDetails } from '../../../features/plans/PlanParts';
import { PlanTreeList } from '../../../features/plans/PlanTree';
import { PublicIndicators, PublicMeetings, PublicNodeRollup, PublicNotFound, PublicReviewTables } from '../../../features/plans/PublicPlanParts';
import { nodeTitle, optionNamer, rollupMethodHelp, rollupMethodLabel } from '../../../features/plans/plan-format';
import { type PublicPlan, usePublicMeetings, usePublicPlan, usePublicReviews } from '../../../features/plans/public-plans.api';
import { currentLocale } from '../../../i18n';

/**
 * A public plan (no sign-in): what it is, how far along it is and how that is computed, the tree with the
 * progress of every node, the plan's own indicators (基本目標) with targets (the original kept in view when
 * revised) and approved actuals, the final reviews of the plan and its top level, public committee meetings,
 * and the open data. Each node has a page of its own (public-plan-node.tsx) with its indicators and reviews, as
 * a plan of 2,000 nodes and 5,000 indicators cannot be one page. Plain HTML with native disclosures, so it
 * stays light on a phone.
 */
export function PublicPlanPage() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/open/open/plans/$planId' });
  const plan = usePublicPlan(planId);
  const loaded = plan.data !== undefined;
  const reviews = usePublicReviews(planId, loaded);
  const meetings = usePublicMeetings(planId, loaded);
  // The placeholder holds the viewport, so the footer does not jump when the plan arrives (layout shift).
  if (plan.isPending) return <div className="min-h-screen"><Loading /></div>;
  if (plan.isError) return <PublicNotFound error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = plan.data;
  const locale = currentLocale();
  const title = locale === 'en' && data.plan.titleEn ? data.plan.titleEn : data.plan.title;
  const titles = new Map(data.nodes.map((node) => [node.id, `${node.level} ${nodeTitle(node)}`]));
  const titleOf = (nodeId: string | null) => (nodeId === null ? t('plans.reviews.wholePlan') : (titles.get(nodeId) ?? '—'));
  const topLevel = new Set(data.nodes.filter((node) => node.parentId === null).map((node) => node.id));
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
      {data.planIndicatorCount > 0 ? (
        <section aria-labelledby="public-indicators" className="mt-12">
          <h2 id="public-indicators" className="mb-2 text-std-24B-150">
            {t('plans.public.planIndicatorsTitle')}
          </h2>
          <p className="mb-6 max-w-4xl text-std-16N-170">{t('plans.public.planIndicatorsLead')}</p>
          <PublicIndicators planId={planId} nodeKey="plan" tablesOpen={false} />
        </section>
      ) : null}
      <section aria-labelledby="public-reviews" className="mt-12">
        <h2 id="public-reviews" className="mb-2 text-std-24B-150">
          {t('plans.public.reviewsTitle')}
        </h2>
        <p className="mb-6 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('plans.public.reviewsTopLead')}</p>
        {reviews.isPending ? <Loading /> : null}
        {reviews.isError ? <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} /> : null}
        {reviews.data ? <PublicReviewTables plan={data} reviews={reviews.data.items.filter((review) => review.nodeId === null || topLevel.has(review.nodeId))} titleOf={titleOf} /> : null}
      </section>
      <section aria-labelledby="public-meetings" className="mt-12">
        <h2 id="public-meetings" className="mb-6 text-std-24B-150">
          {t('plans.public.meetingsTitle')}
        </h2>
        {meetings.isPending ? <Loading /> : null}
        {meetings.isError ? <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} /> : null}
        {meetings.data ? <PublicMeetings meetings={meetings.data.items} titleOf={titleOf} /> : null}
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
  const statusName = optionNamer(data.plan.statuses, locale);
  const titles = new Map(data.nodes.map((node) => [node.id, nodeTitle(node)]));
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
        indicatorCount={(node) => node.indicatorCount}
        explain={(node) => <PublicNodeRollup planId={data.plan.id} nodeId={node.id} progress={node.progress} statusName={statusName} titleOf={(id) => titles.get(id) ?? id} />}
        extra={(node) => (
          <p className="mt-2 text-std-16N-170">
            <TextLink to="/open/plans/$planId/nodes/$nodeId" params={{ planId: data.plan.id, nodeId: node.id }}>
              {t('plans.public.toNode', { count: node.indicatorCount })}
              <span className="sr-only">: {nodeTitle(node)}</span>
            </TextLink>
          </p>
        )}
      />
    </section>
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
