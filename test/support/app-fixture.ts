/**
 * @module app-fixture
 * What the application layer's own tests need: a migrated database with the tenants' cast, an actor per
 * role loaded as a session would load it, a real mailer pointed at a test SMTP server, a secret box, and
 * the audit rows of an action.
 */
import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/store/database.ts';
import { auditEvents, users } from '../../src/store/schema/index.ts';
import { loadActor } from '../../src/auth/load-actor.ts';
import type { Actor } from '../../src/core/roles.ts';
import type { ChangedBy } from '../../src/app/command.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';
import { createSecretBox, type SecretBox } from '../../src/secrets/secret-box.ts';
import { openTestDatabase } from './database.ts';
import { createTenants, type RoleName, type Tenants } from './tenants.ts';
import { startTestSmtpServer, type TestSmtpServer } from './smtp.ts';
import { testLogger } from './logger.ts';

export type AppFixture = {
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  tenants: Tenants;
  smtp: TestSmtpServer;
  mailer: Mailer;
  secrets: SecretBox;
  /** The actor of `role` in portal A (`b_admin`: B's portal_admin), as the session middleware loads it. */
  actor(role: RoleName | 'b_admin'): Promise<Actor>;
  /** `actor(role)` in a request with a fixed id, as a route passes it to a command. */
  by(role: RoleName | 'b_admin'): Promise<ChangedBy>;
  /** Every audit row of `action`, oldest first. */
  audit(action: string): Promise<Array<typeof auditEvents.$inferSelect>>;
  close(): Promise<void>;
};

export async function openAppFixture(): Promise<AppFixture> {
  const database = await openTestDatabase();
  const { db } = database;
  const tenants = await createTenants(db);
  const smtp = await startTestSmtpServer();
  const actor = async (role: RoleName | 'b_admin') => {
    const [user] = await db.select().from(users).where(eq(users.email, tenants.emails[role]));
    const loaded = user && (await loadActor(db, user.id));
    if (!loaded) throw new Error(`no actor for ${role}`);
    return loaded;
  };
  return {
    database,
    db,
    tenants,
    smtp,
    mailer: createMailer({ smtpUrl: smtp.url, from: 'loket-yuki@localhost', logger: testLogger }),
    secrets: createSecretBox(db, { current: randomBytes(32) }),
    actor,
    by: async (role) => ({ actor: await actor(role), requestId: `test-${role}` }),
    audit: (action) =>
      db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.id)),
    close: async () => {
      await smtp.close();
      await database.close();
    },
  };
}
