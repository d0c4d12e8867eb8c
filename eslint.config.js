import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Import boundaries (architecture.md): routes → service → repository; modules reach each other only through
 * their index.ts; platform/ and shared/ import no module; shared/ imports neither server nor web.
 */
const noModulesFromPlatform = {
  group: ['**/modules/**'],
  message: 'platform/ is domain-free: it must not import a module.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'server/modules/geography/data', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/web/**', 'node:*', 'fastify', 'kysely', 'react', 'react-dom'], message: 'shared/ is isomorphic.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/platform/**/*.ts', 'server/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noModulesFromPlatform] }] },
  },
  {
    files: ['server/modules/**/*.ts'],
    ignores: ['server/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)[^/]+/(?!index$).+',
              message: 'Another module is reached only through its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/modules/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['./*.service', './*.routes', './*.policy', 'fastify'], message: 'A repository is Kysely only.' },
            { regex: '^\\.\\./(?!\\.\\./)[^/]+/', message: 'A repository does not reach into other modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/modules/**/*.service.ts', 'server/modules/**/*.policy.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fastify', './*.routes', '**/platform/http/*'], message: 'Services never import HTTP.' },
            { regex: '^\\.\\./(?!\\.\\./)[^/]+/(?!index$).+', message: 'Another module is reached only through its index.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The web app talks to the server over HTTP only.' }] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**', 'server/main.ts'],
    rules: { 'no-console': 'off' },
  },
);
