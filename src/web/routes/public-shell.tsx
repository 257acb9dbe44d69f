import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { focusRing } from '../components/styles';
import { ProductName, SkipLink } from './app-shell';
import { LanguageMenu } from './header-controls';

export function PublicHeader() {
  return (
    <header className="border-b border-solid-gray-420 bg-white">
      <div className="mx-auto flex max-w-[1440px] flex-wrap items-center justify-between gap-4 px-4 py-2 lg:px-8">
        <ProductName />
        <LanguageMenu />
      </div>
    </header>
  );
}

/** The frame of pages used before signing in (sign-in, password reset, invitations). */
export function PublicShell() {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col bg-solid-gray-50 text-std-16N-170">
      <SkipLink />
      <PublicHeader />
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-10 outline-none sm:py-16">
        <div className="mx-auto max-w-xl rounded-16 border border-solid-gray-420 bg-white px-6 py-8 sm:px-10 sm:py-10">
          <Outlet />
        </div>
      </main>
      <footer className="border-t border-solid-gray-420 bg-white">
        <div className="mx-auto max-w-[1440px] px-4 py-6 text-std-16N-170 text-solid-gray-700 lg:px-8">{t('shell.footer')}</div>
      </footer>
    </div>
  );
}

/**
 * The frame of a desk's public consultation form: the product name without a link into the app
 * (requesters have no account), the language menu, and a wider card for the form.
 */
export function ConsultShell() {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col bg-solid-gray-50 text-std-16N-170">
      <SkipLink />
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex max-w-[1440px] flex-wrap items-center justify-between gap-4 px-4 py-2 lg:px-8">
          <p className="inline-flex min-h-11 items-center gap-2 text-solid-gray-900">
            <img src="/favicon.svg" alt="" className="size-8" />
            <span className="text-std-20B-150">{t('app.name')}</span>
          </p>
          <LanguageMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-2 py-6 outline-none sm:px-4 sm:py-12">
        <div className="mx-auto max-w-3xl rounded-16 border border-solid-gray-420 bg-white px-4 py-6 sm:px-10 sm:py-10">
          <Outlet />
        </div>
      </main>
      <footer className="border-t border-solid-gray-420 bg-white">
        <div className="mx-auto max-w-[1440px] px-4 py-6 text-std-16N-170 text-solid-gray-700 lg:px-8">{t('shell.footer')}</div>
      </footer>
    </div>
  );
}

/**
 * The frame of the public 見える化 (plans readable without signing in): the product name links to the list of
 * public plans (not into the app, which would ask for a sign-in), the language menu, and a wide page for tables.
 */
export function OpenShell() {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col bg-white text-std-16N-170">
      <SkipLink />
      <header className="border-b border-solid-gray-420 bg-white print:hidden">
        <div className="mx-auto flex max-w-[1200px] flex-wrap items-center justify-between gap-4 px-4 py-2 lg:px-8">
          <Link to="/open/plans" className={`inline-flex min-h-11 items-center gap-2 rounded-4 text-solid-gray-900 no-underline hover:underline ${focusRing}`}>
            <img src="/favicon.svg" alt="" className="size-8" />
            <span className="text-std-20B-150">{t('app.name')}</span>
            <span className="text-std-16N-170 text-solid-gray-700">{t('plans.public.siteName')}</span>
          </Link>
          <LanguageMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1200px] flex-1 px-4 py-8 outline-none sm:py-10 lg:px-8">
        <Outlet />
      </main>
      <footer className="border-t border-solid-gray-420 bg-solid-gray-50 print:hidden">
        <div className="mx-auto max-w-[1200px] px-4 py-6 text-std-16N-170 text-solid-gray-700 lg:px-8">{t('shell.footer')}</div>
      </footer>
    </div>
  );
}
