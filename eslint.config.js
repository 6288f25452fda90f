// Lint: TypeScript rules plus the layer arrows of DESIGN.md, enforced as import restrictions per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];
// Each rule: [import patterns (gitignore-style), message], or { regex, message } for a pattern on the import string;
// ELECTRON is an exact module name instead. One folder's config must list every rule for it: a later config for
// the same file replaces the rule's options, it does not add to them.
const ELECTRON = 'electron';
const restrict = (...rules) => ({
  'no-restricted-imports': ['error', {
    paths: rules.includes(ELECTRON) ? [{ name: 'electron', message: 'only electron/shell/ may import electron (it cannot load in plain Node)' }] : [],
    patterns: rules.filter((r) => r !== ELECTRON).map((r) => (Array.isArray(r) ? { group: r[0], message: r[1] } : r)),
  }],
});

const DB = [['**/db', '**/db/**', 'better-sqlite3'], 'this layer may not reach the database; go through the API'];
const ELECTRON_DIR = [['**/electron/**'], 'this layer may not import electron/ code'];
const RENDERER = [['**/renderer/**'], 'no layer imports the renderer'];
const SHARED_PURE = [NODE_BUILTINS, 'shared/ must stay pure (no Node built-ins)'];

// Inside shared/: the clinical facts (shared/facts/) are the bottom, the engine sits on them, the domain (cases,
// meetings, outcomes) above the engine: no folder-level loop between domain/ and engine/.
const SHARED = [ELECTRON, DB, ELECTRON_DIR, RENDERER, SHARED_PURE];
const ABOVE_ENGINE = [['**/domain', '**/domain/**', '**/minutes', '**/minutes/**', '**/api', '**/api/**', '**/api.ts', '**/api.js'],
  'the engine sits below the domain (meetings, cases), the minutes and the contract: it may use only shared/facts/ and its own words'];
const ABOVE_FACTS = [['**/engine', '**/engine/**', '**/domain', '**/domain/**', '**/vocabulary', '**/vocabulary/**', '**/api', '**/api/**', '**/api.ts'],
  'shared/facts/ is the bottom of shared/: the clinical facts import nothing of ours'];

// Inside electron/: the CLI and the shell are front ends (through app/ and core/ only); services never reach a transport.
// (Regexes on the relative import: electron/<folder>/… reaching ../<other folder>/….)
const NO_SHELL = { regex: '^(\\.\\./)+shell(/|$)', message: 'the CLI never imports the Electron shell: both are front ends of the core' };
const SHELL_THROUGH_APP = {
  regex: '^(\\.\\./)+(db|services|api|imports|exports|minutes|cli)(/|$)|^better-sqlite3$',
  message: 'the shell reaches the core only through electron/core/ (the relay) and electron/app/ (keychain, seats); a board server through host/board-link',
};
const SERVICES_NO_TRANSPORT = { regex: '^(\\.\\./)+(host|shell|cli|core)(/|$)',
  message: 'services are called by the dispatcher; they never import a transport (host, shell, cli, core)' };

// Inside renderer/: views compose components over stores; stores know no component, components no view, and a
// view area (views/meetings, views/data, views/minutes) is reached only through its index.
const RENDERER_BASE = [ELECTRON, DB, ELECTRON_DIR, [NODE_BUILTINS, 'the renderer runs sandboxed: no Node built-ins']];
const STORES_NO_UI = [['**/components', '**/components/**', '**/views', '**/views/**'], 'stores hold state: they import no component or view'];
const COMPONENTS_NO_VIEWS = [['**/views', '**/views/**'], 'components are the building blocks of views: they import no view'];
const NO_OTHER_VIEW = { regex: '^\\.\\./(?!\\.\\./)', message: 'a view area may not reach into another view: shared pieces go to components/, stores/ or form/' };
const VIEW_AREA_INDEX = { regex: '^\\./[^/]+/', message: "another view area is reached through its index ('./meetings'), not its internals" };

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
  { files: ['shared/**'], rules: restrict(...SHARED) },
  { files: ['shared/engine/**'], rules: restrict(...SHARED, ABOVE_ENGINE) },
  { files: ['shared/facts/**'], rules: restrict(...SHARED, ABOVE_FACTS) },
  { files: ['db/**'], rules: restrict(ELECTRON, ELECTRON_DIR, RENDERER) },
  { files: ['electron/**'], ignores: ['electron/shell/**'], rules: restrict(ELECTRON, RENDERER) },
  { files: ['electron/cli/**'], rules: restrict(ELECTRON, RENDERER, NO_SHELL) },
  { files: ['electron/services/**'], rules: restrict(ELECTRON, RENDERER, SERVICES_NO_TRANSPORT) },
  { files: ['electron/shell/**'], rules: restrict(RENDERER, SHELL_THROUGH_APP) },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(...RENDERER_BASE),
  },
  { files: ['renderer/stores/**'], rules: restrict(...RENDERER_BASE, STORES_NO_UI) },
  { files: ['renderer/components/**'], rules: restrict(...RENDERER_BASE, COMPONENTS_NO_VIEWS) },
  { files: ['renderer/views/*/**'], rules: restrict(...RENDERER_BASE, NO_OTHER_VIEW) },
  { files: ['renderer/views/*.{ts,tsx}'], rules: restrict(...RENDERER_BASE, VIEW_AREA_INDEX) },
  { files: ['test/component/**'], languageOptions: { globals: { ...globals.browser } } },
);
