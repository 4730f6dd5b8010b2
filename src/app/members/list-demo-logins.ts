/**
 * @module list-demo-logins
 * In demo mode only, every account with its roles, oldest first, so the login page can tell a newcomer
 * whom to sign in as.
 */
import { asc } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { domainMemberships, portalMemberships, users } from '../../store/schema/index.ts';

export type DemoLogin = { email: string; name: string; roles: string[] };

export async function listDemoLogins(db: Database): Promise<DemoLogin[]> {
  const [people, portalRoles, domainRoles] = await Promise.all([
    db.select().from(users).orderBy(asc(users.createdAt)),
    db.select().from(portalMemberships),
    db.select().from(domainMemberships),
  ]);
  return people.map((user) => ({
    email: user.email,
    name: user.name,
    roles: [
      ...(user.isOperator ? ['operator'] : []),
      ...portalRoles.filter((row) => row.userId === user.id).map((row) => row.role),
      ...new Set(domainRoles.filter((row) => row.userId === user.id).map((row) => row.role)),
    ],
  }));
}
