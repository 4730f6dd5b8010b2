/**
 * @module sync/link-context
 * Everything one administration's import needs, loaded and checked in one place: the link's settings,
 * the portal's Yuki key (decrypted only in memory), a Loket connection per domain opened by
 * tenancy/loket-session and shared by the process (its concurrency limit is the per-connection limit),
 * the Yuki client for the domain and the GL mapping. An incomplete link is refused with the reason a person can fix.
 */
import { eq, sql } from 'drizzle-orm';
import type { PeriodKind } from '../core/periods.ts';
import { parsePeriodKey } from '../core/periods.ts';
import type { LoketConnection } from '../loket/index.ts';
import {
  administrations,
  contractLines,
  domainFeatures,
  domains,
  glAccountMappings,
  loketConnections,
  portals,
} from '../store/schema/index.ts';
import type { ImportKind } from '../store/schema/imports.ts';
import { openLoketSession, type LoketSessionDeps } from '../tenancy/loket-session.ts';
import type { YukiClient, YukiDomainClient } from '../yuki/yuki.client.ts';
import { LinkIncompleteError } from './errors.ts';
import { linkVersion } from './link-version.ts';
import { loketPort } from './loket-adapter.ts';
import type { LoketPort } from './ports.ts';

export type LinkContext = {
  administrationId: string;
  portalId: string;
  domainId: string;
  name: string;
  yukiDomainId: string;
  yukiAdministrationId: string;
  loketEmployerId: string;
  loketPayrollAdministrationId: string;
  /** YYYYPP of the first period to import; older ones only through a backfill. */
  importFromPeriodId: number | null;
  netPayComponentKey: number | null;
  costCenterProjects: Record<string, string>;
  lookbackPeriods: number;
  kinds: ImportKind[];
  blockOnControlDifference: boolean;
  /** Loket GL code → Yuki GL code: the administration's override, then the portal's, else as is. */
  glAccount(loketCode: string): string;
  loket: LoketPort;
  yuki: YukiDomainClient;
  /** Cached per process; read once per plan. */
  periodKind(): Promise<PeriodKind>;
};

/** What the link loader needs: a Loket session's parts (secrets decrypt the stored credentials) and the process's Yuki client. */
export type LinkEnvironment = LoketSessionDeps & {
  /** One per process, with the database call budget. */
  yuki: YukiClient;
};

const PORTAL_KINDS: Record<'payslips' | 'journal' | 'tax_return', ImportKind> = {
  payslips: 'payslip',
  journal: 'journal',
  tax_return: 'tax_return',
};

export type LinkLoadOptions = {
  /** An import attempt's deadline: every Loket and Yuki call of this context stops when it aborts. */
  signal?: AbortSignal;
  /** Yuki calls of this context leave the budget's reserve for the books (payslips do). */
  keepBudgetReserve?: boolean;
  /** The link version the item's claim read (sync/link-version): a link cached at it is used as is. */
  version?: string | null;
};

/** The part of a link read from the database, shared by every attempt at the version it was read at. */
type LoadedLink = Omit<LinkContext, 'loket' | 'yuki' | 'periodKind'> & {
  version: string | null;
  accessKey: string;
  connection: LoketConnection;
};

type MappingRow = { administrationId: string | null; loketCode: string; yukiCode: string };

export type LinkLoader = (administrationId: string, options?: LinkLoadOptions) => Promise<LinkContext>;

