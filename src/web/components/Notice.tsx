import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<NoticeTone, { box: string; icon: string }> = {
  info: { box: 'border-blue-900 bg-blue-50', icon: 'text-blue-900' },
  success: { box: 'border-success-2 bg-green-50', icon: 'text-success-2' },
  warning: { box: 'border-warning-orange-2 bg-orange-50', icon: 'text-warning-orange-2' },
  error: { box: 'border-error-2 bg-red-50', icon: 'text-error-2' },
};

/**
 * A DADS notification banner. `live` announces it when it appears: 'assertive' for errors the person
 * must act on, 'polite' for confirmations. The tone is also said in words, never by colour alone.
 */
export function Notice({
  tone,
  title,
  children,
  live,
  className = '',
  id,
}: {
  tone: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  live?: 'polite' | 'assertive';
  className?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const style = tones[tone];
  const role = live === 'assertive' ? 'alert' : live === 'polite' ? 'status' : undefined;
  return (
    <div id={id} role={role} className={`rounded-12 border-2 px-4 py-4 sm:px-6 ${style.box} ${className}`}>
      <div className="flex items-start gap-3">
        <NoticeIcon tone={tone} className={`mt-1 size-6 shrink-0 ${style.icon}`} />
        <div className="min-w-0 flex-1 text-std-16N-170 text-solid-gray-900">
          <span className="sr-only">{t(`notice.${tone}`)}</span>
          {title ? <p className="text-std-17B-170">{title}</p> : null}
          {children ? <div className={title ? 'mt-1' : ''}>{children}</div> : null}
        </div>
      </div>
    </div>
  );
}

function NoticeIcon({ tone, className }: { tone: NoticeTone; className: string }) {
  const paths: Record<NoticeTone, string> = {
    info: 'M11 17h2v-6h-2v6Zm1-8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Zm0 13C6.5 22 2 17.5 2 12S6.5 2 12 2s10 4.5 10 10-4.5 10-10 10Z',
    success: 'm10.6 16.6 7-7-1.4-1.4-5.6 5.6-2.8-2.8-1.4 1.4 4.2 4.2ZM12 22C6.5 22 2 17.5 2 12S6.5 2 12 2s10 4.5 10 10-4.5 10-10 10Z',
    warning: 'M1 21 12 2l11 19H1Zm11-3a1 1 0 1 0 0-2 1 1 0 0 0 0 2Zm-1-3h2v-5h-2v5Z',
    error: 'M12 17a1 1 0 1 0 0-2 1 1 0 0 0 0 2Zm-1-4h2V7h-2v6Zm1 9C6.5 22 2 17.5 2 12S6.5 2 12 2s10 4.5 10 10-4.5 10-10 10Z',
  };
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill="currentColor">
      <path d={paths[tone]} />
    </svg>
  );
}
