import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { activityChannels, caseTypes } from '../../../shared/domain/desk';
import { type Locale, currentLocale } from '../../i18n';
import { formatLongDate } from '../../lib/dates';
import { deskLabel } from '../cases/desk-labels';

/** The rules of a programme that decide what counts (ADR 0014), as stored or as being typed in the form. */
export interface CountingRuleView {
  startsOn: string;
  endsOn: string;
  countedChannels: readonly string[];
  countedCaseTypes: readonly string[];
  minimumMinutes: number | null;
  minutesBasis: string;
  companyIdentity: string;
  suppressionThreshold: number | null;
  isDefault: boolean;
  isArchived?: boolean;
}

/** 「来所、訪問、オンライン」 / "visit, on-site, online": a list in the UI language. */
export function listOf(items: string[], locale: Locale): string {
  return items.join(locale === 'en' ? ', ' : '、');
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * What a programme counts, in plain words: the conditions an activity must all meet to be one support,
 * then how companies are told apart and what publication hides. The counting rules are data (ADR 0014);
 * this says them so the desk and the commissioning body read the same definition.
 */
export function CountingRules({ rules, headingLevel = 3, id }: { rules: CountingRuleView; headingLevel?: 2 | 3; id?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const conditions = countingConditions(t, rules, locale);
  const excludedChannels = activityChannels.filter((code) => !rules.countedChannels.includes(code));
  const excludedTypes = caseTypes.filter((code) => !rules.countedCaseTypes.includes(code));
  const threshold = rules.suppressionThreshold;
  return (
    <section aria-labelledby={id ?? 'counting-rules-heading'} className="rounded-12 border-2 border-blue-900 bg-blue-50 p-4 sm:p-6">
      <Heading id={id ?? 'counting-rules-heading'} className="text-std-20B-150 text-solid-gray-900">
        {t('countingRules.title')}
      </Heading>
      <p className="mt-2 text-std-16B-170">{t('countingRules.lead')}</p>
      <ol className="mt-2 list-decimal space-y-1 pl-7 text-std-16N-170">
        {conditions.map((condition, index) => (
          <li key={index}>{condition}</li>
        ))}
      </ol>
      <ul className="mt-4 list-disc space-y-1 pl-7 text-std-16N-170">
        {excludedChannels.length > 0 || excludedTypes.length > 0 ? (
          <li>
            {[
              excludedChannels.length > 0 ? t('countingRules.excludedChannels', { list: listOf(excludedChannels.map((code) => deskLabel(t, 'channel', code)), locale) }) : null,
              excludedTypes.length > 0 ? t('countingRules.excludedCaseTypes', { list: listOf(excludedTypes.map((code) => deskLabel(t, 'caseType', code)), locale) }) : null,
            ]
              .filter(Boolean)
              .join(' ')}
          </li>
        ) : null}
        <li>{t('countingRules.supports')}</li>
        <li>{rules.companyIdentity === 'company' ? t('countingRules.companiesByEntry') : t('countingRules.companiesByCorporateNumber')}</li>
        <li>{t('countingRules.newOrContinuing')}</li>
        {threshold !== null && threshold > 1 ? <li>{t('countingRules.suppression', { threshold, below: threshold - 1 })}</li> : <li>{t('countingRules.noSuppression')}</li>}
      </ul>
    </section>
  );
}

/** The numbered conditions: period, reportable, channel, case type, length, which programme. */
export function countingConditions(t: TFunction, rules: CountingRuleView, locale: Locale): string[] {
  const date = (value: string) => (isDate(value) ? formatLongDate(value, locale) : t('countingRules.notEntered'));
  const channels = rules.countedChannels.map((code) => deskLabel(t, 'channel', code));
  const types = rules.countedCaseTypes.map((code) => deskLabel(t, 'caseType', code));
  const minutes = rules.minimumMinutes ?? 0;
  return [
    t('countingRules.period', { from: date(rules.startsOn), to: date(rules.endsOn) }),
    t('countingRules.reportable', { label: t('activity.reportable') }),
    channels.length > 0 ? t('countingRules.channels', { list: listOf(channels, locale) }) : t('countingRules.noChannels'),
    types.length > 0 ? t('countingRules.caseTypes', { list: listOf(types, locale) }) : t('countingRules.noCaseTypes'),
    minutes <= 0
      ? t('countingRules.anyLength')
      : rules.minutesBasis === 'session_and_preparation'
        ? t('countingRules.minimumWithPreparation', { minutes })
        : t('countingRules.minimumSession', { minutes }),
    rules.isDefault && !rules.isArchived ? t('countingRules.attributionDefault') : t('countingRules.attributionExplicit'),
  ];
}
