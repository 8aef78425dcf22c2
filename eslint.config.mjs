// ESLint flat config: JavaScript and TypeScript recommended rules everywhere, the rules of hooks in
// the plugin's admin panel, and nothing about layout (Prettier's job: eslint-config-prettier last).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      'build/**',
      'types/generated/**',
      '.tmp/**',
      '.strapi/**',
      'coverage/**',
      'test-results/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  // Syntax-only rules: the type-aware set needs a TypeScript program per tsconfig, too slow for
  // every run; `npm run typecheck` covers types.
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // Strapi's own types leave many values `any` (ctx, params, models); narrowing them is typecheck's job.
      '@typescript-eslint/no-explicit-any': 'off',
      // `_name` says "deliberately unused" (Strapi callbacks with fixed parameter lists).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Plain Node scripts (src/cli, the bench's worker): CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('crypto')` is the plain Node idiom, not a clash with the global.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    files: ['src/plugins/*/admin/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter's destructuring: a fixture
    // that needs none must still write `{}`.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  prettier
);
