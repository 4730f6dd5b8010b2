import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { startImportFixture } from '../../test/support/import-fixture.ts';
import { createLogger } from '../platform/logger.ts';
import { importItems, importRuns } from '../store/schema/index.ts';
import type { ImportItemEnvironment } from './import-item.ts';
import { importItem } from './import-item.ts';
import { planImportRun } from './import-run.ts';

let fixture: ImportFixture;
let env: ImportItemEnvironment;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as never);
      done();
    },
  });
  env = { ...fixture.env, logger: createLogger('warn', sink) };
}, 60_000);
afterAll(() => fixture.close());

const request = {
  trigger: 'manual' as const,
  requestedLabel: 'test',
  kinds: ['payslip' as const],
};

describe('errors that promise details have them (issue 10.9)', () => {
  it('a run that failed on Loket keeps Loket’s own words and logs them with the administration', async () => {
    fixture.loket.setFaults({ truncateRate: 1 });
    await expect(planImportRun(env, { ...request, administrationId: fixture.bakeryId })).rejects.toThrow();
    fixture.loket.setFaults({ truncateRate: 0 });
    const [run] = await fixture.env.db
      .select()
      .from(importRuns)
      .where(eq(importRuns.administrationId, fixture.bakeryId));
    expect(run).toMatchObject({ state: 'failed' });
    expect(run?.errorDetail).toBeTruthy();
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'import run could not be planned',
        administrationId: fixture.bakeryId,
        runId: run?.id,
        detail: run?.errorDetail,
      }),
    );
  }, 60_000);

  it('an item that failed keeps its details and logs them: administration, item, Yuki’s own message', async () => {
    const planned = await planImportRun(env, { ...request, administrationId: fixture.bakeryId });
    const [itemId] = planned.itemIds;
    if (!itemId) throw new Error('no payslip planned');
    fixture.yuki.setFaults({ failCalls: { UploadDocumentWithData: ['Invalid folder 9.'] } });
    expect(await importItem(env, itemId)).toMatchObject({ outcome: 'failed', code: 'yuki.fault' });
    const [row] = await fixture.env.db.select().from(importItems).where(eq(importItems.id, itemId));
    expect(row?.errorDetail).toContain('Invalid folder 9.');
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'import item failed',
        administrationId: fixture.bakeryId,
        itemId,
        code: 'yuki.fault',
        detail: row?.errorDetail,
      }),
    );
  }, 60_000);
});
