// Read-only lint: `npm run lint` never rewrites files (`npm run lint:fix` does).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'hearth-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The hub core runs headless: Electron stays in main.ts and preload.ts.
    // desktop/ holds the desktop app's Electron-free adapters (tested in Node); only its
    // electron-*.ts files may use Electron.
    files: [
      'src-main/hub/**/*.ts',
      'src-main/shared/**/*.ts',
      'src-main/headless.ts',
      'src-main/desktop/**/*.ts',
    ],
    ignores: ['src-main/desktop/electron-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The hub core must run without Electron.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'setTimeout', 'clearTimeout', 'Buffer'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
  },
  {
    // The panel's service worker is plain JavaScript, run by the browser in a worker.
    files: ['src-renderer/public/sw.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['self', 'caches', 'fetch', 'URL', 'Promise'].map((name) => [name, 'readonly']),
      ),
    },
  },
);
