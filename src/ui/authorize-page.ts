/**
 * @module authorize-page
 * The pages' side of the one policy: the same `refusal` the API uses (so refused attempts at the link
 * are audited alike), answered in HTML — to the login page without a session, a 404 page for another
 * tenant's ids, a 403 page with the reason and the roles that could act.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context.ts';
import { refusal } from '../http/authorize.ts';
import { decide, type Action, type Scope } from '../core/policy.ts';
import {
  loadAdministrationScope,
  loadDomainScope,
  type Administration,
  type DomainScope,
} from '../app/scope.ts';
import { findPortal, type PortalSummary } from '../app/portals/find-portal.ts';
import type { Database } from '../app/database.ts';
import type { Actor } from '../core/roles.ts';
import { forbiddenPage, notFoundPage } from './pages/error-pages.tsx';

export type PageGuarded<T> = { ok: true; value: T } | { ok: false; response: Response };

/** A redirect to the login page that comes back here afterwards. */
function toLogin(c: Context<AppEnv>): Response {
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
}

/** The page to send when the actor may not do `action` in `scope`, or undefined when allowed. */
export async function pageRefusal(
  c: Context<AppEnv>,
  action: Action,
  scope: Scope,
): Promise<Response | undefined> {
  const refused = await refusal(c, action, scope);
  if (!refused) return undefined;
  const decision = decide(c.var.actor, action, scope);
  if (decision.allowed || decision.reason === 'not_signed_in') return toLogin(c);
  if (decision.reason === 'no_access') return notFoundPage(c);
  return forbiddenPage(c, decision.reason, decision.allowedRoles);
}

/** An application-layer query of one portal as the actor sees it; undefined when the portal does not exist. */
export type PortalQuery<T> = (db: Database, actor: Actor, portalId: string) => Promise<T | undefined>;

/**
 * The `:portalId` page's portal, once `action` is allowed there: read by `query` (by default its id and
 * name); a portal that does not exist is the 404 page (the operator may open any id).
 */
export async function guardPortalPage(
  c: Context<AppEnv>,
  action: Action,
): Promise<PageGuarded<PortalSummary>>;
export async function guardPortalPage<T>(
  c: Context<AppEnv>,
  action: Action,
  query: PortalQuery<T>,
): Promise<PageGuarded<T>>;
export async function guardPortalPage(
  c: Context<AppEnv>,
  action: Action,
  query: PortalQuery<unknown> = (db, _actor, portalId) => findPortal(db, portalId),
): Promise<PageGuarded<unknown>> {
  const portalId = c.req.param('portalId') ?? '';
  if (!isUuid(portalId)) return { ok: false, response: await notFoundPage(c) };
  const refused = await pageRefusal(c, action, { kind: 'portal', portalId });
  if (refused) return { ok: false, response: refused };
  // Allowed, so signed in: pageRefusal sends everyone else to the log-in page.
  const found = await query(c.var.services.db, c.var.actor!, portalId);
  return found === undefined ? { ok: false, response: await notFoundPage(c) } : { ok: true, value: found };
}

export async function guardDomainPage(
  c: Context<AppEnv>,
  domainId: string,
  action: Action,
): Promise<PageGuarded<DomainScope>> {
  if (!c.var.actor) return { ok: false, response: toLogin(c) };
  // A malformed id would make the uuid column throw; it is simply not found.
  const scope = isUuid(domainId) ? await loadDomainScope(c.var.services.db, domainId) : undefined;
  if (!scope) return { ok: false, response: await notFoundPage(c) };
  const refused = await pageRefusal(c, action, scope);
  return refused ? { ok: false, response: refused } : { ok: true, value: scope };
}

export async function guardAdministrationPage(
  c: Context<AppEnv>,
  administrationId: string,
  action: Action,
): Promise<PageGuarded<{ scope: DomainScope; administration: Administration }>> {
  if (!c.var.actor) return { ok: false, response: toLogin(c) };
  const found = isUuid(administrationId)
    ? await loadAdministrationScope(c.var.services.db, administrationId)
    : undefined;
  if (!found) return { ok: false, response: await notFoundPage(c) };
  const refused = await pageRefusal(c, action, found.scope);
  return refused ? { ok: false, response: refused } : { ok: true, value: found };
}

export function isUuid(value: string): boolean {
  return z.uuid().safeParse(value).success;
}
