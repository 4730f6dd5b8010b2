/**
 * The demo's mail is real and visible: what the service sends goes through the demo's SMTP catcher and
 * shows, decoded, on /_demo/outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createUser } from '../../src/auth/users.ts';
import { createApp } from '../../src/main/app.ts';
import { startJobEngine, type JobEngine } from '../../src/jobs/engine.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import { portalMemberships, portals } from '../../src/store/schema/index.ts';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createTestServices } from '../../test/support/services.ts';
import { call, login } from '../../test/support/auth-harness.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { startDemoOutbox, type DemoOutbox } from './outbox.ts';

describe('the demo outbox', () => {
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let outbox: DemoOutbox;
  let services: ReturnType<typeof createTestServices>;
  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await startJobEngine({ database, logger: testLogger, supervise: false, instanceName: 'outbox' });
    outbox = await startDemoOutbox();
    services = createTestServices({ database, jobs, env: { SMTP_URL: outbox.url } });
  }, 60_000);
  afterAll(async () => {
    services?.mailer.close();
    await outbox?.close();
    await jobs?.stop();
    await database?.close();
  });

  it('shows the invitation and the password reset the story sends, readable', async () => {
    const app = createApp(services);
    outbox.routes(app as unknown as Hono<never>);
    const { db } = database;
    const admin = { email: 'beheer@kantoor.nl', password: 'a long demo password' };
    const adminId = (await createUser(db, { ...admin, name: 'Beheerder' })).id;
    const portalId = (await db.insert(portals).values({ name: 'Jansen & De Boer' }).returning())[0]!.id;
    await db.insert(portalMemberships).values({ userId: adminId, portalId, role: 'portal_admin' });
    const session = await login(app, admin);
    await call(app, `/api/portals/${portalId}/members`, {
      json: { kind: 'portal', email: 'nieuw@kantoor.nl', name: 'Één Nieuwe', role: 'portal_guest' },
      cookie: session.cookie,
      csrf: session.csrfToken,
    });
    await call(app, '/api/auth/password-reset', { json: { email: admin.email } });
    const mails = await waitFor(
      async () => outbox.mails,
      (caught) => caught.length >= 2,
    );
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(['beheer@kantoor.nl', 'nieuw@kantoor.nl']);

    const page = await (await app.request('/_demo/outbox')).text();
    expect(page).toContain('Uitnodiging Salariskoppeling met Loket');
    expect(page).toContain('Wachtwoord opnieuw instellen');
    expect(page).toContain('Beste Één Nieuwe');
    expect(page).toMatch(/\/invitation\?token=[A-Za-z0-9_-]{43}/);
  });
});
