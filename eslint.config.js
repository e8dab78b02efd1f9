// Lint and layer rules. The layers (ARCHITECTURE.md): http -> core -> db, jobs -> core,
// schemas and shared at the bottom, web apps importing only src/shared. A wrong import fails
// with a message that names the rule and why.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const WHY = 'see ARCHITECTURE.md, "Layers"';

/** A no-restricted-imports rule: each entry forbids a folder (as it appears in relative imports). */
function forbid(...entries) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: entries.map(([folder, message, allowTypeImports = false]) => ({
          group: [`**/${folder}/*`, `**/${folder}/**`, `../${folder}/*`, `./${folder}/*`],
          message: `${message} (${WHY})`,
          allowTypeImports,
        })),
      },
    ],
  };
}

// Tests cross layers on purpose (a route test drives the worker, a migration test verifies with core).
const TESTS = ['**/*.test.ts'];
const HTTP = ['http', 'core never imports http: the domain knows nothing of transport'];
const JOBS = ['jobs', 'only the CLI starts workers; other layers call core verbs'];
const CLI = ['cli', 'the CLI is the top: nothing imports it'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.test-artifacts/**', 'data/**', 'src/screening-index/index-thread-source.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: TESTS,
    rules: forbid(HTTP, JOBS, CLI, ['screening-index', 'core reaches the screening index through the searcher interface it defines, not the thread adapter']),
  },
  {
    files: ['src/db/**/*.ts'],
    ignores: TESTS,
    rules: forbid(['core', 'db is the bottom of the domain: it holds tables and queries, no rules'], HTTP, JOBS, CLI),
  },
  {
    files: ['src/schemas/**/*.ts'],
    ignores: TESTS,
    rules: forbid(
      ['core', 'schemas are wire contracts: they depend on nothing of the domain'],
      ['db', 'schemas describe the wire, not tables'],
      HTTP,
      JOBS,
      CLI,
    ),
  },
  { files: ['src/http/**/*.ts'], ignores: TESTS, rules: forbid(['db', 'http reaches data through core verbs; only types may be named here', true], JOBS, CLI) },
  {
    files: ['src/jobs/**/*.ts'],
    ignores: TESTS,
    rules: forbid(['db', 'jobs reach data through core verbs; only types may be named here', true], ['http', 'jobs never import transport'], CLI),
  },
  {
    files: ['src/screening/**/*.ts'],
    ignores: TESTS,
    rules: forbid(['core', 'the screening engine is pure: it knows lists and names, not cases'], ['db', 'the screening engine is pure'], HTTP, JOBS, CLI),
  },
  { files: ['src/storage/**/*.ts'], ignores: TESTS, rules: forbid(['core', 'storage is an adapter below core'], HTTP, JOBS, CLI) },
  {
    files: ['src/registries/**/*.ts'],
    ignores: TESTS,
    rules: forbid(['core', 'registries are adapters below core: core reaches them through RegistryProviders'], HTTP, JOBS, CLI),
  },
  {
    // Gitignore-style groups cannot express "./ only" (a negated `./*` never matches), hence regexes.
    // Type-only imports of the wire schemas (and TypeBox's Static) are erased, so they are allowed.
    files: ['src/shared/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\./|\\.\\./schemas/|typebox$)', message: `src/shared is dependency-free: the web apps import it (${WHY})` },
            {
              regex: '^(\\.\\./schemas/|typebox$)',
              allowTypeImports: true,
              message: `src/shared names the wire schemas only in type-only imports, which are erased (${WHY})`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    ignores: ['web/*/e2e/**', 'web/*/vite.config.ts', 'web/shared/vite-*.ts'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        sessionStorage: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        HTMLElement: 'readonly',
        FileReader: 'readonly',
        File: 'readonly',
        Blob: 'readonly',
        KeyboardEvent: 'readonly',
        Event: 'readonly',
        HTMLInputElement: 'readonly',
        AbortController: 'readonly',
        requestAnimationFrame: 'readonly',
        getComputedStyle: 'readonly',
        CSS: 'readonly',
        Intl: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/src/*', '!**/src/shared', '**/src/!(shared)/**'], message: `the web apps import only src/shared from the server (${WHY})` }],
        },
      ],
    },
  },
);
