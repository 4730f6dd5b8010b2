/**
 * @module change-loket-settings
 * Saves *Instellingen → Loket instellingen* (the portal's Loket API client, environment, password flow,
 * import defaults and Yuki access key) and audits the names of the fields that changed. Secrets are
 * write-only: they go in encrypted and only whether they are set ever comes out.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../store/database.ts';
import { portals } from '../../store/schema/index.ts';
import type { SecretBox, SecretField } from '../../secrets/secret-box.ts';
import { changedFields } from '../../audit/record-audit.ts';
import { CronSchedule } from '../../core/schedule.ts';
import { plainText } from '../../core/text.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import { PORTAL_NOT_FOUND } from './find-portal.ts';

export const DOCUMENT_KINDS = ['payslips', 'journal', 'tax_return'] as const;

export const LoketSettingsInput = z
  .object({
    loketClientId: plainText(1, 200).nullable(),
    /** Write-only; omit to keep, null to remove. */
    loketClientSecret: z.string().min(1).max(500).nullable(),
    loketEnvironment: z.enum(['production', 'acceptance']),
    /** Loket enabled the password flow for this portal's client (an exception); shows the password form. */
    loketPasswordFlow: z.boolean(),
    /** Yuki's WebServiceAccessKey is a GUID (yuki-api.md): 32 hex digits, dashed 8-4-4-4-12 or not. */
    yukiAccessKey: z
      .string()
      .trim()
      .regex(
        /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i,
        'a Yuki access key is a GUID',
      )
      .nullable(),
    autoImport: z.boolean(),
    lookbackPeriods: z.number().int().min(0).max(24),
    documentKinds: z.array(z.enum(DOCUMENT_KINDS)).min(1),
    notificationRecipients: z.array(z.email()).max(20),
    blockOnControlDifference: z.boolean(),
    /** Cron expression for automatic imports; null keeps the built-in payroll rhythm. */
    importSchedule: CronSchedule.nullable(),
  })
  .partial();

export type LoketSettingsInput = z.infer<typeof LoketSettingsInput>;

export type ChangeLoketSettingsOptions = { portalId: string; input: LoketSettingsInput };

/** Saves the settings and returns the names of the fields that changed; PORTAL_NOT_FOUND for an unknown portal. */
export async function changeLoketSettings(
  deps: { db: Database; secrets: SecretBox },
  by: ChangedBy,
  { portalId, input }: ChangeLoketSettingsOptions,
): Promise<string[]> {
  const { loketClientSecret, yukiAccessKey, ...plain } = input;
  // Encrypted before the transaction: the key derivation is no work to hold the database for.
  const encrypt = (field: SecretField, secret: string | null | undefined) =>
    secret === undefined || secret === null
      ? secret
      : deps.secrets.encrypt({ portalId, field, rowId: portalId }, secret);
  return runCommand(deps.db, by, {
    audit: { portalId, action: 'portal.loket_settings.update', targetType: 'portal', targetId: portalId },
    check: async () => {
      // A data key is made for the portal on first use: only for a portal that exists.
      const [exists] = await deps.db.select({ id: portals.id }).from(portals).where(eq(portals.id, portalId));
      if (!exists) throw PORTAL_NOT_FOUND;
      return {
        loketClientSecretEnc: await encrypt('portals.loket_client_secret', loketClientSecret),
        yukiAccessKeyEnc: await encrypt('portals.yuki_access_key', yukiAccessKey),
      };
    },
    change: async (tx, secrets) => {
      const [current] = await tx.select().from(portals).where(eq(portals.id, portalId)).for('update');
      if (!current) throw PORTAL_NOT_FOUND;
      const changed = changedFields(current, plain);
      const update: Partial<typeof portals.$inferInsert> = { ...plain };
      if (secrets.loketClientSecretEnc !== undefined) {
        update.loketClientSecretEnc = secrets.loketClientSecretEnc;
        changed.push('loketClientSecret');
      }
      if (secrets.yukiAccessKeyEnc !== undefined) {
        update.yukiAccessKeyEnc = secrets.yukiAccessKeyEnc;
        changed.push('yukiAccessKey');
      }
      if (Object.keys(update).length > 0) {
        await tx
          .update(portals)
          .set({ ...update, updatedAt: new Date() })
          .where(eq(portals.id, portalId));
      }
      return changed.sort();
    },
    audited: (changed) => ({ changedFields: changed }),
  });
}
