import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { TextLink } from '../components/TextLink';
import { SkipLink } from './app-shell';
import { PublicHeader } from './public-shell';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="min-h-screen text-std-16N-170">
      <SkipLink />
      <PublicHeader />
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-12 outline-none">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p className="text-std-16N-170">{t('notFound.body')}</p>
      <p className="mt-6 text-std-16N-170">
        <TextLink to="/companies">{t('notFound.backToRegister')}</TextLink>
      </p>
    </main>
    </div>
  );
}
