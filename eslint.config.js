// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/sandbox/**'], message: 'src/ never imports sandbox/' }] },
      ],
    },
  },
);
