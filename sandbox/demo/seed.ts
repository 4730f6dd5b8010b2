/**
 * @module seed
 * The demo firm in loket-yuki's own database: its portal, the domains and administrations as a sync
 * from the Yuki sandbox would bring them, and one user for every role. The link itself is left for
 * the person trying the demo to set up, as the original description tells the story. Idempotent.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/store/database.ts';
import {
  administrations,
  domainMemberships,
  domains,
  portalMemberships,
  portals,
} from '../../src/store/schema/index.ts';
import { createUser } from '../../src/auth/users.ts';
import type { DomainRole, PortalRole } from '../../src/core/roles.ts';
import { demoFirm } from '../shared/demo-firm.ts';
import { DEMO_PASSWORD } from '../../src/ui/demo-logins.ts';
import { translator } from '../../src/ui/i18n.ts';
import { roleNames } from '../../src/ui/components/roles.ts';

type DemoUser = {
  email: string;
  name: string;
  role: PortalRole | DomainRole | 'operator';
  /** Index into demoFirm.domains for domain roles. */
  domains?: number[];
};

export const DEMO_USERS: DemoUser[] = [
  { email: 'beheer@jansendeboer.nl', name: 'Petra Jansen', role: 'portal_admin' },
  { email: 'backoffice@jansendeboer.nl', name: 'Sanne de Boer', role: 'backoffice', domains: [0, 1] },
  { email: 'portaal.backoffice@jansendeboer.nl', name: 'Mehmet Yılmaz', role: 'portal_backoffice' },
  { email: 'gast@jansendeboer.nl', name: 'Gijs van Dijk', role: 'portal_guest' },
  { email: 'directie@bakkerijdevries.nl', name: 'Johan de Vries', role: 'management', domains: [0] },
  { email: 'hrm@bakkerijdevries.nl', name: 'Anouk Smit', role: 'hrm', domains: [0] },
  { email: 'gast@vanderberggroep.nl', name: 'Lotte van der Berg', role: 'guest', domains: [1] },
  { email: 'operator@loket-yuki.nl', name: 'Operator Loket-Yuki', role: 'operator' },
];

export async function seedDemo(db: Database): Promise<{ portalId: string; created: boolean }> {
  const [existing] = await db.select().from(portals).where(eq(portals.name, demoFirm.name));
  if (existing) return { portalId: existing.id, created: false };

  const [portal] = await db.insert(portals).values({ name: demoFirm.name }).returning();
  const portalId = portal!.id;
  const domainIds: string[] = [];
  for (const demoDomain of demoFirm.domains) {
    const [domain] = await db
      .insert(domains)
      .values({ portalId, yukiDomainId: demoDomain.yukiDomainId, name: demoDomain.name, url: demoDomain.url })
      .returning();
    domainIds.push(domain!.id);
    await db.insert(administrations).values(
      demoDomain.administrations.map((administration) => ({
        portalId,
        domainId: domain!.id,
        yukiAdministrationId: administration.yukiAdministrationId,
        name: administration.name,
        cocNumber: administration.cocNumber,
        isStandard: administration.isStandard,
      })),
    );
  }

  for (const demoUser of DEMO_USERS) {
    const { id: userId } = await createUser(db, {
      email: demoUser.email,
      name: demoUser.name,
      password: DEMO_PASSWORD,
      isOperator: demoUser.role === 'operator',
    });
    if (demoUser.role === 'operator') continue;
    if (demoUser.domains) {
      const role = demoUser.role as DomainRole;
      await db
        .insert(domainMemberships)
        .values(demoUser.domains.map((index) => ({ userId, domainId: domainIds[index]!, role })));
    } else {
      await db.insert(portalMemberships).values({ userId, portalId, role: demoUser.role as PortalRole });
    }
  }
  return { portalId, created: true };
}

/**
 * The lines printed at start-up so a newcomer can sign in at once: each log-in with the role name the
 * (Dutch) UI uses, the domains of a domain role, and the person's name.
 */
export function demoLoginLines(url: string): string[] {
  const t = translator('nl');
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  const role = (user: DemoUser) => {
    const name = roleNames(t, [user.role]);
    const domains = (user.domains ?? []).map((index) => demoFirm.domains[index]?.name).filter(Boolean);
    return domains.length > 0 ? `${name}: ${domains.join(', ')}` : name;
  };
  return [
    '',
    `loket-yuki demo is running: ${url}`,
    `Demo log-ins (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_USERS.map((user) => `  ${user.email.padEnd(width)}  ${role(user)} (${user.name})`),
    '',
  ];
}
