/**
 * @module sync/failure-digest
 * Once a day at most per domain, the domain's backoffice users (or, when it has none, the portal's
 * administrators) get one e-mail listing the imports that failed and what to do about each. The day's
 * row is claimed before the mail goes out, so several workers never send it twice.
 */
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import {
  administrations,
  domainMemberships,
  domains,
  failureDigests,
  importItems,
  portalMemberships,
  portals,
  users,
} from '../store/schema/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import { yukiDay } from '../yuki/budget.ts';

export type DigestDeps = { db: Database; mailer: Mailer; publicUrl: string };

const DAY_MS = 24 * 60 * 60 * 1000;

type Failure = {
  administrationId: string;
  administration: string;
  subject: string;
  errorNl: string;
  errorEn: string;
};

/** Sends the digests that are due; returns how many went out. */
export async function sendFailureDigests(deps: DigestDeps, now = new Date()): Promise<number> {
  const { db } = deps;
  const rows = await db
    .select({ item: importItems, administration: administrations, domain: domains, portal: portals })
    .from(importItems)
    .innerJoin(administrations, eq(administrations.id, importItems.administrationId))
    .innerJoin(domains, eq(domains.id, administrations.domainId))
    .innerJoin(portals, eq(portals.id, domains.portalId))
    .where(and(eq(importItems.state, 'failed'), gt(importItems.updatedAt, new Date(now.getTime() - DAY_MS))));
  const byDomain = new Map<
    string,
    { domain: typeof domains.$inferSelect; portal: typeof portals.$inferSelect; failures: Failure[] }
  >();
  for (const { item, administration, domain, portal } of rows) {
    const entry = byDomain.get(domain.id) ?? { domain, portal, failures: [] };
    entry.failures.push({
      administrationId: administration.id,
      administration: administration.name,
      subject: item.subject ?? `${item.kind} ${item.periodId}`,
      errorNl: item.errorNl ?? item.errorCode ?? 'Onbekende fout',
      errorEn: item.errorEn ?? item.errorCode ?? 'Unknown error',
    });
    byDomain.set(domain.id, entry);
  }

  let sent = 0;
  for (const { domain, portal, failures } of byDomain.values()) {
    const recipients = await recipientsFor(db, domain.id, portal);
    if (recipients.length === 0) continue;
    const [claimed] = await db
      .insert(failureDigests)
      .values({ domainId: domain.id, day: yukiDay(now), failures: failures.length, recipients })
      .onConflictDoNothing()
      .returning();
    if (!claimed) continue;
    const result = await deps.mailer.send({
      kind: 'failure_digest',
      to: recipients,
      ...digestMail(domain.name, failures, deps.publicUrl),
    });
    if (result.delivered) {
      await db
        .update(failureDigests)
        .set({ delivered: true })
        .where(and(eq(failureDigests.domainId, domain.id), eq(failureDigests.day, claimed.day)));
      sent++;
    }
  }
  return sent;
}

async function recipientsFor(
  db: Database,
  domainId: string,
  portal: typeof portals.$inferSelect,
): Promise<string[]> {
  const backoffice = await db
    .select({ email: users.email })
    .from(domainMemberships)
    .innerJoin(users, eq(users.id, domainMemberships.userId))
    .where(and(eq(domainMemberships.domainId, domainId), eq(domainMemberships.role, 'backoffice')));
  const people = backoffice.length
    ? backoffice
    : await db
        .select({ email: users.email })
        .from(portalMemberships)
        .innerJoin(users, eq(users.id, portalMemberships.userId))
        .where(
          and(eq(portalMemberships.portalId, portal.id), inArray(portalMemberships.role, ['portal_admin'])),
        );
  return [...new Set([...people.map((person) => person.email), ...portal.notificationRecipients])].sort();
}

function digestMail(domainName: string, failures: Failure[], publicUrl: string) {
  const lines = failures.map(
    (failure) =>
      `- ${failure.administration}: ${failure.subject}\n  ${failure.errorNl}\n  (${failure.errorEn})\n  ${publicUrl}/administrations/${failure.administrationId}/loket`,
  );
  return {
    subject: `Salariskoppeling Loket: ${failures.length} mislukte import${failures.length === 1 ? '' : 's'} in ${domainName}`,
    text: [
      `In ${domainName} is het importeren uit Loket de afgelopen dag mislukt voor:`,
      '',
      ...lines,
      '',
      'Elke melding zegt wat er moet gebeuren; na het oplossen kunt u op de Loket service-pagina opnieuw importeren.',
      '',
      '--',
      `Importing from Loket failed in ${domainName} in the past day for the items above. Each message says what to do; after fixing it, import again from the Loket service page.`,
    ].join('\n'),
  };
}
