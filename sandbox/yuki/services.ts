/**
 * @module services
 * The operations of Accounting.asmx, AccountingInfo.asmx and Archive.asmx. Each declares which right it
 * needs and which domain it counts against, so the rules for sessions, rights and the daily limit live
 * in one place (`handleSoapCall`) instead of in every operation.
 */
import { archiveOperations } from './archive.ts';
import { processJournal } from './journal.ts';
import type { CallContext, Config, Operation, Scope } from './operation.ts';
import { administrationParam, MAX_REQUEST_BYTES, param } from './operation.ts';
import { el, parseSoapRequest, rawXmlDoc, SoapFault, soapResponse, TNS } from './soap.ts';
import type { AccessKey, Administration, Service, Session, SandboxState } from './state.ts';
import { amsterdamDate, reachableAdministrations } from './state.ts';

function domainXml(ctx: CallContext, ids: readonly string[]): string {
  const domains = ctx.state.domains.filter((d) => ids.includes(d.id));
  return `<Domains xmlns="">${domains.map((d) => `<Domain ID="${d.id}">${el('Name', d.name)}${el('URL', d.url)}</Domain>`).join('')}</Domains>`;
}

function administrationXml(a: Administration): string {
  return (
    `<Administration ID="${a.id}">${el('Name', a.name)}${el('AddressLine', a.addressLine)}${el('Postcode', a.postcode)}` +
    `${el('City', a.city)}${el('Country', 'NL')}${el('CoCNumber', a.cocNumber)}${el('VATNumber', a.vatNumber)}` +
    `${el('StartDate', a.startDate)}${el('DomainID', a.domainId)}${el('Active', 'true')}</Administration>`
  );
}

const common: Record<string, Operation> = {
  Domains: { scope: 'free', run: (ctx) => domainXml(ctx, ctx.session.key.domainIds) },
  GetCurrentDomain: { scope: 'current-domain', run: (ctx) => domainXml(ctx, [ctx.session.currentDomainId]) },
  SetCurrentDomain: {
    scope: 'target-domain',
    run: (ctx) => {
      ctx.session.currentDomainId = param(ctx, 'domainID').trim().toLowerCase();
      return null;
    },
  },
  Administrations: {
    scope: 'current-domain',
    run: (ctx) => {
      const list = reachableAdministrations(ctx.state, ctx.session.key, ctx.session.currentDomainId);
      return `<Administrations xmlns="">${list.map(administrationXml).join('')}</Administrations>`;
    },
  },
  AdministrationID: {
    scope: 'current-domain',
    run: (ctx) => {
      const name = param(ctx, 'administrationName');
      const found = reachableAdministrations(ctx.state, ctx.session.key, ctx.session.currentDomainId).find(
        (a) => a.name === name,
      );
      if (!found)
        throw new SoapFault(
          'soap:Client',
          'Administration not found',
          `No administration named '${name}' in the current domain.`,
        );
      return found.id;
    },
  },
};

const accounting: Record<string, Operation> = {
  ProcessJournal: {
    scope: 'administration',
    right: 'Accounting',
    run: async (ctx) => {
      const administration = administrationParam(ctx);
      const xml = rawXmlDoc(ctx.raw);
      if (!xml) throw new SoapFault('soap:Client', 'The journal XML is not valid: xmlDoc is empty.');
      return processJournal(ctx.state, administration, xml);
    },
  },
};

const accountingInfo: Record<string, Operation> = {
  GetGLAccountScheme: {
    scope: 'administration',
    right: 'AccountingInfo',
    run: (ctx) => {
      const accounts = administrationParam(ctx).glAccounts;
      const malformed = ctx.config.faults.malformedGlScheme;
      if (malformed === 'empty') return '';
      if (malformed === 'garbled') return 'Object reference not set to an instance of an object.';
      if (malformed === 'partial')
        return accounts.map((g) => `<GlAccount>${el('descripton', g.description)}</GlAccount>`).join('');
      return accounts
        .map(
          (g) =>
            `<GlAccount>${el('code', g.code)}${el('type', g.type)}${el('subtype', g.subtype)}${el('isEnabled', g.isEnabled)}` +
            `${el('descripton', g.description)}${el('descriptionNL', g.description)}${el('descriptionFR', '')}` +
            `${el('descriptionEN', g.descriptionEN)}${el('isVATApplicable', g.isVATApplicable)}` +
            `${el('deductableVATPercentage', 0)}${el('professionalPercentage', 100)}</GlAccount>`,
        )
        .join('');
    },
  },
};

const SERVICE_OPERATIONS: Record<Service, Record<string, Operation>> = {
  Accounting: { ...common, ...accounting },
  AccountingInfo: { ...common, ...accountingInfo },
  Archive: { ...common, ...archiveOperations },
};

