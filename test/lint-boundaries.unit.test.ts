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
      expect(await lint('src/http/x.ts', "export { planImportRun } from '../sync/import-run.ts';\n")).toEqual(
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

  describe('src/platform imports nothing of ours but src/core', () => {
    const rule = 'src/platform imports nothing of ours but src/core';

    it.each([
      '../store/database.ts',
      '../jobs/engine.ts',
      '../main/environment.ts',
      '../../sandbox/yuki/index.ts',
    ])('refuses %s', async (source) => {
      expect(await lint('src/platform/x.ts', `export { something } from '${source}';\n`)).toEqual(
        restricted(rule),
      );
    });

    it('refuses it in a platform test as well', async () => {
      expect(
        await lint('src/platform/x.unit.test.ts', "export { something } from '../store/database.ts';\n"),
      ).toEqual(restricted(rule));
    });

    it('allows src/core, platform itself and packages', async () => {
      expect(
        await lint(
          'src/platform/x.ts',
          "export { AppError } from '../core/errors.ts';\nexport { loadConfig } from './config.ts';\nexport { pino } from 'pino';\n",
        ),
      ).toEqual([]);
    });
  });

  describe('only src/main and src/cli import src/main', () => {
    const rule = 'only src/main and src/cli import src/main';

    it.each(['src/http/x.ts', 'src/ui/pages/x.tsx', 'src/sync/x.ts', 'src/jobs/x.ts', 'src/app/x.ts'])(
      'refuses it in %s',
      async (filePath) => {
        const up = filePath.split('/').length - 2;
        const source = `${'../'.repeat(up)}main/environment.ts`;
        expect(await lint(filePath, `export { openEnvironment } from '${source}';\n`)).toEqual(
          restricted(rule),
        );
      },
    );

    it('allows main itself, the command line and tests', async () => {
      expect(await lint('src/main/x.ts', "export { createApp } from './app.ts';\n")).toEqual([]);
      expect(await lint('src/cli/x.ts', "export { runService } from '../main/run-service.ts';\n")).toEqual(
        [],
      );
      expect(
        await lint('src/ui/x.integration.test.ts', "export { createApp } from '../main/app.ts';\n"),
      ).toEqual([]);
    });

    it('lets main import every folder', async () => {
      expect(
        await lint(
          'src/main/x.ts',
          [
            "export { registerPages } from '../ui/index.ts';",
            "export { registerRoutes } from '../http/routes/index.ts';",
            "export { openDatabase } from '../store/database.ts';",
            "export { runCommand } from '../app/command.ts';",
            '',
          ].join('\n'),
        ),
      ).toEqual([]);
    });
  });

  describe('src/http never imports src/ui', () => {
    const rule = 'src/http never imports src/ui';

    it.each([
      ['src/http/x.ts', '../ui/pages/error-pages.tsx'],
      ['src/http/middleware/x.ts', '../../ui/index.ts'],
      ['src/http/routes/portals/x.ts', '../../../ui/page-context.ts'],
    ])('refuses it in %s', async (filePath, source) => {
      expect(await lint(filePath, `export { something } from '${source}';\n`)).toEqual(restricted(rule));
    });

    it('allows ui to build on http', async () => {
      expect(await lint('src/ui/x.ts', "export type { AppEnv } from '../http/context.ts';\n")).toEqual([]);
    });
  });

  describe('src/app never imports src/http or src/ui', () => {
    const rule = 'src/app never imports src/http or src/ui';

    it.each(['../http/context.ts', '../ui/i18n.ts', '../http/routes/index.ts'])(
      'refuses %s',
      async (source) => {
        expect(await lint('src/app/x.ts', `export { something } from '${source}';\n`)).toEqual(
          restricted(rule),
        );
      },
    );

    it('allows the store, the domain and the clients', async () => {
      expect(
        await lint(
          'src/app/x.ts',
          "export { domains } from '../store/schema/index.ts';\nexport { decide } from '../core/policy.ts';\n",
        ),
      ).toEqual([]);
    });
  });

  describe('src/http and src/ui never import src/store', () => {
    const storeRule = (message: string) => [
      { ruleId: '@typescript-eslint/no-restricted-imports', message: expect.stringContaining(message) },
    ];
    const rule = 'src/http and src/ui never import src/store';

    it.each([
      [
        'src/http/routes/system/x.ts',
        "import { pingDatabase } from '../../../store/database.ts';\nexport { pingDatabase };\n",
      ],
      ['src/ui/pages/x.tsx', "export { portals } from '../../store/schema/index.ts';\n"],
      [
        'src/ui/x.ts',
        "import { domains, type ImportKind } from '../store/schema/index.ts';\nexport { domains, type ImportKind };\n",
      ],
    ])('refuses a value import in %s', async (filePath, code) => {
      expect(await lint(filePath, code)).toEqual(storeRule(rule));
    });

    it('allows a type import, to hand the database on to src/app', async () => {
      expect(
        await lint(
          'src/http/x.ts',
          "import type { Database } from '../store/database.ts';\nexport type { Database };\n",
        ),
      ).toEqual([]);
    });

    it('allows it in their tests, which set up data', async () => {
      expect(
        await lint('src/ui/x.integration.test.ts', "export { portals } from '../store/schema/index.ts';\n"),
      ).toEqual([]);
    });
  });
});
