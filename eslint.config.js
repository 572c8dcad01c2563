import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // The browser bundle may take the API's types from the server's schemas, never its code.
    files: ['server/src/web/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**', '**/platform/**', '**/http/**', '**/db/**', 'zod'],
              allowTypeImports: true,
              message: 'The web bundle imports only types from the server (import type).',
            },
          ],
        },
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
