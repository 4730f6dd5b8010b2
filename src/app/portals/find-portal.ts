/**
 * @module find-portal
 * A portal's id and name, for the pages and routes that address one by id; undefined when it does not exist.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { portals } from '../../store/schema/index.ts';
import { NotFoundError } from '../../core/errors.ts';

/** A command's answer for a portal id that does not exist (the operator may address any id). */
export const PORTAL_NOT_FOUND = new NotFoundError('portal_not_found', {
  nl: 'Dit portaal bestaat niet.',
  en: 'This portal does not exist.',
});

export type PortalSummary = { id: string; name: string };

export async function findPortal(db: Database, portalId: string): Promise<PortalSummary | undefined> {
  const [portal] = await db
    .select({ id: portals.id, name: portals.name })
    .from(portals)
    .where(eq(portals.id, portalId));
  return portal;
}
