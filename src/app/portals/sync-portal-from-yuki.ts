/**
 * @module sync-portal-from-yuki
 * "Synchronise with Yuki" (portal_admin): brings a portal's domains and administrations in line with
 * Yuki, using the portal's access key, and audits what it found. Renames are followed; what disappeared
 * from Yuki is marked as gone, never deleted, so link settings and import history stay. Yuki is asked
 * everything first; the database changes afterwards in one transaction with the audit row.
 */
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { administrations, domains, portals } from '../../store/schema/index.ts';
import type { SecretBox } from '../../secrets/secret-box.ts';
import type { YukiClient } from '../../yuki/yuki.client.ts';
import type { YukiAdministration, YukiDomain } from '../../yuki/schemas.ts';
import { LinkSetupError } from '../../tenancy/loket-session.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import { PORTAL_NOT_FOUND } from './find-portal.ts';

export type SyncCounts = { seen: number; added: number; gone: number };
export type SyncReport = { domains: SyncCounts; administrations: SyncCounts };

export type SyncDeps = { db: Database; secrets: SecretBox; yuki: YukiClient };

const NO_ACCESS_KEY = new LinkSetupError('yuki_access_key_missing', {
  nl: 'Er is nog geen Yuki-webservicesleutel ingevuld bij Instellingen → Loket instellingen.',
  en: 'No Yuki web-service access key has been filled in under Settings → Loket settings yet.',
});

/** What Yuki has: each domain with its administrations. */
type YukiPortal = Array<{ domain: YukiDomain; administrations: YukiAdministration[] }>;

export function syncPortalFromYuki(deps: SyncDeps, by: ChangedBy, portalId: string): Promise<SyncReport> {
  return runCommand(deps.db, by, {
    audit: { portalId, action: 'portal.sync_from_yuki' },
    check: () => readYuki(deps, portalId),
    change: (tx, found) => writeDomains(tx, portalId, found),
    audited: (report) => ({ details: report }),
  });
}

async function readYuki(deps: SyncDeps, portalId: string): Promise<YukiPortal> {
  const [portal] = await deps.db.select().from(portals).where(eq(portals.id, portalId));
  if (!portal) throw PORTAL_NOT_FOUND;
  if (!portal.yukiAccessKeyEnc) throw NO_ACCESS_KEY;
  const accessKey = await deps.secrets.decrypt(
    { portalId, field: 'portals.yuki_access_key', rowId: portalId },
    portal.yukiAccessKeyEnc,
  );
  const found: YukiPortal = [];
  for (const domain of await deps.yuki.domains(accessKey)) {
    found.push({
      domain,
      administrations: await deps.yuki.forDomain(accessKey, domain.id).administrations(),
    });
  }
  return found;
}

async function writeDomains(tx: Database, portalId: string, found: YukiPortal): Promise<SyncReport> {
  const report: SyncReport = {
    domains: { seen: 0, added: 0, gone: 0 },
    administrations: { seen: 0, added: 0, gone: 0 },
  };
  const now = new Date();
  for (const { domain: yukiDomain, administrations: yukiAdministrations } of found) {
    report.domains.seen++;
    const [existing] = await tx
      .select()
      .from(domains)
      .where(and(eq(domains.portalId, portalId), eq(domains.yukiDomainId, yukiDomain.id)));
    let domainId: string;
    if (existing) {
      domainId = existing.id;
      await tx
        .update(domains)
        .set({ name: yukiDomain.name, url: yukiDomain.url, goneFromYukiAt: null, updatedAt: now })
        .where(eq(domains.id, domainId));
    } else {
      domainId = (
        await tx
          .insert(domains)
          .values({ portalId, yukiDomainId: yukiDomain.id, name: yukiDomain.name, url: yukiDomain.url })
          .returning({ id: domains.id })
      )[0]!.id;
      report.domains.added++;
    }
    await writeAdministrations(tx, { portalId, domainId, now }, yukiAdministrations, report.administrations);
  }
  const gone = await tx
    .update(domains)
    .set({ goneFromYukiAt: now })
    .where(
      and(
        eq(domains.portalId, portalId),
        isNull(domains.goneFromYukiAt),
        found.length
          ? notInArray(
              domains.yukiDomainId,
              found.map(({ domain }) => domain.id),
            )
          : undefined,
      ),
    )
    .returning({ id: domains.id });
  report.domains.gone = gone.length;
  return report;
}

async function writeAdministrations(
  tx: Database,
  target: { portalId: string; domainId: string; now: Date },
  found: YukiAdministration[],
  counts: SyncCounts,
): Promise<void> {
  const known = await tx.select().from(administrations).where(eq(administrations.domainId, target.domainId));
  // Yuki's list carries no "standard" flag: a domain's oldest administration becomes its standard one.
  let hasStandard = known.some((administration) => administration.isStandard);
  const oldestFirst = [...found].sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (const yukiAdministration of oldestFirst) {
    counts.seen++;
    const existing = known.find(
      (administration) => administration.yukiAdministrationId === yukiAdministration.id,
    );
    if (existing) {
      await tx
        .update(administrations)
        .set({
          name: yukiAdministration.name,
          cocNumber: yukiAdministration.cocNumber || null,
          goneFromYukiAt: null,
          updatedAt: target.now,
        })
        .where(eq(administrations.id, existing.id));
      continue;
    }
    await tx.insert(administrations).values({
      portalId: target.portalId,
      domainId: target.domainId,
      yukiAdministrationId: yukiAdministration.id,
      name: yukiAdministration.name,
      cocNumber: yukiAdministration.cocNumber || null,
      isStandard: !hasStandard,
    });
    hasStandard = true;
    counts.added++;
  }
  const gone = await tx
    .update(administrations)
    .set({ goneFromYukiAt: target.now })
    .where(
      and(
        eq(administrations.domainId, target.domainId),
        isNull(administrations.goneFromYukiAt),
        found.length
          ? notInArray(
              administrations.yukiAdministrationId,
              found.map((item) => item.id),
            )
          : undefined,
      ),
    )
    .returning({ id: administrations.id });
  counts.gone += gone.length;
}
