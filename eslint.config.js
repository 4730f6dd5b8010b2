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
/** @param {string[]} names folders of src/ */
const srcFolders = (names) =>
  names.flatMap((name) => [`../${name}`, `../${name}/**`, `**/src/${name}`, `**/src/${name}/**`]);
const loketBoundary = {
  group: srcFolders(['yuki', 'store', 'sync']),
  message: 'src/loket never imports src/yuki, src/store or src/sync (src/core is fine)',
};
const yukiBoundary = {
  group: srcFolders(['loket', 'store', 'sync']),
  message: 'src/yuki never imports src/loket, src/store or src/sync (src/core is fine)',
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
    // The product never depends on the stand-ins; only tests and the demo bring them in.
    files: ['src/**/*.{ts,tsx}'],
    ignores: tests,
    rules: restrictImports(noSandbox),
  },
  {
    // The domain core is pure: packages only, so everything else can build on it. Its tests too.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: restrictImports(coreOnly),
  },
  {
    // The Loket and Yuki clients each speak to one outside system and know nothing of the other, nor of
    // our database or the sync that joins them. Their tests may bring in the sandboxes and test/support.
    files: ['src/loket/**/*.{ts,tsx}'],
    ignores: tests,
    rules: restrictImports(noSandbox, loketBoundary),
  },
  { files: ['src/loket/**/*.test.{ts,tsx}'], rules: restrictImports(loketBoundary) },
  {
    files: ['src/yuki/**/*.{ts,tsx}'],
    ignores: tests,
    rules: restrictImports(noSandbox, yukiBoundary),
  },
  { files: ['src/yuki/**/*.test.{ts,tsx}'], rules: restrictImports(yukiBoundary) },
);
