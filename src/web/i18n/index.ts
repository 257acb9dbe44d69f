import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import errorsEn from '../../shared/i18n/en/errors.json';
import errorsJa from '../../shared/i18n/ja/errors.json';
import commonEn from './locales/en/common.json';
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

/** Switches the UI language and keeps `<html lang>` in step (screen readers pick the voice from it). */
export async function applyLocale(locale: Locale): Promise<void> {
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

void i18n.use(initReactI18next).init({
  lng: storedLocale(),
  // Japanese is the source language: an English key not yet translated shows the Japanese text.
  fallbackLng: 'ja',
  supportedLngs: [...locales],
  defaultNS: 'common',
  ns: ['common', 'errors'],
  resources: {
    ja: { common: commonJa, errors: errorsJa },
    en: { common: commonEn, errors: errorsEn },
  },
  returnEmptyString: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
document.documentElement.lang = currentLocale();

export default i18n;
