/**
 * @module operation
 * What every sandbox operation sees and declares: the call context, the right it needs and the domain
 * its call counts against.
 */
import type { YukiFaults } from './options.ts';
import { SoapFault } from './soap.ts';
import type { Administration, SandboxState, Service, Session } from './state.ts';
import { reachableAdministrations } from './state.ts';

/** ASP.NET's maxRequestLength as we assume Yuki configures it (R: ~3 MB per request including base64). */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;

export type Config = { sessionTtlSeconds: number; dailyCallLimit: number; faults: YukiFaults };

export type CallContext = {
  state: SandboxState;
  config: Config;
  session: Session;
  params: ReadonlyMap<string, string>;
  raw: string;
};

/**
 * - `free`: not counted (Authenticate, Domains: needed before a domain can be chosen; our assumption).
 * - `administration`: counted against the domain of `administrationID`.
 * - `target-domain`: counted against `domainID` (SetCurrentDomain).
 * - `current-domain`: counted against the session's current domain.
 */
export type Scope = 'free' | 'administration' | 'target-domain' | 'current-domain';

export type Operation = {
  scope: Scope;
  /** Service right the key needs; common operations need none. */
  right?: Service;
  run(ctx: CallContext): Promise<string | null> | string | null;
};

export function param(ctx: CallContext, name: string): string {
  return ctx.params.get(name) ?? '';
}

/** An administration named by `administrationID` that the key reaches; Yuki does not say which of the two failed. */
export function administrationParam(ctx: CallContext): Administration {
  const id = param(ctx, 'administrationID').trim().toLowerCase();
  const found = reachableAdministrations(ctx.state, ctx.session.key).find((a) => a.id === id);
  if (!found)
    throw new SoapFault(
      'soap:Client',
      'Administration not found',
      `No administration with ID '${id}' for this access key.`,
    );
  return found;
}