/** The domain a call counts against, or null when it is free. */
function countedDomain(ctx: CallContext, scope: Scope): string | null {
  if (scope === 'free') return null;
  if (scope === 'administration') return administrationParam(ctx).domainId;
  if (scope === 'current-domain') return ctx.session.currentDomainId;
  const domainId = param(ctx, 'domainID').trim().toLowerCase();
  if (!ctx.session.key.domainIds.includes(domainId)) {
    throw new SoapFault(
      'soap:Client',
      'Domain not found',
      `No domain with ID '${domainId}' for this access key.`,
    );
  }
  return domainId;
}

/** Counts one call against a domain's daily budget; throws Yuki's fault once it is spent. */
export function countCall(state: SandboxState, config: Config, domainId: string): void {
  const today = amsterdamDate(new Date());
  if (state.day !== today) {
    state.day = today;
    state.calls.clear();
  }
  const used = state.calls.get(domainId) ?? 0;
  if (config.faults.dailyLimitExhausted || used >= config.dailyCallLimit) {
    throw new SoapFault(
      'soap:Client',
      'Daily limit exceeded',
      `Every domain has ${config.dailyCallLimit} free webservice calls a day.`,
    );
  }
  state.calls.set(domainId, used + 1);
}

export function findKey(state: SandboxState, key: string): AccessKey | undefined {
  const wanted = key.trim().toLowerCase();
  return state.keys.find((k) => k.key === wanted);
}

function authenticate(state: SandboxState, params: ReadonlyMap<string, string>): string {
  const key = findKey(state, params.get('accessKey') ?? '');
  if (!key) throw new SoapFault('soap:Client', 'Invalid access key');
  const [home] = key.domainIds;
  if (!home) throw new Error('sandbox key without a domain');
  const id = state.guid();
  state.sessions.set(id, {
    id,
    key,
    currentDomainId: home,
    createdAt: Date.now(),
    calls: 0,
    invalidated: false,
  });
  return id;
}

function requireSession(state: SandboxState, config: Config, sessionId: string): Session {
  const session = state.sessions.get(sessionId.trim().toLowerCase());
  if (!session)
    throw new SoapFault(
      'soap:Client',
      'Invalid session ID',
      'The session does not exist or has expired. Call Authenticate again.',
    );
  session.calls += 1;
  const limit = config.faults.sessionExpiresAfterCalls;
  if (limit > 0 && session.calls > limit) session.invalidated = true;
  if (session.invalidated || Date.now() - session.createdAt > config.sessionTtlSeconds * 1000) {
    state.sessions.delete(session.id);
    throw new SoapFault(
      'soap:Client',
      'Invalid session ID',
      'The session does not exist or has expired. Call Authenticate again.',
    );
  }
  return session;
}

/** Answers one SOAP call on one service; throws SoapFault for everything Yuki answers with a fault. */
export async function handleSoapCall(
  state: SandboxState,
  config: Config,
  service: Service,
  soapAction: string | undefined,
  raw: string,
): Promise<string> {
  if (raw.length > MAX_REQUEST_BYTES) throw new SoapFault('soap:Server', 'Maximum request length exceeded.');
  const action = (soapAction ?? '').trim().replace(/^"|"$/g, '');
  const name = action.startsWith(TNS) ? action.slice(TNS.length) : '';
  const operation = name === 'Authenticate' ? undefined : SERVICE_OPERATIONS[service][name];
  if (name !== 'Authenticate' && !operation) {
    throw new SoapFault(
      'soap:Client',
      `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`,
    );
  }
  const request = parseSoapRequest(raw);
  if (request.operation !== name) {
    throw new SoapFault(
      'soap:Client',
      `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`,
    );
  }
  if (!operation) return slowAnswer(config, name, soapResponse(name, authenticate(state, request.params)));

  const session = requireSession(state, config, request.params.get('sessionID') ?? '');
  if (operation.right && !session.key.rights.includes(operation.right)) {
    throw new SoapFault(
      'soap:Client',
      `Access denied: this access key has no rights for the ${operation.right} web service.`,
    );
  }
  const scripted = config.faults.failCalls[name]?.shift();
  if (scripted) throw new SoapFault('soap:Client', scripted);
  const ctx: CallContext = { state, config, session, params: request.params, raw };
  const domainId = countedDomain(ctx, operation.scope);
  if (domainId !== null) countCall(state, config, domainId);
  return slowAnswer(config, name, soapResponse(name, await operation.run(ctx)));
}

/** Holds an answer as long as the `slowAnswers` fault says: the call has already taken effect. */
async function slowAnswer(config: Config, name: string, answer: string): Promise<string> {
  const holdMs = config.faults.slowAnswers[name] ?? 0;
  if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
  return answer;
}
