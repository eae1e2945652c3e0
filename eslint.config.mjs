// Lint: typescript-eslint, Lit template rules, web-component rules and accessibility checks of
// Lit templates. Formatting is prettier's job (`prettier --check` in `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'coverage/**',
      'packages/core/src/generated/**',
      'packages/receiver/web/src/generated/**',
      'custom-elements.json',
      // Scratch files, ignored by git too.
      '.cache/**',
      'bench/tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    files: ['**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: { ...litA11y.configs.recommended.rules },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'lit/no-invalid-html': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'wc/no-constructor-attributes': 'off',
    },
  },
  {
    // The receiver is a Node service, not browser code.
    files: ['packages/receiver/**/*.ts', 'packages/receiver/**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        `process Buffer console URL URLSearchParams TextDecoder TextEncoder fetch Response AbortController
         setTimeout clearTimeout setInterval clearInterval setImmediate clearImmediate queueMicrotask
         structuredClone performance NodeJS`
          .split(/\s+/)
          .map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
        customElements: 'readonly',
        describe: 'readonly',
        it: 'readonly',
        before: 'readonly',
        after: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
