import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { disclosureSummaryClass } from '../../components/Disclosure';
import { Badge } from '../../components/Feedback';
import { currentLocale } from '../../i18n';
import { type RollupExplanationLike, formatPercent, planYearLabel, rollupSentences } from './plan-format';

/*
 * Small pieces of the plan pages that the public pages use too: plain HTML, no dialog or form library (not
 * even the form field components, which share a chunk with react-hook-form), so the public chunk stays light.
 */

/**
 * Progress as a bar with its number in words next to it (never the colour or length alone). The bar is
 * decoration (aria-hidden); the text carries the value.
 */
export function ProgressMeter({ value, label, size = 'md' }: { value: number | null; label?: string; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const percent = value === null ? 0 : Math.max(0, Math.min(100, value));
  const text = value === null ? t('plans.progress.none') : formatPercent(value, locale);
  return (
    <div className={`flex items-center gap-3 ${size === 'sm' ? 'min-w-40' : 'min-w-48'}`}>
      <div aria-hidden="true" className={`${size === 'sm' ? 'h-3 w-24' : 'h-4 w-40'} shrink-0 overflow-hidden rounded-full border border-solid-gray-600 bg-white`}>
        <div className="h-full bg-blue-900 forced-colors:bg-[Highlight]" style={{ width: `${percent}%` }} />
      </div>
      <span className="min-w-16 text-dns-16B-130 whitespace-nowrap text-solid-gray-900 tabular-nums">
        {label ? <span className="sr-only">{label}: </span> : null}
        {text}
      </span>
    </div>
  );
}

/** 「2024（令和6）年度〜2028（令和10）年度」, breaking only between the two years on a narrow screen. */
export function PlanPeriod({ startYear, endYear }: { startYear: number; endYear: number }) {
  const locale = currentLocale();
  return (
    <>
      <span className="whitespace-nowrap">{planYearLabel(startYear, locale)}</span>
      {locale === 'ja' ? '〜' : ' – '}
      <wbr />
      <span className="whitespace-nowrap">{planYearLabel(endYear, locale)}</span>
    </>
  );
}

/** 「公開中」 or 「下書き（非公開）」. */
export function VisibilityBadge({ visibility }: { visibility: 'draft' | 'public' }) {
  const { t } = useTranslation();
  return visibility === 'public' ? <Badge tone="success">{t('plans.visibility.public')}</Badge> : <Badge>{t('plans.visibility.draft')}</Badge>;
}

/**
 * 「進捗の計算方法」: a native disclosure (works without script and with every screen reader) that says how a
 * node's progress was obtained, each child's share and what was left out.
 */
export function RollupDetails({ summary, ...figure }: RollupFigure & { summary?: string }) {
  const { t } = useTranslation();
  return (
    <details className="mt-2 text-std-16N-170">
      <summary className={disclosureSummaryClass}>{summary ?? t('plans.explain.summary')}</summary>
      <RollupText {...figure} />
    </details>
  );
}

interface RollupFigure {
  explanation: RollupExplanationLike;
  progress: number | null;
  statusName?: (key: string) => string;
  titleOf?: (nodeId: string) => string;
}

/** How a progress was obtained, in sentences: the lead, each child's part, and what was left out or scaled. */
export function RollupText({ explanation, progress, statusName, titleOf }: RollupFigure) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sentences = rollupSentences(t, explanation, progress, locale, { statusName, titleOf });
  return (
    <div className="mt-2 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-3 sm:p-4">
      <p>{sentences.lead}</p>
      {sentences.inputs.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {sentences.inputs.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
      {sentences.notes.map((note, index) => (
        <p key={index} className="mt-2 text-std-16B-170">
          {note}
        </p>
      ))}
    </div>
  );
}

/** A figure and its label as a card (dashboards). */
export function FigureCard({ title, value, children }: { title: string; value: ReactNode; children?: ReactNode }) {
  return (
    <li className="flex flex-col rounded-12 border border-solid-gray-420 bg-white p-4 sm:p-6">
      <h3 className="text-std-17B-170 text-solid-gray-800">{title}</h3>
      <p className="mt-1 text-std-32B-150 text-solid-gray-900 tabular-nums">{value}</p>
      {children ? <div className="mt-2 text-std-16N-170 text-solid-gray-700">{children}</div> : null}
    </li>
  );
}
