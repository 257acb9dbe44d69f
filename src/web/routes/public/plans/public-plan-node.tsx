import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { DateText } from '../../../components/DateText';
import { LoadError, Loading } from '../../../components/Feedback';
import { PageHeading } from '../../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../../components/Table';
import { TextLink } from '../../../components/TextLink';
import { ProgressMeter, RollupDetails } from '../../../features/plans/PlanParts';
import { PublicIndicators, PublicMeetings, PublicNotFound, PublicReviewTables } from '../../../features/plans/PublicPlanParts';
import { formatPlain, nodeTitle, optionNamer } from '../../../features/plans/plan-format';
import { type PublicNodeSummary, type PublicPlan, usePublicMeetings, usePublicNode, usePublicPlan, usePublicReviews } from '../../../features/plans/public-plans.api';
import { currentLocale } from '../../../i18n';

/**
 * One node of a public plan (no sign-in), as Decidim's result page: where it sits (breadcrumbs up to the plan),
 * what it is and who is responsible, its progress and how that was computed, the items under it, its
 * indicators with targets and approved actuals, its final reviews and the committee's opinions about it. The
 * plan's tree comes from the plan page's cache, so moving between nodes asks the server only for indicators.
 */
export function PublicPlanNodePage() {
  const { t } = useTranslation();
  const { planId, nodeId } = useParams({ from: '/open/open/plans/$planId/nodes/$nodeId' });
  const plan = usePublicPlan(planId);
  const node = plan.data?.nodes.find((candidate) => candidate.id === nodeId);
  const reviews = usePublicReviews(planId, node !== undefined);
  const meetings = usePublicMeetings(planId, node !== undefined);
  // The placeholder holds the viewport, so the footer does not jump when the plan arrives (layout shift).
  if (plan.isPending) return <div className="min-h-screen"><Loading /></div>;
  if (plan.isError) return <PublicNotFound error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!node) return <PublicNotFound error={null} onRetry={() => undefined} />;

  const data = plan.data;
  const locale = currentLocale();
  const byId = new Map(data.nodes.map((candidate) => [candidate.id, candidate]));
  const ancestors: PublicNodeSummary[] = [];
  for (let parent = node.parentId ? byId.get(node.parentId) : undefined; parent; parent = parent.parentId ? byId.get(parent.parentId) : undefined) ancestors.unshift(parent);
  const children = data.nodes.filter((candidate) => candidate.parentId === node.id);
  const planTitle = locale === 'en' && data.plan.titleEn ? data.plan.titleEn : data.plan.title;
  const titleOf = (id: string | null) => (id === null ? t('plans.reviews.wholePlan') : (byId.get(id) ? nodeTitle(byId.get(id)!) : '—'));
  const statusName = optionNamer(data.plan.statuses, locale);
  const opinionsHere = (meetings.data?.items ?? [])
    .map((meeting) => ({ ...meeting, opinions: meeting.opinions.filter((opinion) => opinion.nodeIds.includes(node.id)) }))
    .filter((meeting) => meeting.opinions.length > 0);

  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'list', link: <TextLink to="/open/plans">{t('plans.public.listTitle')}</TextLink> },
          { key: 'plan', link: <TextLink to="/open/plans/$planId" params={{ planId }}>{planTitle}</TextLink> },
          ...ancestors.map((ancestor) => ({
            key: ancestor.id,
            link: (
              <TextLink to="/open/plans/$planId/nodes/$nodeId" params={{ planId, nodeId: ancestor.id }}>
                {nodeTitle(ancestor)}
              </TextLink>
            ),
          })),
        ]}
        current={nodeTitle(node)}
      />
      <PageHeading title={`${nodeTitle(node)} | ${planTitle}`}>
        <span className="block text-std-17N-170 text-solid-gray-700">
          {planTitle}・{node.level}
        </span>
        {nodeTitle(node)}
      </PageHeading>
      <NodeSummary planId={planId} node={node} plan={data} statusName={statusName} titleOf={titleOf} />

      {children.length > 0 ? (
        <section aria-labelledby="public-node-children" className="mt-12">
          <h2 id="public-node-children" className="mb-4 text-std-24B-150">
            {t('plans.public.childrenTitle')}
          </h2>
          <DataTable caption={t('plans.public.childrenCaption', { title: nodeTitle(node) })} captionHidden>
            <ColumnHeaders columns={[t('plans.reviews.node'), t('plans.tree.status'), t('plans.tree.weight'), t('plans.tree.progress')]} />
            <tbody>
              {children.map((child) => (
                <tr key={child.id} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} min-w-56`}>
                    <span className="mr-2 font-normal text-solid-gray-700">{child.level}</span>
                    <TextLink to="/open/plans/$planId/nodes/$nodeId" params={{ planId, nodeId: child.id }}>
                      {nodeTitle(child)}
                    </TextLink>
                  </th>
                  <td className={`${tdClass} whitespace-nowrap`}>{child.statusKey ? statusName(child.statusKey) : t('plans.tree.noStatus')}</td>
                  <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{formatPlain(child.weight, locale)}</td>
                  <td className={tdClass}>
                    <ProgressMeter value={child.progress} size="sm" />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      <section aria-labelledby="public-node-indicators" className="mt-12">
        <h2 id="public-node-indicators" className="mb-2 text-std-24B-150">
          {t('plans.public.indicatorsTitle')}
        </h2>
        {node.indicatorCount > 0 ? (
          <>
            <p className="mb-6 text-std-16N-170">{t('plans.public.approvedOnly')}</p>
            <PublicIndicators planId={planId} nodeKey={node.id} tablesOpen />
          </>
        ) : (
          <p className="text-std-16N-170">{t('plans.public.noNodeIndicators')}</p>
        )}
      </section>

      <section aria-labelledby="public-node-reviews" className="mt-12">
        <h2 id="public-node-reviews" className="mb-2 text-std-24B-150">
          {t('plans.public.reviewsTitle')}
        </h2>
        <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('plans.public.reviewsLead')}</p>
        {reviews.isPending ? <Loading /> : null}
        {reviews.isError ? <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} /> : null}
        {reviews.data ? <PublicReviewTables plan={data} reviews={reviews.data.items.filter((review) => review.nodeId === node.id)} titleOf={titleOf} /> : null}
      </section>

      <section aria-labelledby="public-node-meetings" className="mt-12">
        <h2 id="public-node-meetings" className="mb-6 text-std-24B-150">
          {t('plans.public.nodeMeetingsTitle')}
        </h2>
        {meetings.isPending ? <Loading /> : null}
        {meetings.isError ? <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} /> : null}
        {meetings.data && opinionsHere.length === 0 ? <p className="text-std-16N-170">{t('plans.public.noNodeOpinions')}</p> : null}
        {opinionsHere.length > 0 ? <PublicMeetings meetings={opinionsHere} titleOf={titleOf} /> : null}
      </section>
    </>
  );
}

/** What the node is (its description and dates come with the node in full), and its progress with how it was computed. */
function NodeSummary({ planId, node, plan, statusName, titleOf }: { planId: string; node: PublicNodeSummary; plan: PublicPlan; statusName: (key: string) => string; titleOf: (id: string) => string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const full = usePublicNode(planId, node.id, true);
  const facts: { label: string; value: ReactNode }[] = [{ label: t('plans.public.level'), value: node.level }];
  if (node.division) facts.push({ label: t('plans.tree.division'), value: node.division });
  facts.push({ label: t('plans.tree.status'), value: node.statusKey ? statusName(node.statusKey) : t('plans.tree.noStatus') });
  if (plan.plan.rollupMethod === 'weighted') facts.push({ label: t('plans.tree.weight'), value: formatPlain(node.weight, locale) });
  const { startsOn, endsOn } = full.data ?? { startsOn: null, endsOn: null };
  if (startsOn || endsOn) {
    facts.push({
      label: t('plans.public.schedule'),
      value: (
        <span className="inline-flex flex-wrap items-start gap-x-2">
          {startsOn ? <DateText iso={startsOn} /> : null}
          <span>〜</span>
          {endsOn ? <DateText iso={endsOn} /> : null}
        </span>
      ),
    });
  }
  return (
    <section aria-labelledby="public-node-overview">
      <h2 id="public-node-overview" className="sr-only">
        {t('plans.public.nodeOverview')}
      </h2>
      {full.data?.description ? <p className="mb-4 max-w-4xl whitespace-pre-wrap text-std-16N-170">{full.data.description}</p> : null}
      {full.isError ? <LoadError error={full.error} onRetry={() => void full.refetch()} /> : null}
      <dl className="grid max-w-4xl grid-cols-1 gap-x-6 gap-y-2 text-std-16N-170 sm:grid-cols-[auto_1fr]">
        {facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="text-std-16B-170">{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 max-w-4xl rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
        <h3 className="text-std-20B-150">{t('plans.tree.progress')}</h3>
        <div className="mt-2">
          <ProgressMeter value={node.progress} label={t('plans.tree.progress')} />
        </div>
        {full.data ? <RollupDetails explanation={full.data.explanation} progress={node.progress} statusName={statusName} titleOf={titleOf} summary={t('plans.public.howComputed')} /> : null}
      </div>
    </section>
  );
}
