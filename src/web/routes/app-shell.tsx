import { Link, Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../components/Feedback';
import { focusRing } from '../components/styles';
import { currentTenantOf, useSession } from '../features/session/session.api';
import { LanguageMenu, TenantSwitcher, UserMenu } from './header-controls';

/** The capabilities that come next (PRODUCT.md): named so people see where the product goes, but not links. */
const upcoming = ['accompaniment', 'events', 'partners'] as const;

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className={`sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-4 focus:bg-yellow-300 focus:px-4 focus:py-3 focus:text-std-16B-170 focus:text-black ${focusRing}`}
    >
      {t('shell.skipToContent')}
    </a>
  );
}

export function ProductName() {
  const { t } = useTranslation();
  return (
    <Link to="/" className={`inline-flex min-h-11 items-center gap-2 rounded-4 text-solid-gray-900 no-underline hover:underline ${focusRing}`}>
      <img src="/favicon.svg" alt="" className="size-8" />
      <span className="text-std-20B-150">{t('app.name')}</span>
    </Link>
  );
}

type NavTarget =
  | '/companies'
  | '/cases'
  | '/follow-ups'
  | '/reports'
  | '/reports/commission'
  | '/plans'
  | '/plans/updates'
  | '/admin/members'
  | '/admin/audit'
  | '/admin/mail'
  | '/admin/desk'
  | '/admin/programmes';

function NavItem({ to, children, exact = false, nested = false }: { to: NavTarget; children: ReactNode; exact?: boolean; nested?: boolean }) {
  return (
    <li>
      <Link
        to={to}
        activeOptions={{ exact, includeSearch: false }}
        className={`flex min-h-11 items-center rounded-6 border-l-4 border-transparent ${nested ? 'ml-4 ' : ''}px-3 py-2 text-std-16N-170 text-solid-gray-900 underline-offset-[calc(3/16*1rem)] hover:bg-solid-gray-50 hover:underline data-[status=active]:border-blue-900 data-[status=active]:bg-blue-50 data-[status=active]:font-bold data-[status=active]:text-blue-1000 ${focusRing}`}
      >
        {children}
      </Link>
    </li>
  );
}

/** The signed-in frame: header (tenant, language, person), navigation, and the page. */
export function AppShell() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!session?.user) return null;
  const tenant = currentTenantOf(session);
  const isAdmin = tenant?.role === 'admin';
  // The commissioning body (viewer) reads reports only, never cases.
  const seesCases = tenant !== null && tenant.role !== 'viewer';
  // Viewers read aggregates only, never the register itself (the server refuses it too).
  const seesRegister = tenant !== null && tenant.role !== 'viewer';
  // Reports are aggregates: the desk (admin, staff) and the commissioning body (viewer) read them.
  const seesReports = tenant !== null && (tenant.role === 'admin' || tenant.role === 'staff' || tenant.role === 'viewer');
  // Everyone reads plans (partners only those they own something in); the review queue is for those who work on them.
  const seesPlanQueue = tenant !== null && tenant.role !== 'viewer' && tenant.role !== 'partner';
  return (
    <div className="flex min-h-screen flex-col bg-white text-std-16N-170">
      <SkipLink />
      <header className="border-b border-solid-gray-420 bg-white print:hidden">
        <div className="mx-auto flex max-w-[1440px] flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2 lg:px-8">
          <ProductName />
          <div className="flex flex-wrap items-center gap-1">
            <TenantSwitcher session={session} />
            <LanguageMenu />
            <UserMenu session={session} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-[1440px] flex-1 flex-col md:flex-row">
        <nav aria-labelledby="main-nav-title" className="print:hidden border-b border-solid-gray-420 px-4 py-4 md:w-64 md:shrink-0 md:border-r md:border-b-0 md:py-8 lg:pl-8">
          <h2 id="main-nav-title" className="sr-only">
            {t('nav.title')}
          </h2>
          <ul className="space-y-1">
            {seesRegister ? <NavItem to="/companies">{t('nav.companies')}</NavItem> : null}
            {seesCases ? (
              <>
                <NavItem to="/cases">{t('nav.cases')}</NavItem>
                <NavItem to="/follow-ups">{t('nav.followUps')}</NavItem>
              </>
            ) : null}
            {seesReports ? (
              <>
                <NavItem to="/reports" exact>
                  {t('nav.reports')}
                </NavItem>
                <NavItem to="/reports/commission" nested>
                  {t('nav.commissionReport')}
                </NavItem>
              </>
            ) : null}
            {tenant !== null ? (
              <NavItem to="/plans">
                {t('nav.plans')}
              </NavItem>
            ) : null}
            {seesPlanQueue ? (
              <NavItem to="/plans/updates" nested>
                {t('nav.planUpdates')}
              </NavItem>
            ) : null}
          </ul>
          {isAdmin ? (
            <>
              <h3 className="mt-6 px-3 text-dns-14B-130 text-solid-gray-700">{t('nav.admin')}</h3>
              <ul className="mt-2 space-y-1">
                <NavItem to="/admin/members">{t('nav.members')}</NavItem>
                <NavItem to="/admin/audit">{t('nav.audit')}</NavItem>
                <NavItem to="/admin/mail">{t('nav.mail')}</NavItem>
                <NavItem to="/admin/desk">{t('nav.desk')}</NavItem>
                <NavItem to="/admin/programmes">{t('nav.programmes')}</NavItem>
              </ul>
            </>
          ) : null}
          <h3 id="nav-upcoming" className="mt-6 px-3 text-dns-14B-130 text-solid-gray-700">
            {t('nav.upcoming')}
          </h3>
          <ul aria-labelledby="nav-upcoming" className="mt-2 space-y-1">
            {upcoming.map((key) => (
              <li key={key} className="flex min-h-11 flex-wrap items-center gap-2 px-3 py-2 text-std-16N-170 text-solid-gray-700">
                <span>{t(`nav.upcomingItems.${key}`)}</span>
                <Badge>{t('nav.notYetAvailable')}</Badge>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-8 outline-none lg:px-10 print:p-0">
          <Outlet />
        </main>
      </div>
      <footer className="border-t border-solid-gray-420 bg-solid-gray-50 print:hidden">
        <div className="mx-auto max-w-[1440px] px-4 py-6 text-std-16N-170 text-solid-gray-700 lg:px-8">{t('shell.footer')}</div>
      </footer>
    </div>
  );
}
