/**
 * @module get-administration
 * Tab *Administratie* as the API and the page show it: the Relatiecode and what it resolved to in
 * Loket, whether the administration may be linked, and how it imports (first period, automatic
 * import, schedule, net pay component, cost centre → project).
 */
import type { Database } from '../../store/database.ts';
import { activeContractLine } from '../../tenancy/contract-lines.ts';
import type { Administration } from '../scope.ts';

export type AdministrationView = {
  id: string;
  domainId: string;
  name: string;
  cocNumber: string | null;
  isStandard: boolean;
  /** Linkable when standard, or when an active contract line exists. */
  linkAllowed: boolean;
  relationCode: number | null;
  loketPayrollAdministrationId: string | null;
  loketPayrollAdministrationName: string | null;
  importFromPeriod: string | null;
  autoImport: boolean | null;
  importSchedule: string | null;
  netPayComponentKey: number | null;
  costCenterProjects: Record<string, string>;
};

export async function getAdministration(
  db: Database,
  administration: Administration,
): Promise<AdministrationView> {
  return {
    id: administration.id,
    domainId: administration.domainId,
    name: administration.name,
    cocNumber: administration.cocNumber,
    isStandard: administration.isStandard,
    linkAllowed: await linkAllowed(db, administration),
    relationCode: administration.relationCode,
    loketPayrollAdministrationId: administration.loketPayrollAdministrationId,
    loketPayrollAdministrationName: administration.loketPayrollAdministrationName,
    importFromPeriod: administration.importFromPeriod,
    autoImport: administration.autoImport,
    importSchedule: administration.importSchedule,
    netPayComponentKey: administration.netPayComponentKey,
    costCenterProjects: administration.costCenterProjects,
  };
}

/** Only a domain's standard administration links without an active contract line. */
export async function linkAllowed(db: Database, administration: Administration): Promise<boolean> {
  return administration.isStandard || (await activeContractLine(db, administration.id)) !== undefined;
}
