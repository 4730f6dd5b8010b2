/**
 * @module lint-boundaries
 * The folder boundaries in eslint.config.js can fail: ESLint's own API lints small snippets as if they
 * were files of a folder, and each forbidden import gives that rule's error while an allowed one gives none.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repositoryRoot });
});

/** Every problem ESLint finds in `code` as the file `filePath` (relative to the repository). */
async function lint(
  filePath: string,
  code: string,
): Promise<Array<{ ruleId: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

const restricted = (message: string) => [
  { ruleId: 'no-restricted-imports', message: expect.stringContaining(message) },
];

describe('folder boundaries in eslint.config.js', () => {
  describe('src/core imports nothing of ours outside src/core', () => {
    const rule = 'src/core imports nothing of ours outside src/core';

    it('refuses an import of another src folder', async () => {
      expect(await lint('src/core/x.ts', "export { openDatabase } from '../store/database.ts';\n")).toEqual(
        restricted(rule),
      );
    });

    it('refuses it in a core test as well', async () => {
      expect(
        await lint(
          'src/core/x.unit.test.ts',
          "export { startLoketSandbox } from '../../sandbox/loket/index.ts';\n",
        ),
      ).toEqual(restricted(rule));
    });

    it('allows core itself and packages', async () => {
      expect(
        await lint(
          'src/core/x.ts',
          "export { isGuid } from './guid.ts';\nexport { cents } from '../core/money.ts';\nexport { z } from 'zod';\n",
        ),
      ).toEqual([]);
    });
  });

  describe('src/loket never imports src/yuki, src/store or src/sync', () => {
    const rule = 'src/loket never imports src/yuki, src/store or src/sync';

    it.each([
      '../yuki/journal.ts',
      '../store/database.ts',
      '../sync/import-journal.ts',
      '../../src/yuki/index.ts',
    ])('refuses %s', async (source) => {
      expect(await lint('src/loket/x.ts', `export { something } from '${source}';\n`)).toEqual(
        restricted(rule),
      );
    });

    it('refuses it in a loket test as well', async () => {
      expect(
        await lint('src/loket/x.unit.test.ts', "export { something } from '../yuki/journal.ts';\n"),
      ).toEqual(restricted(rule));
    });

    it('allows src/core, and the sandbox and test/support in its tests', async () => {
      expect(await lint('src/loket/x.ts', "export { cents } from '../core/money.ts';\n")).toEqual([]);
      expect(
        await lint(
          'src/loket/x.integration.test.ts',
          "export { startLoketSandbox } from '../../sandbox/loket/index.ts';\nexport { something } from '../../test/support/loket-fixture.ts';\n",
        ),
      ).toEqual([]);
    });
  });

  describe('src/yuki never imports src/loket, src/store or src/sync', () => {
    const rule = 'src/yuki never imports src/loket, src/store or src/sync';

    it.each(['../loket/oauth.ts', '../store/database.ts', '../sync/import-journal.ts'])(
      'refuses %s',
      async (source) => {
        expect(await lint('src/yuki/x.ts', `export { something } from '${source}';\n`)).toEqual(
          restricted(rule),
        );
      },
    );

    it('refuses it in a yuki test as well', async () => {
      expect(
        await lint('src/yuki/x.unit.test.ts', "export { something } from '../loket/oauth.ts';\n"),
      ).toEqual(restricted(rule));
    });

    it('allows src/core, and the sandbox in its tests', async () => {
      expect(await lint('src/yuki/x.ts', "export { cents } from '../core/money.ts';\n")).toEqual([]);
      expect(
        await lint(
          'src/yuki/x.unit.test.ts',
          "export { startYukiSandbox } from '../../sandbox/yuki/index.ts';\n",
        ),
      ).toEqual([]);
    });
  });

  describe('src/ never imports sandbox/', () => {
    const rule = 'src/ never imports sandbox/';

    it.each(['src/http/x.ts', 'src/loket/x.ts', 'src/yuki/x.ts'])('refuses it in %s', async (filePath) => {
      expect(await lint(filePath, "export { demoFirm } from '../../sandbox/shared/demo-firm.ts';\n")).toEqual(
        restricted(rule),
      );
    });

    it('allows the product its own folders, and tests the sandbox', async () => {
      expect(await lint('src/http/x.ts', "export { openDatabase } from '../store/database.ts';\n")).toEqual(
        [],
      );
      expect(
        await lint(
          'src/http/x.integration.test.ts',
          "export { demoFirm } from '../../sandbox/shared/demo-firm.ts';\n",
        ),
      ).toEqual([]);
    });
  });
});
