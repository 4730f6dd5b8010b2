// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Folder boundaries (issue 12), checked by test/lint-boundaries.unit.test.ts. Only relative imports can
// reach our own code (package.json has no `imports` or `exports`), so the patterns look at those.
// ESLint gives a file the options of the LAST object below that sets a rule, so each object lists every
// pattern that applies to its files. Dynamic import() is not checked by this rule.
const noSandbox = { group: ['**/sandbox/**'], message: 'src/ never imports sandbox/' };
// src/core has no subfolders: `../anything` leaves it unless it is `../core`.
const coreOnly = {
  group: ['../*', '!../core'],
  message: 'src/core imports nothing of ours outside src/core',
};
/** @param {string[]} names folders of src/; `../` up to four times reaches src/ from its deepest files. */
const srcFolders = (names) =>
  names.flatMap((name) => [
    ...[1, 2, 3, 4].flatMap((depth) => ['../'.repeat(depth) + name, `${'../'.repeat(depth)}${name}/**`]),
    `**/src/${name}`,
    `**/src/${name}/**`,
  ]);
const loketBoundary = {
  group: srcFolders(['yuki', 'store', 'sync']),
  message: 'src/loket never imports src/yuki, src/store or src/sync (src/core is fine)',
};
const yukiBoundary = {
  group: srcFolders(['loket', 'store', 'sync']),
  message: 'src/yuki never imports src/loket, src/store or src/sync (src/core is fine)',
};
const platformOnly = {
  group: ['../*', '!../core', '!../platform'],
  message: 'src/platform imports nothing of ours but src/core',
};
// src/main wires the process; only the command line (src/cli) starts it, nothing else reaches up into it
// (tests may, to build an app).
const noMain = {
  group: srcFolders(['main']),
  message: 'only src/main and src/cli import src/main: it wires the process',
};
const httpBoundary = {
  group: srcFolders(['ui']),
  message: 'src/http never imports src/ui: what both need lives in http/, and src/main mounts both',
};
const appBoundary = {
  group: srcFolders(['http', 'ui']),
  message: 'src/app never imports src/http or src/ui: the application layer knows no web',
};
// Pages and routes ask the application layer; they may still name the Database type to hand it on.
const storeBoundary = {
  group: srcFolders(['store']),
  allowTypeImports: true,
  message: 'src/http and src/ui never import src/store: ask src/app (a type import is fine)',
};
/** @param {...object} patterns */
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const tests = ['src/**/*.test.{ts,tsx}'];
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // TypeScript already checks names; the rule only misfires on Node globals in bin/.
      'no-undef': 'off',
    },
  },
  {
    // The sandboxes are stand-ins for Loket and Yuki: they must never reach into the product.
    files: ['sandbox/{loket,yuki,shared}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'sandbox/ never imports src/' }] },
      ],
    },
  },
  {
    // The product never depends on the stand-ins; only tests and the demo bring them in. Nor does
    // anything but src/main depend on the wiring.
    files: ['src/**/*.{ts,tsx}'],
    ignores: tests,
    rules: restrictImports(noSandbox, noMain),
  },
  { files: ['src/{main,cli}/**/*.{ts,tsx}'], ignores: tests, rules: restrictImports(noSandbox) },
  {
    // The domain core is pure: packages only, so everything else can build on it. Its tests too.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: restrictImports(coreOnly),
  },
  {
    // Configuration and logging sit right above the core, so every folder may use them. Their tests too.
    files: ['src/platform/**/*.{ts,tsx}'],
    rules: restrictImports(platformOnly),
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: tests,
    rules: restrictImports(noSandbox, noMain, appBoundary),
  },
  {
    files: ['src/http/**/*.{ts,tsx}'],
    ignores: tests,
    rules: restrictImports(noSandbox, noMain, httpBoundary),
  },
  {
    files: ['src/{http,ui}/**/*.{ts,tsx}'],
    ignores: tests,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [storeBoundary] }] },
  },
  {
    // The Loket and Yuki clients each speak to one outside system and know nothing of the other, nor of
    // our database or the sync that joins them. Their tests may bring in the sandboxes and test/support.
    files: ['src/loket/**/*.{ts,tsx}'],
    ignores: tests,
    rules: restrictImports(noSandbox, noMain, loketBoundary),
  },
  { files: ['src/loket/**/*.test.{ts,tsx}'], rules: restrictImports(loketBoundary) },
  {
    files: ['src/yuki/**/*.{ts,tsx}'],
    ignores: tests,
    rules: restrictImports(noSandbox, noMain, yukiBoundary),
  },
  { files: ['src/yuki/**/*.test.{ts,tsx}'], rules: restrictImports(yukiBoundary) },
);
