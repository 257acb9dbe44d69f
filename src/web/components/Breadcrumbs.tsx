import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where a page sits (DADS パンくずリスト): a labelled navigation with an ordered list, the current page last
 * and marked aria-current. The links are the caller's (typed router links); the separators are decoration.
 */
export function Breadcrumbs({ items, current }: { items: { key: string; link: ReactNode }[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('breadcrumbs.label')} className="mb-4">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-std-16N-170">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-2">
            {item.link}
            <span aria-hidden="true" className="text-solid-gray-600">
              ›
            </span>
          </li>
        ))}
        <li aria-current="page" className="text-solid-gray-800">
          {current}
        </li>
      </ol>
    </nav>
  );
}