export function createLinkLoader(env: LinkEnvironment): LinkLoader {
  const { db, secrets } = env;
  const connections = new Map<string, { version: string; connection: Promise<LoketConnection> }>();
  const periodKinds = new Map<string, Promise<PeriodKind>>();

  /** One connection per domain, replaced when someone changes the credentials behind it. */
  async function loketFor(
    portal: typeof portals.$inferSelect,
    domainId: string,
    row: typeof loketConnections.$inferSelect | null,
  ): Promise<LoketConnection> {
    if (!row) throw new LinkIncompleteError('no_loket_connection');
    const version = [
      row.method,
      row.username,
      row.passwordEnc,
      row.environmentCode,
      portal.loketClientId,
      portal.loketClientSecretEnc,
      portal.loketEnvironment,
      // A new sign-in at Loket (OAuth) resets the connection's test status.
      row.status,
      row.checkedAt?.toISOString(),
    ].join('|');
    const cached = connections.get(domainId);
    if (cached?.version === version) return cached.connection;
    const connection = openLoketSession(
      { db, secrets, config: env.config, logger: env.logger },
      { portalId: portal.id, domainId },
    ).then((session) => session.connection);
    connection.catch(() => connections.delete(domainId));
    connections.set(domainId, { version, connection });
    return connection;
  }

  /** What was read from the database, by administration, with the version it was read at. */
  const loaded = new Map<string, LoadedLink>();

  async function loadFresh(administrationId: string): Promise<LoadedLink> {
    // One statement for the whole link (issue 13: every import attempt loads it), checked in the same order.
    const [found] = await db
      .select({
        administration: administrations,
        domain: domains,
        portal: portals,
        connection: loketConnections,
        version: linkVersion(administrations.id),
        hasFeature: sql<boolean>`exists (select 1 from ${domainFeatures} where ${domainFeatures.domainId} = ${domains.id} and ${domainFeatures.feature} = 'loket_payroll_link')`,
        hasContractLine: sql<boolean>`exists (select 1 from ${contractLines} where ${contractLines.administrationId} = ${administrations.id} and ${contractLines.status} = 'active')`,
        mappings: sql<
          MappingRow[]
        >`coalesce((select json_agg(json_build_object('administrationId', ${glAccountMappings.administrationId}, 'loketCode', ${glAccountMappings.loketCode}, 'yukiCode', ${glAccountMappings.yukiCode})) from ${glAccountMappings} where ${glAccountMappings.portalId} = ${portals.id} and (${glAccountMappings.administrationId} is null or ${glAccountMappings.administrationId} = ${administrations.id})), '[]'::json)`,
      })
      .from(administrations)
      .innerJoin(domains, eq(domains.id, administrations.domainId))
      .innerJoin(portals, eq(portals.id, administrations.portalId))
      .leftJoin(loketConnections, eq(loketConnections.domainId, domains.id))
      .where(eq(administrations.id, administrationId));
    if (!found) throw new LinkIncompleteError('administration_unknown');
    const { administration, domain, portal } = found;

    if (!found.hasFeature) throw new LinkIncompleteError('feature_missing');
    if (!administration.isStandard && !found.hasContractLine)
      throw new LinkIncompleteError('no_contract_line');
    const { relationCode, loketEmployerId, loketPayrollAdministrationId } = administration;
    if (relationCode === null || !loketEmployerId || !loketPayrollAdministrationId)
      throw new LinkIncompleteError('relation_code_unresolved');
    if (
      !domain.yukiDomainId ||
      !administration.yukiAdministrationId ||
      domain.goneFromYukiAt ||
      administration.goneFromYukiAt
    )
      throw new LinkIncompleteError('no_yuki_link');
    if (!portal.yukiAccessKeyEnc) throw new LinkIncompleteError('no_yuki_access_key');

    const accessKey = await secrets.decrypt(
      { portalId: portal.id, field: 'portals.yuki_access_key', rowId: portal.id },
      portal.yukiAccessKeyEnc,
    );
    const connection = await loketFor(portal, domain.id, found.connection);

    const mappings = found.mappings;
    const byAdministration = new Map(
      mappings.filter((m) => m.administrationId).map((m) => [m.loketCode, m.yukiCode]),
    );
    const byPortal = new Map(
      mappings.filter((m) => !m.administrationId).map((m) => [m.loketCode, m.yukiCode]),
    );

    const link: LoadedLink = {
      version: found.version,
      accessKey,
      connection,
      administrationId: administration.id,
      portalId: portal.id,
      domainId: domain.id,
      name: administration.name,
      yukiDomainId: domain.yukiDomainId,
      yukiAdministrationId: administration.yukiAdministrationId,
      loketEmployerId,
      loketPayrollAdministrationId,
      importFromPeriodId: administration.importFromPeriod
        ? parsePeriodKey(administration.importFromPeriod)
        : null,
      netPayComponentKey: administration.netPayComponentKey,
      costCenterProjects: administration.costCenterProjects,
      lookbackPeriods: portal.lookbackPeriods,
      kinds: portal.documentKinds.map((kind) => PORTAL_KINDS[kind]),
      blockOnControlDifference: portal.blockOnControlDifference,
      glAccount: (code) => byAdministration.get(code) ?? byPortal.get(code) ?? code,
    };
    if (found.version) loaded.set(administration.id, link);
    return link;
  }

  return async (administrationId, options = {}) => {
    const cached = options.version ? loaded.get(administrationId) : undefined;
    // Only a link read at the version the claim saw is reused: a changed setting is loaded afresh.
    const link = cached && cached.version === options.version ? cached : await loadFresh(administrationId);
    const { version: _version, accessKey, connection, ...fields } = link;
    const { loketPayrollAdministrationId, loketEmployerId } = link;
    const loket = loketPort(options.signal ? connection.withSignal(options.signal) : connection);
    // The period kind is cached for the process, so it is not tied to one attempt's deadline.
    const unbound = options.signal ? loketPort(connection) : loket;
    return {
      ...fields,
      loket,
      yuki: env.yuki.forDomain(accessKey, link.yukiDomainId, {
        ...(options.signal ? { signal: options.signal } : {}),
        keepReserve: options.keepBudgetReserve ?? false,
      }),
      periodKind: () => {
        let pending = periodKinds.get(loketPayrollAdministrationId);
        if (!pending) {
          pending = unbound.periodKind(loketEmployerId, loketPayrollAdministrationId);
          pending.catch(() => periodKinds.delete(loketPayrollAdministrationId));
          periodKinds.set(loketPayrollAdministrationId, pending);
        }
        return pending;
      },
    };
  };
}
