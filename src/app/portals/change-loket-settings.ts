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
import { verifyClientCredentials } from '../../loket/oauth.ts';
import type { Config } from '../../platform/config.ts';

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

/**
 * Saves the settings and returns the names of the fields that changed; PORTAL_NOT_FOUND for an unknown portal.
 * With `deps.loket`, a new client id or secret is first proved against Loket's token endpoint: a client
 * Loket refuses (LoketClientRejectedError) or cannot judge (LoketUnavailableError) is not saved.
 */
export async function changeLoketSettings(
  deps: { db: Database; secrets: SecretBox; loket?: Pick<Config['loket'], 'production' | 'acceptance'> },
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
      const [exists] = await deps.db.select().from(portals).where(eq(portals.id, portalId));
      if (!exists) throw PORTAL_NOT_FOUND;
      if (deps.loket) await proveLoketClient(deps, exists, input);
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

/** Asks Loket about the client the portal would have after this change, when its id, secret or environment changes. */
async function proveLoketClient(
  deps: { secrets: SecretBox; loket?: Pick<Config['loket'], 'production' | 'acceptance'> },
  current: typeof portals.$inferSelect,
  input: LoketSettingsInput,
): Promise<void> {
  const stored = {
    loketClientId: current.loketClientId,
    hasLoketClientSecret: current.loketClientSecretEnc !== null,
    loketEnvironment: current.loketEnvironment,
  };
  if (!deps.loket || !asksLoket(input, stored)) return;
  const clientId = (input.loketClientId === undefined ? current.loketClientId : input.loketClientId)!;
  const clientSecret =
    typeof input.loketClientSecret === 'string'
      ? input.loketClientSecret
      : await deps.secrets.decrypt(
          { portalId: current.id, field: 'portals.loket_client_secret', rowId: current.id },
          current.loketClientSecretEnc!,
        );
  const environment = deps.loket[input.loketEnvironment ?? current.loketEnvironment];
  await verifyClientCredentials({ oauthBaseUrl: environment.oauthUrl, clientId, clientSecret });
}

/** Whether saving `input` over the stored settings makes changeLoketSettings ask Loket about the client. */
export function asksLoket(
  input: LoketSettingsInput,
  stored: { loketClientId: string | null; hasLoketClientSecret: boolean; loketEnvironment: string },
): boolean {
  const clientId = input.loketClientId === undefined ? stored.loketClientId : input.loketClientId;
  const hasSecret =
    typeof input.loketClientSecret === 'string' ||
    (input.loketClientSecret === undefined && stored.hasLoketClientSecret);
  const touched =
    (input.loketClientId !== undefined && input.loketClientId !== stored.loketClientId) ||
    typeof input.loketClientSecret === 'string' ||
    (input.loketEnvironment !== undefined && input.loketEnvironment !== stored.loketEnvironment);
  return Boolean(clientId) && hasSecret && touched;
}
