/**
 * @module sync-from-yuki
 * Brings a portal's domains and administrations in line with Yuki, using the portal's access key.
 * Renames are followed; what disappeared from Yuki is marked as gone, never deleted, so link settings
 * and import history stay.
 */
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { administrations, domains, portals } from '../store/schema/index.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { YukiClient } from '../yuki/yuki.client.ts';
import { LinkSetupError } from './loket-session.ts';

export type SyncReport = {
  domains: { seen: number; added: number; gone: number };
  administrations: { seen: number; added: number; gone: number };
};

export type SyncDeps = { db: Database; secrets: SecretBox; yuki: YukiClient };

export async function syncPortalFromYuki(deps: SyncDeps, portalId: string): Promise<SyncReport> {
  const { db } = deps;
  const [portal] = await db.select().from(portals).where(eq(portals.id, portalId));
  if (!portal?.yukiAccessKeyEnc) {
    throw new LinkSetupError('yuki_access_key_missing', {
      nl: 'Er is nog geen Yuki-webservicesleutel ingevuld bij Instellingen → Loket instellingen.',
      en: 'No Yuki web-service access key has been filled in under Settings → Loket settings yet.',
    });
  }
  const accessKey = await deps.secrets.decrypt(
    { portalId, field: 'portals.yuki_access_key', rowId: portalId },
    portal.yukiAccessKeyEnc,
  );
  const report: SyncReport = {
    domains: { seen: 0, added: 0, gone: 0 },
    administrations: { seen: 0, added: 0, gone: 0 },
  };
  const now = new Date();

  const yukiDomains = await deps.yuki.domains(accessKey);
  for (const yukiDomain of yukiDomains) {
    report.domains.seen++;
    const [existing] = await db
      .select()
      .from(domains)
      .where(and(eq(domains.portalId, portalId), eq(domains.yukiDomainId, yukiDomain.id)));
    const domainId = existing
      ? existing.id
      : (
          await db
            .insert(domains)
            .values({ portalId, yukiDomainId: yukiDomain.id, name: yukiDomain.name, url: yukiDomain.url })
            .returning({ id: domains.id })
        )[0]!.id;
    if (existing) {
      await db
        .update(domains)
        .set({ name: yukiDomain.name, url: yukiDomain.url, goneFromYukiAt: null, updatedAt: now })
        .where(eq(domains.id, domainId));
    } else {
      report.domains.added++;
    }
    await syncAdministrations(
      deps,
      { portalId, domainId, yukiDomainId: yukiDomain.id, accessKey, now },
      report,
    );
  }

  const gone = await db
    .update(domains)
    .set({ goneFromYukiAt: now })
    .where(
      and(
        eq(domains.portalId, portalId),
        isNull(domains.goneFromYukiAt),
        yukiDomains.length
          ? notInArray(
              domains.yukiDomainId,
              yukiDomains.map((domain) => domain.id),
            )
          : undefined,
      ),
    )
    .returning({ id: domains.id });
  report.domains.gone = gone.length;
  return report;
}

async function syncAdministrations(
  deps: SyncDeps,
  target: { portalId: string; domainId: string; yukiDomainId: string; accessKey: string; now: Date },
  report: SyncReport,
): Promise<void> {
  const { db } = deps;
  const found = await deps.yuki.forDomain(target.accessKey, target.yukiDomainId).administrations();
  const known = await db.select().from(administrations).where(eq(administrations.domainId, target.domainId));
  // Yuki's list carries no "standard" flag: a domain's oldest administration becomes its standard one.
  let hasStandard = known.some((administration) => administration.isStandard);
  const oldestFirst = [...found].sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (const yukiAdministration of oldestFirst) {
    report.administrations.seen++;
    const existing = known.find(
      (administration) => administration.yukiAdministrationId === yukiAdministration.id,
    );
    if (existing) {
      await db
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
    await db.insert(administrations).values({
      portalId: target.portalId,
      domainId: target.domainId,
      yukiAdministrationId: yukiAdministration.id,
      name: yukiAdministration.name,
      cocNumber: yukiAdministration.cocNumber || null,
      isStandard: !hasStandard,
    });
    hasStandard = true;
    report.administrations.added++;
  }
  const gone = await db
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
  report.administrations.gone += gone.length;
}
