/**
 * Issue 13 P5: the Loket service page, the Importstatus page and its REST endpoint at 10,004
 * administrations and 1,000,300 import items, each p95 ≤ 150 ms over HTTP (the in-process app on
 * PGlite). The data is seeded through the schema's tables (test/support/many-administrations.ts); the
 * bakery's link is complete (set up through the API), so its service page shows the import view.
 * `--quick` seeds a tenth of it, for a smoke test.
 */
import { sql } from 'drizzle-orm';
import { startAppWithSandboxes } from '../test/support/app-with-sandboxes.ts';
import { linkBakeryThroughApi } from '../test/support/bakery-link.ts';
import { call } from '../test/support/auth-harness.ts';
import { seedAdministrations, seedItems } from '../test/support/many-administrations.ts';
import { roleSessions } from '../test/support/role-sessions.ts';
import type { GoalBenchmark } from './measure.ts';

const QUICK = process.argv.includes('--quick');
/** Seeded on top of the four administrations of the test tenants: 10,000 (1,000 quick). */
const ADMINISTRATIONS = QUICK ? 1_000 : 10_000;
const PER_DOMAIN = 10;
const ITEMS_PER_ADMINISTRATION = 100;
/** The bakery's own items, so its service page has a full look-back window to show. */
const BAKERY_ITEMS = 300;

export const pagesBenchmark: GoalBenchmark = {
  name: `P5 pages at ${ADMINISTRATIONS + 4} administrations and ${ADMINISTRATIONS * ITEMS_PER_ADMINISTRATION + BAKERY_ITEMS} import items`,
  goalMs: 150,
  samples: QUICK ? 10 : 40,
  async setup() {
    const setup = await startAppWithSandboxes({ instanceName: 'bench-pages' });
    const { db } = setup.database;
    const { portalId, standardId } = setup.tenants.a;
    const { api, as } = roleSessions(() => setup);
    await linkBakeryThroughApi({ api, loket: setup.loket, yuki: setup.yuki, tenants: setup.tenants });

    await seedAdministrations(db, {
      portalId,
      administrations: ADMINISTRATIONS,
      perDomain: PER_DOMAIN,
      items: ITEMS_PER_ADMINISTRATION,
    });
    await seedItems(db, sql`a.id = ${standardId}`, BAKERY_ITEMS);
    await db.execute(sql`analyze`);

    const admin = await as('portal_admin');
    const get = (path: string) => async () => {
      const response = await call(setup.app, path, { cookie: admin.cookie });
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      await response.arrayBuffer();
    };
    return {
      measurements: {
        'Loket service page': get(`/administrations/${standardId}/loket`),
        'Importstatus page': get(`/portals/${portalId}/health`),
        'Importstatus REST endpoint': get(`/api/portals/${portalId}/health`),
        'Importstatus page, search': get(`/portals/${portalId}/health?q=00042`),
      },
      close: () => setup.close(),
    };
  },
};
