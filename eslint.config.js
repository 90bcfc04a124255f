import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import tseslint from 'typescript-eslint'
import { defineConfig, globalIgnores } from 'eslint/config'

export default defineConfig([
  globalIgnores(['dist*', 'playwright-report', 'test-results', 'node_modules']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite,
    ],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core must stay framework-free so that it can be tested and reused without a DOM.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*'],
              message: 'src/core is pure TypeScript: no React.',
            },
            { group: ['**/ui', '**/ui/*', '**/ui/**'], message: 'src/core must never import src/ui.' },
            { group: ['**/app', '**/app/*', '**/app/**'], message: 'src/core must never import src/app.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'src/core uses no import(): src/app/modules.ts loads code on demand.',
        },
      ],
    },
  },
  {
    // The application layer is framework-free too; it is the only place that loads code on demand.
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/modules.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*'],
              message: 'src/app is framework-free: no React.',
            },
            { group: ['**/ui', '**/ui/*', '**/ui/**'], message: 'src/app must never import src/ui.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'Only src/app/modules.ts uses import(): add a loader there.' },
      ],
    },
  },
  {
    files: ['src/app/modules.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*', '**/ui', '**/ui/**'] }] },
      ],
    },
  },
  {
    // Views load through src/ui/lazyViews.ts and code through src/app/modules.ts: one loading contract.
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    ignores: ['src/ui/lazyViews.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'No import() in src/ui: views go in src/ui/lazyViews.ts, code in src/app/modules.ts.',
        },
        { selector: "CallExpression[callee.name='lazy']", message: 'Only src/ui/lazyViews.ts calls lazy().' },
        { selector: "CallExpression[callee.property.name='lazy']", message: 'Only src/ui/lazyViews.ts calls lazy().' },
      ],
    },
  },
  {
    // Tests may import fixtures and modules on demand; the loading rules are about the shipped code.
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The bench is plain JavaScript (node 20 runs it directly), type-checked through JSDoc by tsc.
    // Callbacks handed to page.evaluate run in the browser, hence both sets of globals.
    files: ['bench/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['*.config.{ts,js}', 'e2e/**/*.ts', 'build/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
])
