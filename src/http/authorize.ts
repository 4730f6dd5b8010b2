/**
 * @module authorize
 * Asks the policy and turns a refusal into the right answer: 401 without a session, 404 for another
 * tenant's resource (so ids reveal nothing), 403 with the reason and the roles that could act. Every
 * refused attempt of a signed-in person is counted per actor, route and hour (see record-refusal.ts).
 */
import type { Context } from 'hono';
import { decide, type Action, type Scope } from '../core/policy.ts';
import { recordRefusal } from '../audit/record-refusal.ts';
import type { AppEnv } from './context.ts';
import type { ChangedBy } from '../app/command.ts';
import { errorJson, NOT_FOUND } from './errors.ts';
import {
  loadAdministrationScope,
  loadDomainScope,
  type Administration,
  type DomainScope,
} from '../app/scope.ts';

const REFUSALS = {
  role: {
    nl: 'Je rol geeft hier geen toegang toe.',
    en: 'Your role does not give access to this.',
  },
  feature_missing: {
    nl: "Het contract van dit domein heeft de feature 'Salariskoppeling met Loket' niet. De portaalbeheerder kan die toevoegen.",
    en: "This domain's contract lacks the feature 'Salariskoppeling met Loket'. The portal administrator can add it.",
  },
  not_signed_in: { nl: 'Log eerst in.', en: 'Please sign in first.' },
} as const;

/** Returns a response to send when the actor may not do `action` in `scope`, or undefined when allowed. */
export async function refusal(
  c: Context<AppEnv>,
  action: 'operator',
  scope: Scope,
): Promise<NotOperator | undefined>;
export async function refusal(c: Context<AppEnv>, action: Action, scope: Scope): Promise<Refused | undefined>;
export async function refusal(
  c: Context<AppEnv>,
  action: Action,
  scope: Scope,
): Promise<Refused | undefined> {
  const actor = c.var.actor;
  const decision = decide(actor, action, scope);
  if (decision.allowed) return undefined;
  if (actor && decision.reason !== 'not_signed_in') {
    // Another tenant's id says nothing about that tenant; it is counted as nobody's portal.
    const portalId = decision.reason !== 'no_access' && scope.kind !== 'service' ? scope.portalId : null;
    await recordRefusal(c.var.services.db, {
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: action === 'link.use' ? 'link.refused' : 'access.refused',
      route: `${c.req.method} ${c.req.routePath}`,
      portalId,
      reason: decision.reason,
    });
  }
  switch (decision.reason) {
    case 'not_signed_in':
      return errorJson(c, 401, 'not_signed_in', REFUSALS.not_signed_in);
    case 'no_access':
      return errorJson(c, 404, 'not_found', NOT_FOUND);
    default:
      return errorJson(c, 403, 'forbidden', REFUSALS[decision.reason], {
        reason: decision.reason,
        allowedRoles: decision.allowedRoles,
      });
  }
}

/**
 * A refusal as the typed answer it is (401, 403 or 404 with an ErrorBody), so a route that declares
 * those responses can return it as is.
 */
export type Refused =
  ReturnType<typeof errorJson<401>> | ReturnType<typeof errorJson<403>> | ReturnType<typeof errorJson<404>>;

/** The operator check only ever answers 401 or 403 (see `decide`), so operator routes declare just those. */
type NotOperator = ReturnType<typeof errorJson<401>> | ReturnType<typeof errorJson<403>>;

type Guarded<T> = { ok: true; value: T } | { ok: false; response: Refused };

/** Loads a domain's real tenant and checks `action` there; unknown ids get the same 404 as others' ids. */
export async function guardDomain(
  c: Context<AppEnv>,
  domainId: string,
  action: Action,
): Promise<Guarded<DomainScope>> {
  const scope = await loadDomainScope(c.var.services.db, domainId);
  if (!scope) return { ok: false, response: await notFoundUnlessSignedOut(c) };
  const refused = await refusal(c, action, scope);
  return refused ? { ok: false, response: refused } : { ok: true, value: scope };
}

/** Like guardDomain, for an administration (the domain's rules apply). */
export async function guardAdministration(
  c: Context<AppEnv>,
  administrationId: string,
  action: Action,
): Promise<Guarded<{ scope: DomainScope; administration: Administration }>> {
  const found = await loadAdministrationScope(c.var.services.db, administrationId);
  if (!found) return { ok: false, response: await notFoundUnlessSignedOut(c) };
  const refused = await refusal(c, action, found.scope);
  return refused ? { ok: false, response: refused } : { ok: true, value: found };
}

async function notFoundUnlessSignedOut(c: Context<AppEnv>): Promise<Refused> {
  return c.var.actor
    ? errorJson(c, 404, 'not_found', NOT_FOUND)
    : errorJson(c, 401, 'not_signed_in', REFUSALS.not_signed_in);
}

/** Who is changing something in this request, for the application layer's commands. */
export function changedBy(c: Context<AppEnv>): ChangedBy {
  return { actor: c.var.actor!, requestId: c.var.requestId };
}
