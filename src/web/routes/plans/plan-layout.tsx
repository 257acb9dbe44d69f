import { Link, Outlet, useParams, useRouterState } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { LoadError, Loading } from '../../components/Feedback';
import { focusRing } from '../../components/styles';
import { TextLink } from '../../components/TextLink';
import { PlanPeriod, ProgressMeter, VisibilityBadge } from '../../features/plans/PlanParts';
import { usePlan } from '../../features/plans/plans.api';

export type PlanSection = 'overview' | 'tree' | 'indicators' | 'roadmap' | 'reporting' | 'reviews' | 'meetings' | 'annualReport' | 'settings';

/** Which section of the plan the address is in (`/plans/<id>/indicators/…` → indicators). */
export function sectionOf(pathname: string, planId: string): PlanSection {
  const rest = pathname.split(`/plans/${planId}`)[1]?.replace(/^\//, '') ?? '';
  const head = rest.split('/')[0] ?? '';
  const sections: Record<string, PlanSection> = {
    tree: 'tree',
    indicators: 'indicators',
    roadmap: 'roadmap',
    reporting: 'reporting',
    reviews: 'reviews',
    meetings: 'meetings',
    'annual-report': 'annualReport',
    settings: 'settings',
  };
  return sections[head] ?? 'overview';
}

export function sectionLabel(t: TFunction, section: PlanSection): string {
  const labels: Record<PlanSection, string> = {
    overview: t('plans.nav.overview'),
    tree: t('plans.nav.tree'),
    indicators: t('plans.nav.indicators'),
    roadmap: t('plans.nav.roadmap'),
    reporting: t('plans.nav.reporting'),
    reviews: t('plans.nav.reviews'),
    meetings: t('plans.nav.meetings'),
    annualReport: t('plans.nav.annualReport'),
    settings: t('plans.nav.settings'),
  };
  return labels[section];
}

const tabClass = `inline-flex min-h-11 items-center border-b-4 border-transparent px-3 py-2 text-std-16N-170 text-solid-gray-900 underline-offset-[calc(3/16*1rem)] hover:bg-solid-gray-50 hover:underline data-[status=active]:border-blue-900 data-[status=active]:font-bold data-[status=active]:text-blue-1000 ${focusRing}`;

/**
 * One plan: its title with the section in the page heading (focus lands there after each move), the
 * period, whether it is public and its overall progress, and the plan's own navigation. The sections are
 * pages of their own (they have addresses to share and to come back to).
 */
export function PlanLayout() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/app/plans/$planId' });
  const plan = usePlan(planId);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const section = sectionOf(pathname, planId);
  const label = sectionLabel(t, section);
  const data = plan.data;

  useEffect(() => {
    document.title = `${label} - ${data?.title ?? t('plans.list.title')} | ${t('app.name')}`;
  }, [label, data?.title, t]);

  const notFound = isApiError(plan.error) && plan.error.status === 404;
  return (
    <>
      <div className="print:hidden">
        <TextLink to="/plans" className="mb-4 inline-block text-std-16N-170">
          {t('plans.layout.backToList')}
        </TextLink>
        <h1 tabIndex={-1} data-route-heading className="text-std-32B-150 text-solid-gray-900">
          {data ? data.title : notFound ? t('notFound.title') : t('plans.list.title')}
          <span className="mt-1 block text-std-20N-150 text-solid-gray-700">{label}</span>
        </h1>
        {data ? (
          <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-std-16N-170 text-solid-gray-800">
            {data.edition ? <span>{data.edition}</span> : null}
            <span>
              <span className="sr-only">{t('plans.layout.period')}: </span>
              <PlanPeriod startYear={data.startYear} endYear={data.endYear} />
            </span>
            <VisibilityBadge visibility={data.visibility} />
            <span className="flex items-center gap-2">
              <span>{t('plans.layout.progress')}</span>
              <ProgressMeter value={data.progress} size="sm" />
            </span>
          </div>
        ) : null}
        {data ? <PlanNav planId={planId} section={section} canSeeSettings={data.abilities.edit || data.abilities.publish} /> : null}
      </div>
      {plan.isPending ? <Loading /> : null}
      {notFound ? <p className="mt-6 text-std-16N-170">{t('notFound.body')}</p> : null}
      {plan.isError && !notFound ? <LoadError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {data ? (
        <div className="mt-8 print:mt-0">
          <Outlet />
        </div>
      ) : null}
    </>
  );
}

function PlanNav({ planId, section, canSeeSettings }: { planId: string; section: PlanSection; canSeeSettings: boolean }) {
  const { t } = useTranslation();
  const params = { planId };
  const item = (key: string, link: ReactNode) => <li key={key}>{link}</li>;
  return (
    <nav aria-label={t('plans.nav.label')} className="mt-6">
      <ul className="flex flex-wrap gap-x-1 border-b border-solid-gray-420">
        {item(
          'overview',
          <Link to="/plans/$planId" params={params} search={{}} activeOptions={{ exact: true, includeSearch: false }} className={tabClass}>
            {t('plans.nav.overview')}
          </Link>,
        )}
        {item(
          'tree',
          <Link to="/plans/$planId/tree" params={params} activeOptions={{ includeSearch: false }} className={tabClass}>
            {t('plans.nav.tree')}
          </Link>,
        )}
        {section === 'roadmap' ? (
          <li>
            <span aria-current="page" data-status="active" className={tabClass}>
              {t('plans.nav.roadmap')}
            </span>
          </li>
        ) : null}
        {item(
          'indicators',
          <Link to="/plans/$planId/indicators" params={params} search={{}} activeOptions={{ includeSearch: false }} className={tabClass}>
            {t('plans.nav.indicators')}
          </Link>,
        )}
        {item(
          'reporting',
          <Link to="/plans/$planId/reporting" params={params} search={{}} activeOptions={{ includeSearch: false }} className={tabClass}>
            {t('plans.nav.reporting')}
          </Link>,
        )}
        {item(
          'reviews',
          <Link to="/plans/$planId/reviews" params={params} search={{}} activeOptions={{ includeSearch: false }} className={tabClass}>
            {t('plans.nav.reviews')}
          </Link>,
        )}
        {item(
          'meetings',
          <Link to="/plans/$planId/meetings" params={params} activeOptions={{ includeSearch: false }} className={tabClass}>
            {t('plans.nav.meetings')}
          </Link>,
        )}
        {item(
          'annualReport',
          <Link to="/plans/$planId/annual-report" params={params} search={{}} activeOptions={{ includeSearch: false }} className={tabClass}>
            {t('plans.nav.annualReport')}
          </Link>,
        )}
        {canSeeSettings
          ? item(
              'settings',
              <Link to="/plans/$planId/settings" params={params} activeOptions={{ includeSearch: false }} className={tabClass}>
                {t('plans.nav.settings')}
              </Link>,
            )
          : null}
      </ul>
    </nav>
  );
}

/** The plan the layout has loaded (the sections render only once it is there). */
export function useLoadedPlan() {
  const { planId } = useParams({ from: '/app/plans/$planId' });
  const plan = usePlan(planId);
  return { planId, plan: plan.data };
}
