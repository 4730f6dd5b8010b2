/**
 * Issue 13 P4: a month-end journal costs one Yuki call, not two — the chart of accounts cached for an
 * earlier journal is trusted while it has every account — and the cache is dropped the moment Yuki
 * refuses an account it vouched for, so the next attempt names the account from a fresh scheme.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { startImportFixture } from '../../test/support/import-fixture.ts';
import { yukiGlSchemes } from '../store/schema/index.ts';
import { checkGlAccounts } from './checks.ts';
import { importNow } from './import-run.ts';

let fixture: ImportFixture;

beforeAll(async () => {
  fixture = await startImportFixture();
});
afterAll(() => fixture.close());

const journalOf = (periodId: number) => ({
  administrationId: fixture.bakeryId,
  trigger: 'backfill' as const,
  requestedLabel: 'backoffice@jansen-deboer.nl',
  kinds: ['journal' as const],
  fromPeriodId: periodId,
  toPeriodId: periodId,
});

/** Yuki calls counted so far, over every domain (the sandbox's own count). */
const yukiCalls = () => [...fixture.yuki.state.calls.values()].reduce((a, b) => a + b, 0);

describe("Yuki's chart of accounts, cached across journals", () => {
  it('posts a later month’s journal with one Yuki call on the scheme cached days before', async () => {
    // An earlier journal read the scheme, three days ago as far as the cache knows.
    const link = await fixture.env.loadLink(fixture.bakeryId);
    await checkGlAccounts(fixture.env.db, link.yuki, link.yukiAdministrationId, [], 'earlier');
    await fixture.env.db
      .update(yukiGlSchemes)
      .set({ fetchedAt: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000) });

    const before = yukiCalls();
    const next = await importNow(fixture.env, journalOf(202609));
    expect(next.outcomes.map((o) => o.outcome)).toEqual(['posted']);
    expect(yukiCalls() - before).toBe(1); // ProcessJournal only, no GetGLAccountScheme
  }, 60_000);

  it('drops the cache when Yuki refuses an account it vouched for; the next attempt names the account', async () => {
    const [posted] = fixture.yuki.state.journals;
    const code = posted?.lines[0]?.glAccount ?? '';
    const books = fixture.yuki.state.administrations.find((a) => a.glAccounts.some((g) => g.code === code));
    const account = books?.glAccounts.find((g) => g.code === code);
    if (!account) throw new Error('the posted journal names no account the sandbox knows');
    account.isEnabled = false;

    const refused = await importNow(fixture.env, journalOf(202610));
    expect(refused.outcomes).toMatchObject([{ outcome: 'failed', code: 'yuki.unknown_gl_account' }]);
    expect(await fixture.env.db.select().from(yukiGlSchemes)).toEqual([]);

    const again = await importNow(fixture.env, journalOf(202610));
    expect(again.outcomes).toMatchObject([{ outcome: 'failed', code: 'sync.gl_accounts_unusable' }]);
    const [cached] = await fixture.env.db
      .select()
      .from(yukiGlSchemes)
      .where(eq(yukiGlSchemes.yukiAdministrationId, books?.id ?? ''));
    expect(cached?.accounts.find((a) => a.code === code)?.enabled).toBe(false);
  }, 60_000);
});
