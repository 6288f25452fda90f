// Lint: TypeScript rules plus the layer arrows of DESIGN.md, enforced as import restrictions per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];
// Each rule: [import patterns (gitignore-style), message]; ELECTRON is an exact module name instead.
const ELECTRON = 'electron';
const restrict = (...rules) => ({
  'no-restricted-imports': ['error', {
    paths: rules.includes(ELECTRON) ? [{ name: 'electron', message: 'only electron/shell/ may import electron (it cannot load in plain Node)' }] : [],
    patterns: rules.filter((r) => r !== ELECTRON).map(([group, message]) => ({ group, message })),
  }],
});

const DB = [['**/db', '**/db/**', 'better-sqlite3'], 'this layer may not reach the database; go through the API'];
const ELECTRON_DIR = [['**/electron/**'], 'this layer may not import electron/ code'];
const RENDERER = [['**/renderer/**'], 'no layer imports the renderer'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['scripts/**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // shared/ is pure: no Node, no DOM-only APIs of ours, imports nothing of ours outside shared/.
  { files: ['shared/**'], rules: restrict(ELECTRON, DB, ELECTRON_DIR, RENDERER, [NODE_BUILTINS, 'shared/ must stay pure (no Node built-ins)']) },
  { files: ['db/**'], rules: restrict(ELECTRON, ELECTRON_DIR, RENDERER) },
  { files: ['electron/**'], ignores: ['electron/shell/**'], rules: restrict(ELECTRON, RENDERER) },
  { files: ['electron/shell/**'], rules: restrict(RENDERER) },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(ELECTRON, DB, ELECTRON_DIR, [NODE_BUILTINS, 'the renderer runs sandboxed: no Node built-ins']),
  },
  { files: ['test/component/**'], languageOptions: { globals: { ...globals.browser } } },
);
