import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { formatValue, planYearLabel } from './plan-format';

/** What the cells of a target need of a period. */
interface TargetLike {
  target: number | null;
  originalTarget: number | null;
  targetRevised: boolean;
}

/** A target, and under it 「当初: N」 when it was revised (the original is never lost from view). */
export function TargetCell({ period, decimals, unit }: { period: TargetLike; decimals: number; unit: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <span className="tabular-nums">{period.target === null ? t('plans.figures.noTarget') : formatValue(period.target, decimals, unit, locale)}</span>
      {period.targetRevised ? (
        <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">
          {t('plans.figures.original', { value: period.originalTarget === null ? t('plans.figures.noTarget') : formatValue(period.originalTarget, decimals, unit, locale) })}
        </span>
      ) : null}
    </>
  );
}

/** An approved actual, or the words for none. */
export function ActualCell({ actual, decimals, unit }: { actual: number | null; decimals: number; unit: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return <span className="tabular-nums">{actual === null ? t('plans.figures.noActual') : formatValue(actual, decimals, unit, locale)}</span>;
}

/** 「2025（令和7）年度 上期」 in the UI language, breaking (if it must) only before 上期/下期. */
export function PeriodLabel({ fiscalYear, half }: { fiscalYear: number; half: 1 | 2 | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <span className="whitespace-nowrap">{planYearLabel(fiscalYear, locale)}</span>
      {half === null ? null : (
        <>
          {' '}
          <span className="whitespace-nowrap">{half === 1 ? t('plans.reporting.firstHalf') : t('plans.reporting.secondHalf')}</span>
        </>
      )}
    </>
  );
}
