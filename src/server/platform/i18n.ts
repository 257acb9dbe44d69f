import i18next, { type TFunction } from 'i18next';
import enDesk from '../../shared/i18n/en/desk.json' with { type: 'json' };
import en from '../../shared/i18n/en/errors.json' with { type: 'json' };
import enReports from '../../shared/i18n/en/reports.json' with { type: 'json' };
import enMail from '../../shared/i18n/en/mail.json' with { type: 'json' };
import enPlans from '../../shared/i18n/en/plans.json' with { type: 'json' };
import jaDesk from '../../shared/i18n/ja/desk.json' with { type: 'json' };
import ja from '../../shared/i18n/ja/errors.json' with { type: 'json' };
import jaReports from '../../shared/i18n/ja/reports.json' with { type: 'json' };
import jaMail from '../../shared/i18n/ja/mail.json' with { type: 'json' };
import jaPlans from '../../shared/i18n/ja/plans.json' with { type: 'json' };

export type Locale = 'ja' | 'en';
export const locales: readonly Locale[] = ['ja', 'en'];

/** Server-side messages (API errors, mail, the desk's code labels, the words of reports and plans) from the same catalogs the web app uses. */
const instance = i18next.createInstance();
void instance.init({
  resources: {
    ja: { errors: ja, mail: jaMail, desk: jaDesk, reports: jaReports, plans: jaPlans },
    en: { errors: en, mail: enMail, desk: enDesk, reports: enReports, plans: enPlans },
  },
  lng: 'ja',
  fallbackLng: 'ja',
  ns: ['errors', 'mail', 'desk', 'reports', 'plans'],
  defaultNS: 'errors',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function translator(locale: Locale, namespace: 'errors' | 'mail' | 'desk' | 'reports' | 'plans' = 'errors'): TFunction {
  return instance.getFixedT(locale, namespace);
}

/** Japanese unless the request prefers English (Accept-Language), as the UI does. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'ja';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ja';
}
