/**
 * @module get-loket-settings
 * *Instellingen → Loket instellingen* as the page and the API show them: secrets only as whether they are set.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { portals } from '../../store/schema/index.ts';
import type { DOCUMENT_KINDS } from './change-loket-settings.ts';

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

/** Undefined when the portal does not exist. */
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
