import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { Button } from './Button';
import { Notice } from './Notice';

/** What a list or page shows while its data loads (announced politely). */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="py-6 text-std-16N-170 text-solid-gray-700">
      {label ?? t('status.loading')}
    </p>
  );
}

/** A request failed: the coded message and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error" title={t('status.loadFailed')} live="assertive">
      <p>{errorMessage(t, error)}</p>
      {onRetry ? (
        <Button className="mt-3" size="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      ) : null}
    </Notice>
  );
}

/** A small label with a border (status chips: 「アーカイブ済み」, 「準備中」). */
export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'info' | 'warning' | 'success' }) {
  const tones = {
    neutral: 'border-solid-gray-600 text-solid-gray-800 bg-white',
    info: 'border-blue-900 text-blue-1000 bg-blue-50',
    warning: 'border-warning-orange-2 text-orange-1100 bg-orange-50',
    success: 'border-success-2 text-green-1000 bg-green-50',
  };
  return <span className={`inline-flex items-center rounded-4 border px-2 py-0.5 text-dns-14N-130 whitespace-nowrap ${tones[tone]}`}>{children}</span>;
}

/** role=progressbar with its value, for long jobs (an import of 10,000 rows). */
export function ProgressBar({ label, value, max, valueText }: { label: string; value: number; max: number; valueText: string }) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div>
      <div className="flex justify-between text-std-16N-170">
        <span id="progress-label">{label}</span>
        <span aria-hidden="true">{valueText}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
        className="mt-2 h-4 w-full overflow-hidden rounded-full border border-solid-gray-600 bg-solid-gray-50"
      >
        <div className="h-full bg-blue-900 transition-[width] forced-colors:bg-[Highlight]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
