import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { publicPlanQuery } from '../features/plans/public-plans.api';
import { currentTenantOf, sessionQuery } from '../features/session/session.api';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found';
import { ConsultShell, OpenShell, PublicShell } from './public-shell';
import { RootLayout } from './root';
import { type CaseSearch, parseCaseSearch } from './cases/case-search';
import { type CompanySearch, parseCompanySearch } from './companies/company-search';
import { type CommissionSearch, parseFiscalYear } from './reports/report-search';
import {
  parseIndicatorListSearch,
  parseIndicatorSearch,
  parseNodeSearch,
  parseReportingSearch,
  parseReviewSearch,
  parseYearSearch,
} from './plans/plan-search';

/**
 * The route tree (code-based, so every page is its own lazily loaded chunk). Pages that need a
 * signed-in person live under the `app` layout, whose guard sends others to the sign-in page.
 */
interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicShell });

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    // Only a path inside the app: never an absolute URL (no open redirect).
    redirect: typeof search.redirect === 'string' && search.redirect.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : undefined,
  }),
  component: lazyRouteComponent(() => import('./auth/sign-in'), 'SignInPage'),
});
const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('./auth/forgot-password'), 'ForgotPasswordPage'),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: typeof search.token === 'string' ? search.token : undefined }),
  component: lazyRouteComponent(() => import('./auth/reset-password'), 'ResetPasswordPage'),
});
const acceptInvitationRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/invitations/$tenantId/$token',
  component: lazyRouteComponent(() => import('./auth/accept-invitation'), 'AcceptInvitationPage'),
});

const consultLayout = createRoute({ getParentRoute: () => rootRoute, id: 'public-form', component: ConsultShell });
const consultRoute = createRoute({
  getParentRoute: () => consultLayout,
  path: '/consult/$slug',
  component: lazyRouteComponent(() => import('./public/consult'), 'ConsultPage'),
});

// The public 見える化 of plans: no sign-in, a wide page for tables.
const openLayout = createRoute({ getParentRoute: () => rootRoute, id: 'open', component: OpenShell });
const openPlansRoute = createRoute({
  getParentRoute: () => openLayout,
  path: '/open/plans',
  component: lazyRouteComponent(() => import('./public/plans/public-plan-list'), 'PublicPlanListPage'),
});
const openPlanRoute = createRoute({
  getParentRoute: () => openLayout,
  path: '/open/plans/$planId',
  // Not awaited: the page shows its own loading state; this only lets the plan's request start with the page's code.
  loader: ({ context, params }) => void context.queryClient.prefetchQuery(publicPlanQuery(params.planId)),
  component: lazyRouteComponent(() => import('./public/plans/public-plan'), 'PublicPlanPage'),
});
const openPlanNodeRoute = createRoute({
  getParentRoute: () => openLayout,
  path: '/open/plans/$planId/nodes/$nodeId',
  loader: ({ context, params }) => void context.queryClient.prefetchQuery(publicPlanQuery(params.planId)),
  component: lazyRouteComponent(() => import('./public/plans/public-plan-node'), 'PublicPlanNodePage'),
});

const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session.user) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { session };
  },
  component: AppShell,
});

const homeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/',
  // The commissioning body (viewer) reads reports only; everyone else starts at the register.
  beforeLoad: ({ context }) => {
    throw redirect({ to: currentTenantOf(context.session)?.role === 'viewer' ? '/reports' : '/companies' });
  },
});

const companiesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/companies',
  validateSearch: (search: Record<string, unknown>): CompanySearch => parseCompanySearch(search),
  component: lazyRouteComponent(() => import('./companies/company-list'), 'CompanyListPage'),
});
const companyNewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/companies/new',
  component: lazyRouteComponent(() => import('./companies/company-new'), 'CompanyNewPage'),
});
const companyImportRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/companies/import',
  component: lazyRouteComponent(() => import('./companies/company-import'), 'CompanyImportPage'),
});
const companyDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/companies/$companyId',
  component: lazyRouteComponent(() => import('./companies/company-detail'), 'CompanyDetailPage'),
});
const companyEditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/companies/$companyId/edit',
  component: lazyRouteComponent(() => import('./companies/company-edit'), 'CompanyEditPage'),
});
const casesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/cases',
  validateSearch: (search: Record<string, unknown>): CaseSearch => parseCaseSearch(search),
  component: lazyRouteComponent(() => import('./cases/case-list'), 'CaseListPage'),
});
const caseBoardRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/cases/board',
  validateSearch: (search: Record<string, unknown>): CaseSearch => parseCaseSearch(search),
  component: lazyRouteComponent(() => import('./cases/case-board'), 'CaseBoardPage'),
});
const caseNewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/cases/new',
  component: lazyRouteComponent(() => import('./cases/case-new'), 'CaseNewPage'),
});
const caseImportRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/cases/import',
  component: lazyRouteComponent(() => import('./cases/case-import'), 'CaseImportPage'),
});
const caseDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/cases/$caseId',
  component: lazyRouteComponent(() => import('./cases/case-detail'), 'CaseDetailPage'),
});
const followUpsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/follow-ups',
  validateSearch: (search: Record<string, unknown>): { due?: 'upcoming' | 'all' } => ({
    due: search.due === 'upcoming' || search.due === 'all' ? search.due : undefined,
  }),
  component: lazyRouteComponent(() => import('./cases/follow-ups'), 'FollowUpsPage'),
});
const deskAdminRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/desk',
  component: lazyRouteComponent(() => import('./admin/desk'), 'DeskAdminPage'),
});
const programmesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/programmes',
  validateSearch: (search: Record<string, unknown>): { status?: 'active' | 'archived' | 'all' } => ({
    status: search.status === 'archived' || search.status === 'all' ? search.status : undefined,
  }),
  component: lazyRouteComponent(() => import('./programmes/programme-list'), 'ProgrammeListPage'),
});
const programmeNewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/programmes/new',
  component: lazyRouteComponent(() => import('./programmes/programme-edit'), 'ProgrammeNewPage'),
});
const programmeDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/programmes/$programmeId',
  component: lazyRouteComponent(() => import('./programmes/programme-detail'), 'ProgrammeDetailPage'),
});
const programmeEditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/programmes/$programmeId/edit',
  component: lazyRouteComponent(() => import('./programmes/programme-edit'), 'ProgrammeEditPage'),
});
const reportsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/reports',
  validateSearch: (search: Record<string, unknown>): { fiscalYear?: number } => ({ fiscalYear: parseFiscalYear(search.fiscalYear) }),
  component: lazyRouteComponent(() => import('./reports/dashboard'), 'DashboardPage'),
});
const commissionReportRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/reports/commission',
  validateSearch: (search: Record<string, unknown>): CommissionSearch => ({
    fiscalYear: parseFiscalYear(search.fiscalYear),
    programmeId: typeof search.programmeId === 'string' && /^[0-9a-f-]{36}$/i.test(search.programmeId) ? search.programmeId : undefined,
    publication: search.publication === true || search.publication === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('./reports/commission-report'), 'CommissionReportPage'),
});
const plansRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/plans',
  component: lazyRouteComponent(() => import('./plans/plan-list'), 'PlanListPage'),
});
const planUpdatesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/plans/updates',
  component: lazyRouteComponent(() => import('./plans/update-queue'), 'UpdateQueuePage'),
});
// One plan: a layout (title, progress, the plan's sub-navigation) and a page per section.
const planLayoutRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/plans/$planId',
  component: lazyRouteComponent(() => import('./plans/plan-layout'), 'PlanLayout'),
});
const planOverviewRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: '/',
  validateSearch: parseYearSearch,
  component: lazyRouteComponent(() => import('./plans/plan-overview'), 'PlanOverviewPage'),
});
const planTreeRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'tree',
  component: lazyRouteComponent(() => import('./plans/plan-tree'), 'PlanTreePage'),
});
const planIndicatorsRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'indicators',
  validateSearch: parseIndicatorListSearch,
  component: lazyRouteComponent(() => import('./plans/indicator-list'), 'IndicatorListPage'),
});
const planIndicatorNewRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'indicators/new',
  validateSearch: parseNodeSearch,
  component: lazyRouteComponent(() => import('./plans/indicator-new'), 'IndicatorNewPage'),
});
const planIndicatorRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'indicators/$indicatorId',
  validateSearch: parseIndicatorSearch,
  component: lazyRouteComponent(() => import('./plans/indicator-detail'), 'IndicatorDetailPage'),
});
const planIndicatorEditRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'indicators/$indicatorId/edit',
  component: lazyRouteComponent(() => import('./plans/indicator-edit'), 'IndicatorEditPage'),
});
const planRoadmapRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'roadmap/$nodeId',
  component: lazyRouteComponent(() => import('./plans/roadmap'), 'RoadmapPage'),
});
const planReportingRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'reporting',
  validateSearch: parseReportingSearch,
  component: lazyRouteComponent(() => import('./plans/reporting'), 'ReportingPage'),
});
const planReviewsRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'reviews',
  validateSearch: parseReviewSearch,
  component: lazyRouteComponent(() => import('./plans/reviews'), 'ReviewsPage'),
});
const planMeetingsRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'meetings',
  component: lazyRouteComponent(() => import('./plans/meetings'), 'MeetingsPage'),
});
const planAnnualReportRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'annual-report',
  validateSearch: parseYearSearch,
  component: lazyRouteComponent(() => import('./plans/annual-report'), 'AnnualReportPage'),
});
const planSettingsRoute = createRoute({
  getParentRoute: () => planLayoutRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('./plans/plan-settings'), 'PlanSettingsPage'),
});
const settingsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/settings',
  component: lazyRouteComponent(() => import('./settings'), 'SettingsPage'),
});
const membersRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/members',
  component: lazyRouteComponent(() => import('./admin/members'), 'MembersPage'),
});
const auditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/audit',
  validateSearch: (search: Record<string, unknown>): { entityType?: string; entityId?: string; action?: string } => ({
    entityType: typeof search.entityType === 'string' && search.entityType ? search.entityType : undefined,
    entityId: typeof search.entityId === 'string' && search.entityId ? search.entityId : undefined,
    action: typeof search.action === 'string' && search.action ? search.action : undefined,
  }),
  component: lazyRouteComponent(() => import('./admin/audit'), 'AuditLogPage'),
});
const mailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/mail',
  component: lazyRouteComponent(() => import('./admin/mail'), 'MailOutboxPage'),
});

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([signInRoute, forgotPasswordRoute, resetPasswordRoute, acceptInvitationRoute]),
  consultLayout.addChildren([consultRoute]),
  openLayout.addChildren([openPlansRoute, openPlanRoute, openPlanNodeRoute]),
  appLayout.addChildren([
    homeRoute,
    companiesRoute,
    companyNewRoute,
    companyImportRoute,
    companyDetailRoute,
    companyEditRoute,
    casesRoute,
    caseBoardRoute,
    caseNewRoute,
    caseImportRoute,
    caseDetailRoute,
    followUpsRoute,
    deskAdminRoute,
    programmesRoute,
    programmeNewRoute,
    programmeDetailRoute,
    programmeEditRoute,
    reportsRoute,
    commissionReportRoute,
    plansRoute,
    planUpdatesRoute,
    planLayoutRoute.addChildren([
      planOverviewRoute,
      planTreeRoute,
      planIndicatorsRoute,
      planIndicatorNewRoute,
      planIndicatorRoute,
      planIndicatorEditRoute,
      planRoadmapRoute,
      planReportingRoute,
      planReviewsRoute,
      planMeetingsRoute,
      planAnnualReportRoute,
      planSettingsRoute,
    ]),
    settingsRoute,
    membersRoute,
    auditRoute,
    mailRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
