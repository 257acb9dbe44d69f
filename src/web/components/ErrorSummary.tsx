import { type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../lib/form';
import { linkStyle } from './styles';

export interface SummaryItem {
  name: string;
  label: string;
  message: string;
}

/**
 * The list of problems shown at the top of a form after a failed submit, each linking to its field
 * (GOV.UK / DADS pattern). It takes focus when it appears (`focusKey` changes on every submit), so
 * keyboard and screen-reader users learn at once what to fix.
 */
export function ErrorSummary({ items, focusKey, message }: { items: SummaryItem[]; focusKey: number; message?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useFocusOnChange(ref, focusKey, items.length > 0 || Boolean(message));
  if (items.length === 0 && !message) return null;
  return (
    <div ref={ref} tabIndex={-1} aria-labelledby="error-summary-title" className="mb-8 rounded-12 border-2 border-error-2 bg-red-50 p-4 focus:outline focus:outline-4 focus:outline-black focus:outline-offset-2 sm:p-6">
      <h2 id="error-summary-title" className="text-std-20B-150 text-error-2">
        {items.length > 0 ? t('form.errorSummaryTitle', { count: items.length }) : message}
      </h2>
      {items.length > 0 && message ? <p className="mt-2 text-std-16N-170">{message}</p> : null}
      {items.length > 0 ? (
        <ul className="mt-3 list-disc space-y-1 pl-6 text-std-16N-170">
          {items.map((item) => (
            <li key={item.name}>
              <a
                href={`#${fieldId(item.name)}`}
                className={linkStyle}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(fieldId(item.name));
                  target?.focus();
                  target?.scrollIntoView({ block: 'center' });
                }}
              >
                {item.label}: {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function useFocusOnChange(ref: RefObject<HTMLElement | null>, key: number, visible: boolean) {
  useEffect(() => {
    if (key > 0 && visible) ref.current?.focus();
    // Focus only when a new submit failed, not on every re-render with errors.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
