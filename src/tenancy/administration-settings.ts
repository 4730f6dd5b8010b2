/**
 * @module administration-settings
 * The administration level of the link (tab *Administratie*): the Relatiecode and what it resolved to
 * in Loket, and how this administration imports (first period, automatic import, schedule, net pay
 * component, cost centre → project).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { administrations } from '../store/schema/index.ts';
import { changedFields } from '../audit/record-audit.ts';
import { CronSchedule } from '../core/schedule.ts';
import { activeContractLine } from './contract-lines.ts';
import { assertPeriodsFit } from './period-check.ts';
import { parsePeriodKey } from '../core/periods.ts';
import type { Administration } from '../app/scope.ts';

/** Far more cost centres than a payroll administration has; a bound on what one row holds. */
export const MAX_COST_CENTERS = 5000;

export const LinkSettingsInput = z
  .object({
    importFromPeriod: z
      .string()
      .regex(
        /^\d{4}-(0[1-9]|1[0-3]|[2-4]\d|5[0-3])$/,
        'a period such as 2026-10 (or 2026-13 for a 13th period)',
      )
      .nullable(),
    /** Null follows the portal default. */
    autoImport: z.boolean().nullable(),
    /** Null follows the portal's schedule. */
    importSchedule: CronSchedule.nullable(),
    /** Loket's payrollComponent.key is an int32 (loket-openapi.json). */
    netPayComponentKey: z.number().int().positive().max(2_147_483_647).nullable(),
    costCenterProjects: z
      .record(z.string().min(1).max(50), z.string().min(1).max(50))
      .refine(
        (map) => Object.keys(map).length <= MAX_COST_CENTERS,
        `at most ${MAX_COST_CENTERS} cost centres`,
      ),
  })
  .partial();
export type LinkSettingsInput = z.infer<typeof LinkSettingsInput>;

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

export async function viewAdministration(
  db: Database,
  administration: Administration,
): Promise<AdministrationView> {
  const linkAllowed =
    administration.isStandard || (await activeContractLine(db, administration.id)) !== undefined;
  return {
    id: administration.id,
    domainId: administration.domainId,
    name: administration.name,
    cocNumber: administration.cocNumber,
    isStandard: administration.isStandard,
    linkAllowed,
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

export async function updateLinkSettings(
  db: Database,
  administration: Administration,
  input: LinkSettingsInput,
): Promise<{ changed: string[]; administration: Administration }> {
  if (input.importFromPeriod) {
    assertPeriodsFit(administration.loketPeriodType, [parsePeriodKey(input.importFromPeriod)]);
  }
  const changed = changedFields(administration, input);
  const [updated] = await db
    .update(administrations)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(administrations.id, administration.id))
    .returning();
  return { changed, administration: updated! };
}
