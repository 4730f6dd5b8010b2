/**
 * @module portal-settings
 * The portal level of the link, *Instellingen → Loket instellingen*: the Loket API client, the
 * environment, whether that client has Loket's password flow, import defaults and the portal's Yuki
 * access key. Secrets are write-only: they go in encrypted and only whether they are set ever comes out.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { portals } from '../store/schema/index.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { changedFields } from '../audit/record-audit.ts';
import { CronSchedule } from '../core/schedule.ts';
import { plainText } from '../core/text.ts';

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

export type LoketSettingsView = {
  portalId: string;
  name: string;
  loketClientId: string | null;
  hasLoketClientSecret: boolean;
  loketEnvironment: 'production' | 'acceptance';
  loketPasswordFlow: boolean;
  hasYukiAccessKey: boolean;
  autoImport: boolean;
  lookbackPeriods: number;
  documentKinds: Array<(typeof DOCUMENT_KINDS)[number]>;
  notificationRecipients: string[];
  blockOnControlDifference: boolean;
  importSchedule: string | null;
};

export async function getLoketSettings(
  db: Database,
  portalId: string,
): Promise<LoketSettingsView | undefined> {
  const [portal] = await db.select().from(portals).where(eq(portals.id, portalId));
  if (!portal) return undefined;
  return {
    portalId: portal.id,
    name: portal.name,
    loketClientId: portal.loketClientId,
    hasLoketClientSecret: portal.loketClientSecretEnc !== null,
    loketEnvironment: portal.loketEnvironment,
    loketPasswordFlow: portal.loketPasswordFlow,
    hasYukiAccessKey: portal.yukiAccessKeyEnc !== null,
    autoImport: portal.autoImport,
    lookbackPeriods: portal.lookbackPeriods,
    documentKinds: portal.documentKinds,
    notificationRecipients: portal.notificationRecipients,
    blockOnControlDifference: portal.blockOnControlDifference,
    importSchedule: portal.importSchedule,
  };
}

/** Saves the settings and returns the names of the fields that changed (for the audit log). */
export async function updateLoketSettings(
  db: Database,
  secrets: SecretBox,
  portalId: string,
  input: LoketSettingsInput,
): Promise<string[]> {
  const [current] = await db.select().from(portals).where(eq(portals.id, portalId));
  if (!current) return [];
  const { loketClientSecret, yukiAccessKey, ...plain } = input;
  const changed = changedFields(current, plain);
  const update: Partial<typeof portals.$inferInsert> = { ...plain };
  if (loketClientSecret !== undefined) {
    update.loketClientSecretEnc =
      loketClientSecret === null
        ? null
        : await secrets.encrypt(
            { portalId, field: 'portals.loket_client_secret', rowId: portalId },
            loketClientSecret,
          );
    changed.push('loketClientSecret');
  }
  if (yukiAccessKey !== undefined) {
    update.yukiAccessKeyEnc =
      yukiAccessKey === null
        ? null
        : await secrets.encrypt(
            { portalId, field: 'portals.yuki_access_key', rowId: portalId },
            yukiAccessKey,
          );
    changed.push('yukiAccessKey');
  }
  if (Object.keys(update).length > 0) {
    await db
      .update(portals)
      .set({ ...update, updatedAt: new Date() })
      .where(eq(portals.id, portalId));
  }
  return changed.sort();
}
