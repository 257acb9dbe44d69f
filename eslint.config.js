import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'test-results/**', 'src/web/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Code never reads process.env directly: configuration is parsed once in config.ts.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from src/server/config.ts' }],
    },
  },
  {
    files: ['src/server/config.ts', 'scripts/**', 'tests/**', 'bench/**', '*.config.ts', '.ci/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
