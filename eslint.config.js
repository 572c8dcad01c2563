import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Pure scheduling modules the dashboard's grid runs in the browser (server/src/features/scheduling).
const SHARED_WITH_BROWSER = ['conflicts', 'program', 'zoned-time'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The kiosk UI reaches hardware and SQLite only through the station agent's local API.
    files: ['kiosk/src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['better-sqlite3', 'node-hid', 'serialport', '@lanyard/hardware', 'node:*'] },
      ],
    },
  },
  {
    // The browser bundle may take the API's types from the server's schemas, never its code;
    // except the schedule's pure rules, so the dashboard's grid judges a drop as the server will.
    files: ['server/src/web/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                // Files, not the folder: gitignore rules cannot re-include a file of an excluded folder.
                '**/features/**/*.js',
                '**/platform/**',
                '**/http/**',
                '**/db/**',
                'zod',
                ...SHARED_WITH_BROWSER.map((f) => `!**/features/scheduling/${f}.js`),
              ],
              allowTypeImports: true,
              message: 'The web bundle imports only types from the server (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    // What the browser bundle takes from the server stays plain: no Node, nothing outside these.
    files: SHARED_WITH_BROWSER.map((f) => `server/src/features/scheduling/${f}.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', '../*', './*', ...SHARED_WITH_BROWSER.map((f) => `!./${f}.js`)] },
      ],
    },
  },
  {
    // core/ is pure: no database, file system or network.
    files: ['core/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'pg',
            '@electric-sql/*',
            'better-sqlite3',
            'node:fs*',
            'node:net',
            'node:http*',
            'express',
          ],
        },
      ],
    },
  },
);
