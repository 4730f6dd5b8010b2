/**
 * @module change-link-settings
 * Saves how an administration imports (first period, automatic import, schedule, net pay component,
 * cost centre → project) and audits which fields changed, in one transaction. A first period that
 * does not exist in the administration's payroll year is refused.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../store/database.ts';
import { administrations } from '../../store/schema/index.ts';
import { changedFields } from '../../audit/record-audit.ts';
import { CronSchedule } from '../../core/schedule.ts';
import { parsePeriodKey } from '../../core/periods.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { Administration, DomainScope } from '../scope.ts';
import { assertPeriodsFit } from './period-check.ts';

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

export type ChangeLinkSettingsOptions = {
  target: { scope: DomainScope; administration: Administration };
  input: LinkSettingsInput;
};

export async function changeLinkSettings(
  db: Database,
  by: ChangedBy,
  { target, input }: ChangeLinkSettingsOptions,
): Promise<Administration> {
  const { scope, administration } = target;
  const result = await runCommand(db, by, {
    audit: {
      portalId: scope.portalId,
      domainId: scope.domainId,
      administrationId: administration.id,
      action: 'administration.link_settings.update',
      targetType: 'administration',
      targetId: administration.id,
    },
    check: async () => {
      if (input.importFromPeriod) {
        assertPeriodsFit(administration.loketPeriodType, [parsePeriodKey(input.importFromPeriod)]);
      }
    },
    change: async (tx) => {
      const [updated] = await tx
        .update(administrations)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(administrations.id, administration.id))
        .returning();
      return { updated: updated!, changed: changedFields(administration, input) };
    },
    audited: ({ changed }) => ({ changedFields: changed }),
  });
  return result.updated;
}
