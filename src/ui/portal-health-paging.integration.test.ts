/**
 * Issue 13 P5 on the import status page and its REST endpoint: a firm of 120 administrations shows 50
 * a page, those needing a person first, counted in SQL; `q` finds an administration by a part of its
 * name or by its whole Loket client number, and the page links to the pages beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call } from '../../test/support/auth-harness.ts';
import { roleSessions } from '../../test/support/role-sessions.ts';
import {
  FIRST_RELATION_CODE,
  seedAdministrations,
  seedItems,
} from '../../test/support/many-administrations.ts';

type Health = {
  administrations: Array<{ name: string; failed: number; needsCheck: number }>;
  page: number;
  pageSize: number;
  total: number;
};

describe('the import status, a page at a time', () => {
  let setup: AppWithSandboxes;
  const { as } = roleSessions(() => setup);
  const api = async (query: string) => {
    const { cookie } = await as('portal_admin');
    const response = await call(setup.app, `/api/portals/${setup.tenants.a.portalId}/health${query}`, {
      cookie,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Health;
  };

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'ui-health-paging' });
    // 120 administrations of two posted items; then one in ten gets a failure and a check in Yuki.
    await seedAdministrations(setup.database.db, {
      portalId: setup.tenants.a.portalId,
      administrations: 120,
      perDomain: 4,
      items: 2,
    });
    await seedItems(
      setup.database.db,
      sql`a.relation_code >= ${FIRST_RELATION_CODE} and a.relation_code % 10 = 3`,
      7,
      1001,
    );
  }, 60_000);
  afterAll(() => setup?.close());

  it('answers 50 a page, with those that need a person first, and the total of all pages', async () => {
    const first = await api('');
    expect(first).toMatchObject({ page: 1, pageSize: 50 });
    // The seeded 120 and the tenants' standard administrations (in the link without any item).
    expect(first.total).toBe(122);
    expect(first.administrations).toHaveLength(50);
    const needing = first.administrations.filter((row) => row.failed + row.needsCheck > 0);
    expect(needing).toHaveLength(12);
    expect(first.administrations.slice(0, 12)).toEqual(needing);

    const last = await api('?page=3');
    expect(last.administrations).toHaveLength(22);
    const seen = new Set(
      [...first.administrations, ...(await api('?page=2')).administrations, ...last.administrations].map(
        (row) => row.name,
      ),
    );
    expect(seen.size).toBe(122);
  });

  it('finds an administration by a part of its name or by its whole client number', async () => {
    const byName = await api(`?q=${encodeURIComponent('domein 00007 ADMINISTRATIE')}`);
    expect(byName.total).toBe(4);
    expect(byName.administrations.map((row) => row.name)).toEqual(
      [1, 2, 3, 4].map((k) => `Domein 00007 administratie ${k}`),
    );
    const byNumber = await api(`?q=${FIRST_RELATION_CODE + 4}`);
    expect(byNumber.administrations.map((row) => row.name)).toEqual(['Domein 00002 administratie 1']);
    // A wildcard typed by a person is a character, not a pattern.
    expect((await api('?q=%25')).total).toBe(0);
  });

  it('shows the page with paging links and the search form', async () => {
    const { cookie } = await as('portal_admin');
    const path = `/portals/${setup.tenants.a.portalId}/health`;
    const html = await (await call(setup.app, `${path}?page=2&q=domein`, { cookie })).text();
    expect(html).toContain('Administratie 51–100 van 120');
    expect(html).toContain(`href="${path}?q=domein" rel="prev"`);
    expect(html).toContain(`href="${path}?q=domein&amp;page=3" rel="next"`);
    expect(html).toContain('name="q" type="search" value="domein"');
  });
});
