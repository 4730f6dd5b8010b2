/**
 * Telling Loket a journal run was imported (PatchJournalRunByJournalRunId): the spec's answer has an
 * untyped `content`, so any 2xx is taken as done; the mark is a recorded fact of our item, and later
 * plans do not send it again.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { startImportFixture } from '../../test/support/import-fixture.ts';
import { sandboxControl } from '../../test/support/loket-fixture.ts';
import { importItems } from '../store/schema/index.ts';
import { importNow } from './import-run.ts';

let fixture: ImportFixture;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
});
afterAll(() => fixture.close());

const journalsOnly = (administrationId: string) => ({
  administrationId,
  trigger: 'manual' as const,
  requestedLabel: 'backoffice@jansen-deboer.nl',
  kinds: ['journal' as const],
});

type LoketJournalRun = { journalRunStatus: { key: number }; patches: Array<{ action: string }> };

describe('marking a journal run in Loket', () => {
  it.each([
    ['emptyContent', () => fixture.bakeryId],
    ['noContent', () => fixture.installerId],
  ] as const)(
    'takes a 200 with %s as done, records it, and does not mark again on the next plans',
    async (journalRunPatchAnswer, administrationId) => {
      await sandboxControl(fixture.loket.controlUrl, '/faults', { journalRunPatchAnswer }, 'PUT');
      const first = await importNow(fixture.env, journalsOnly(administrationId()));
      expect(first.outcomes.map((o) => o.outcome)).toContain('posted');

      const journals = await fixture.env.db
        .select()
        .from(importItems)
        .where(eq(importItems.administrationId, administrationId()));
      expect(journals.length).toBeGreaterThan(0);
      for (const journal of journals) {
        expect(journal).toMatchObject({ state: 'posted', errorDetail: null });
        expect(journal.loketMarkedAt).toBeInstanceOf(Date);
      }

      // Two more plans of the same administration: nothing to post, nothing to tell Loket.
      await importNow(fixture.env, journalsOnly(administrationId()));
      await importNow(fixture.env, journalsOnly(administrationId()));
      for (const journal of journals) {
        const run = (await sandboxControl(
          fixture.loket.controlUrl,
          `/journal-runs/${journal.loketObjectId}`,
        )) as LoketJournalRun;
        expect(run.journalRunStatus.key).toBe(7);
        expect(run.patches).toEqual([expect.objectContaining({ action: 'MarkAsProcessed' })]);
      }
    },
    60_000,
  );
});
