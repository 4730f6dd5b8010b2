/**
 * Yuki's chart of accounts answered in a form we cannot read: the journal is retried later, nothing is
 * booked, and Loket is not told the journal failed (it did not); once Yuki answers properly it posts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { loketControl, startImportFixture } from '../../test/support/import-fixture.ts';
import { importItems, yukiGlSchemes } from '../store/schema/index.ts';
import { importNow } from './import-run.ts';

let fixture: ImportFixture;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
});
afterAll(() => fixture.close());

const request = () => ({
  administrationId: fixture.bakeryId,
  trigger: 'manual' as const,
  requestedLabel: 'backoffice@jansen-deboer.nl',
  kinds: ['journal' as const],
});

type LoketJournalRun = { journalRunStatus: { key: number }; patches: unknown[] };

describe("Yuki's chart of accounts cannot be read", () => {
  it.each(['garbled', 'partial', 'empty'] as const)(
    'a %s answer is a retryable error, not an empty scheme; Loket hears nothing',
    async (malformedGlScheme) => {
      fixture.yuki.setFaults({ malformedGlScheme });
      const result = await importNow(fixture.env, request());
      expect(result.outcomes).toEqual([
        { outcome: 'failed', retryable: true, code: 'yuki.gl_scheme_unreadable', maybePosted: false },
      ]);
      expect(fixture.yuki.state.journals).toEqual([]);
      const [journal] = await fixture.env.db
        .select()
        .from(importItems)
        .where(eq(importItems.kind, 'journal'));
      expect(journal).toMatchObject({ yukiDocumentId: null, loketMarkedAt: null });
      expect(journal?.errorEn).toBe("Yuki's chart of accounts could not be read. It will be retried later.");
      expect(journal?.errorNl).toBe(
        'Het rekeningschema van Yuki kon niet worden gelezen. Het wordt later opnieuw geprobeerd.',
      );
      expect(journal?.details.loketFailure).toBeUndefined();
      // Nothing unreadable was cached as "the scheme".
      expect(await fixture.env.db.select().from(yukiGlSchemes)).toEqual([]);
      const loketRun = (await loketControl(
        fixture,
        `/journal-runs/${journal?.loketObjectId}`,
      )) as LoketJournalRun;
      expect(loketRun.patches).toEqual([]);
      expect(loketRun.journalRunStatus.key).toBe(4);
    },
    60_000,
  );

  it('posts the journal once Yuki answers with its scheme again, and Loket hears of the success', async () => {
    fixture.yuki.setFaults({ malformedGlScheme: 'off' });
    const result = await importNow(fixture.env, request());
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['posted']);
    expect(fixture.yuki.state.journals).toHaveLength(1);
    const [journal] = await fixture.env.db.select().from(importItems).where(eq(importItems.kind, 'journal'));
    const loketRun = (await loketControl(
      fixture,
      `/journal-runs/${journal?.loketObjectId}`,
    )) as LoketJournalRun;
    expect(loketRun.journalRunStatus.key).toBe(7);
  }, 60_000);
});
