import { defineConfig } from 'i18next-cli';

/**
 * Catalog extraction for the web app: `npm run i18n:extract` scans src/web for t('…') calls and
 * updates src/web/i18n/locales/<lang>/common.json. Japanese is the source language; new keys appear
 * in en/common.json with an empty value (the app falls back to Japanese until translated).
 * Error codes live in src/shared/i18n (shared with the server) and are not extracted here.
 */
export default defineConfig({
  locales: ['ja', 'en'],
  extract: {
    input: ['src/web/**/*.{ts,tsx}'],
    ignore: ['src/web/api/schema.d.ts'],
    output: 'src/web/i18n/locales/{{language}}/{{namespace}}.json',
    defaultNS: 'common',
    primaryLanguage: 'ja',
    secondaryLanguages: ['en'],
    // Keys built from API values at run time (enum labels, notice tones, step names…): kept as written.
    preservePatterns: [
      'enums.**',
      'notice.*',
      'nav.upcomingItems.*',
      'import.step.*',
      'import.planned.*',
      'import.done.*',
      'companies.sort.*',
      'companyForm.duplicateReason.*',
      'company.*',
      'contact.*',
      'externalId.*',
      'auditField.*',
    ],
    indentation: 2,
    sort: true,
    removeUnusedKeys: true,
  },
});
