/**
 * @module app-commands
 * What a test of the application layer needs to call a command as a person and read what it audited:
 * the role's `ChangedBy`, and the audit rows of one action, newest first.
 */
import { desc, eq } from 'drizzle-orm';
import { loadActor } from '../../src/auth/load-actor.ts';
import type { ChangedBy } from '../../src/app/command.ts';
import type { Database } from '../../src/store/database.ts';
import { auditEvents, users } from '../../src/store/schema/index.ts';
import type { SessionRole } from './role-sessions.ts';
import type { Tenants } from './tenants.ts';

export async function changedByRole(db: Database, tenants: Tenants, role: SessionRole): Promise<ChangedBy> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, tenants.emails[role]));
  return { actor: (await loadActor(db, user!.id))!, requestId: null };
}

export async function auditRows(db: Database, action: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id));
}
