/**
 * @module change-loket-connection
 * Saves a domain's Loket user for Loket's password flow (user name, password, omgevingscode) and
 * audits which fields changed, never their values. Refused unless the portal switched on the password
 * flow, which Loket enables only by exception. Changing the user or password drops tokens and the
 * last test; the password is stored encrypted.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../store/database.ts';
import { loketConnections, portals } from '../../store/schema/index.ts';
import type { SecretBox } from '../../secrets/secret-box.ts';
import { LinkSetupError, PASSWORD_FLOW_OFF } from '../../tenancy/loket-session.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { DomainScope } from '../scope.ts';
import { saveLoketSignIn } from './save-loket-sign-in.ts';

export const PasswordConnectionInput = z.object({
  username: z.string().trim().min(1).max(200),
  /** Write-only; omit to keep the stored one. */
  password: z.string().min(1).max(500).optional(),
  /** The Loket provider (its name or id, GET /providers) the user must reach; checked after signing in. */
  environmentCode: z.string().trim().max(70).nullable().optional(),
});
export type PasswordConnectionInput = z.infer<typeof PasswordConnectionInput>;

export type ChangeLoketConnectionOptions = { scope: DomainScope; input: PasswordConnectionInput };

/** Returns the names of the fields that changed. */
export async function changeLoketConnection(
  deps: { db: Database; secrets: SecretBox },
  by: ChangedBy,
  { scope, input }: ChangeLoketConnectionOptions,
): Promise<string[]> {
  const ref = { portalId: scope.portalId, rowId: scope.domainId } as const;
  return runCommand(deps.db, by, {
    audit: {
      portalId: scope.portalId,
      domainId: scope.domainId,
      action: 'domain.loket_connection.update',
      targetType: 'loket_connection',
      targetId: scope.domainId,
    },
    check: async () => {
      const [portal] = await deps.db
        .select({ passwordFlow: portals.loketPasswordFlow })
        .from(portals)
        .where(eq(portals.id, scope.portalId));
      if (!portal?.passwordFlow) throw new LinkSetupError('loket_password_flow_off', PASSWORD_FLOW_OFF);
      // Encrypting reads the portal data key: done before the transaction opens.
      return input.password === undefined
        ? undefined
        : await deps.secrets.encrypt({ ...ref, field: 'loket_connections.password' }, input.password);
    },
    change: async (tx, newPasswordEnc) => {
      const [current] = await tx
        .select()
        .from(loketConnections)
        .where(eq(loketConnections.domainId, scope.domainId));
      const passwordEnc = newPasswordEnc ?? (current?.method === 'password' ? current.passwordEnc : null);
      const changed = ['method', 'username', 'environmentCode', 'password'].filter((field) => {
        if (field === 'method') return current?.method !== 'password';
        if (field === 'username') return current?.username !== input.username;
        if (field === 'environmentCode')
          return input.environmentCode !== undefined && current?.environmentCode !== input.environmentCode;
        return input.password !== undefined;
      });
      await saveLoketSignIn(tx, scope.domainId, {
        method: 'password',
        username: input.username,
        passwordEnc,
        environmentCode: input.environmentCode ?? current?.environmentCode ?? null,
        tokensEnc: null,
      });
      return changed;
    },
    audited: (changed) => ({ changedFields: changed }),
  });
}
