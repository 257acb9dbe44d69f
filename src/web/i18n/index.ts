import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import deskJa from '../../shared/i18n/ja/desk.json';
import errorsJa from '../../shared/i18n/ja/errors.json';
import commonJa from './locales/ja/common.json';

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

const STORAGE_KEY = 'tsumugi.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** The language chosen on this browser before signing in (signed-in people keep it on the server). */
export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'ja';
  } catch {
    return 'ja';
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this page only.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'ja';
}

/**
 * Japanese ships with the first page; English is loaded when someone chooses it (a separate chunk),
 * which keeps the first load small for the Japanese majority.
 */
async function loadCatalogs(locale: Locale): Promise<void> {
  if (locale === 'ja' || i18n.hasResourceBundle(locale, 'common')) return;
  const [common, errors, desk] = await Promise.all([
    import('./locales/en/common.json'),
    import('../../shared/i18n/en/errors.json'),
    import('../../shared/i18n/en/desk.json'),
  ]);
  i18n.addResourceBundle(locale, 'common', withSingulars(common.default));
  i18n.addResourceBundle(locale, 'errors', errors.default);
  i18n.addResourceBundle(locale, 'desk', desk.default);
}

type Catalog = { [key: string]: string | Catalog };

/**
 * The catalogs are extracted with Japanese plural rules (only `_other`), so an English key has no `_one`
 * form and count 1 would fall back to the Japanese text. Until the catalogs carry English singulars, the
 * `_other` text stands in for them.
 */
function withSingulars(catalog: Catalog): Catalog {
  const out: Catalog = {};
  for (const [key, value] of Object.entries(catalog)) {
    out[key] = typeof value === 'string' ? value : withSingulars(value);
    if (typeof value === 'string' && key.endsWith('_other')) {
      const singular = `${key.slice(0, -'_other'.length)}_one`;
      if (!(singular in catalog)) out[singular] = value;
    }
  }
  return out;
}

/** Switches the UI language and keeps `<html lang>` in step (screen readers pick the voice from it). */
export async function applyLocale(locale: Locale): Promise<void> {
  await loadCatalogs(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

void i18n.use(initReactI18next).init({
  lng: 'ja',
  // Japanese is the source language: an English key not yet translated shows the Japanese text.
  fallbackLng: 'ja',
  supportedLngs: [...locales],
  defaultNS: 'common',
  ns: ['common', 'errors', 'desk'],
  resources: {
    ja: { common: commonJa, errors: errorsJa, desk: deskJa },
  },
  returnEmptyString: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
/** Before the first render: the language this browser used last (a signed-in person's comes with the session). */
export async function initLocale(): Promise<void> {
  await applyLocale(storedLocale());
}

export default i18n;
