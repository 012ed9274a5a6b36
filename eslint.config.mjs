import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['scripts/**/*.js', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The portal takes request and response types from the OpenAPI document (openapi.d.ts, via
    // Schema<'…Dto'> / RequestBody<'…Dto'>): no interface named like an API shape, no inline shape handed to
    // api<…>. apps/web/src/shared/api-types.spec.ts checks what each api<T> resolves to.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/openapi.d.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSInterfaceDeclaration[id.name=/(Dto|Response|Request|Row|Page|Item|Hit|Detail)$/]',
          message: "An API shape comes from openapi.d.ts: type X = Schema<'XResponseDto'> (shared/api.ts).",
        },
        {
          selector: "CallExpression[callee.name='api'] > TSTypeParameterInstantiation TSTypeLiteral",
          message: "api<T>'s T is a schema of openapi.d.ts (Schema<'…Dto'>), not a shape written here.",
        },
      ],
    },
  },
  {
    // The portal: features never import the route shells (app/); shared/ imports neither.
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/app/*'] }] },
  },
  {
    files: ['apps/web/src/shared/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/shared/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/app/*', '**/features/*'] }] },
  },
  {
    // Contexts own their tables and internals: another library is reached through its barrel
    // (@pilotlink/x), which exports modules, services, ports and DTOs, never entities. Tests and the
    // test kit may reach inside (they build rows of every context), and so may the demo data (apps/demo,
    // a fixture for people: it builds catalogue rows directly and tells the rest of its story through services).
    files: ['libs/*/src/**/*.ts', 'apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts'],
    // Migrations are the schema's history: one loads the catalogue's reference rows (industry fields).
    ignores: ['**/*.spec.ts', 'libs/testing/**', 'libs/database/src/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@pilotlink/[a-z-]+/',
              message:
                'Import another library through its barrel (@pilotlink/x): its entities and internals are its own.',
            },
            {
              regex: '^(\\.\\./)+[a-z-]+/src(/|$)',
              message: "A relative import may not leave its library: use the other library's barrel.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/worker/src/cli.ts', 'apps/demo/src/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
