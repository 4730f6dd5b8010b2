/**
 * @module tenants
 * Two accounting firms (portals A and B) with the demo firm's domains and administrations in A, one
 * domain in B, and a user for every role — the cast of the tenancy and permission tests.
 */
import { createUser } from '../../src/auth/users.ts';
import type { Database } from '../../src/store/database.ts';
import {
  administrations,
  domainMemberships,
  domains,
  portalMemberships,
  portals,
} from '../../src/store/schema/index.ts';
import type { DomainRole, PortalRole } from '../../src/core/roles.ts';
import { demoFirm } from '../../sandbox/shared/demo-firm.ts';

export const PASSWORD = 'correct horse battery staple';

export type RoleName = PortalRole | DomainRole | 'operator';
export const ROLE_NAMES: RoleName[] = [
  'portal_admin',
  'portal_backoffice',
  'portal_guest',
  'backoffice',
  'management',
  'hrm',
  'guest',
  'operator',
];

export type Tenants = {
  a: {
    portalId: string;
    /** Bakkerij De Vries (standard administration only) and Van der Berg Groep (standard + non-standard). */
    domainIds: [string, string];
    standardId: string;
    groupStandardId: string;
    nonStandardId: string;
  };
  b: { portalId: string; domainId: string; administrationId: string };
  /** e-mail per role in portal A (domain roles on both of A's domains); `b_admin` is B's portal_admin. */
  emails: Record<RoleName | 'b_admin', string>;
};

export async function createTenants(db: Database): Promise<Tenants> {
  const [portalA] = await db.insert(portals).values({ name: demoFirm.name }).returning();
  const [portalB] = await db.insert(portals).values({ name: 'Boekhouders Zuid B.V.' }).returning();
  const domainIds: string[] = [];
  const adminIds: string[] = [];
  for (const demoDomain of demoFirm.domains) {
    const [domain] = await db
      .insert(domains)
      .values({ portalId: portalA!.id, yukiDomainId: demoDomain.yukiDomainId, name: demoDomain.name })
      .returning();
    domainIds.push(domain!.id);
    for (const demoAdministration of demoDomain.administrations) {
      const [administration] = await db
        .insert(administrations)
        .values({
          portalId: portalA!.id,
          domainId: domain!.id,
          yukiAdministrationId: demoAdministration.yukiAdministrationId,
          name: demoAdministration.name,
          cocNumber: demoAdministration.cocNumber,
          isStandard: demoAdministration.isStandard,
        })
        .returning();
      adminIds.push(administration!.id);
    }
  }
  const [domainB] = await db
    .insert(domains)
    .values({ portalId: portalB!.id, name: 'Garage Zuid' })
    .returning();
  const [adminB] = await db
    .insert(administrations)
    .values({ portalId: portalB!.id, domainId: domainB!.id, name: 'Garage Zuid B.V.', isStandard: true })
    .returning();

  const emails = {} as Tenants['emails'];
  for (const role of ROLE_NAMES) {
    const email = `${role.replace('_', '.')}@portal-a.nl`;
    emails[role] = email;
    const { id } = await createUser(db, {
      email,
      name: role,
      password: PASSWORD,
      isOperator: role === 'operator',
    });
    if (role === 'portal_admin' || role === 'portal_backoffice' || role === 'portal_guest') {
      await db.insert(portalMemberships).values({ userId: id, portalId: portalA!.id, role });
    } else if (role !== 'operator') {
      await db
        .insert(domainMemberships)
        .values(domainIds.map((domainId) => ({ userId: id, domainId, role })));
    }
  }
  emails.b_admin = 'portal.admin@portal-b.nl';
  const { id: bAdmin } = await createUser(db, { email: emails.b_admin, name: 'B', password: PASSWORD });
  await db.insert(portalMemberships).values({ userId: bAdmin, portalId: portalB!.id, role: 'portal_admin' });

  return {
    a: {
      portalId: portalA!.id,
      domainIds: [domainIds[0]!, domainIds[1]!],
      standardId: adminIds[0]!,
      groupStandardId: adminIds[1]!,
      nonStandardId: adminIds[2]!,
    },
    b: { portalId: portalB!.id, domainId: domainB!.id, administrationId: adminB!.id },
    emails,
  };
}
