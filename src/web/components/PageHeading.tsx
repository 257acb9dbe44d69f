import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's h1. It is the target of focus after a route change (see routes/root.tsx) and sets the
 * document title, so screen-reader users hear where they arrived (WCAG 2.4.2, 2.4.3).
 */
export function PageHeading({ children, title, lead }: { children: ReactNode; title: string; lead?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} | ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="mb-8">
      <h1 tabIndex={-1} data-route-heading className="text-std-32B-150 text-solid-gray-900">
        {children}
      </h1>
      {lead ? <p className="mt-3 max-w-3xl text-std-16N-170 text-solid-gray-700">{lead}</p> : null}
    </div>
  );
}
