/**
 * @module http/password-reset
 * Password resets for the API and the pages alike: the request is mailed and audited after the answer,
 * so the response time cannot tell whether the address has an account; the confirmation sets the new
 * password, audits the outcome and, on success, drops this browser's session cookie.
 */
import type { Context } from 'hono';
import { recordAudit } from '../audit/record-audit.ts';
import { confirmPasswordReset, requestPasswordReset } from '../auth/password-reset.ts';
import { clearSessionCookie } from './middleware/session.ts';
import type { AppEnv } from './context.ts';

export function startPasswordReset(c: Context<AppEnv>, email: string): void {
  const { db, mailer, config } = c.var.services;
  const requestId = c.var.requestId;
  void requestPasswordReset({ db, mailer, publicUrl: config.publicUrl }, email)
    .then((result) =>
      recordAudit(db, {
        actorUserId: 'userId' in result ? result.userId : null,
        actorLabel: email,
        action: 'auth.password_reset.request',
        outcome: result.outcome === 'sent' ? 'ok' : result.outcome === 'not_delivered' ? 'failed' : 'refused',
        details: result.outcome === 'sent' ? {} : { reason: result.outcome },
        requestId,
      }),
    )
    .catch((error: unknown) => c.var.log.error({ err: error }, 'password reset request failed'));
}

export async function finishPasswordReset(
  c: Context<AppEnv>,
  reset: { token: string; newPassword: string },
): Promise<boolean> {
  const { db } = c.var.services;
  const result = await confirmPasswordReset(db, reset);
  await recordAudit(db, {
    actorUserId: result.ok ? result.userId : null,
    actorLabel: result.ok ? result.email : 'anonymous',
    action: 'auth.password_reset.confirm',
    outcome: result.ok ? 'ok' : 'refused',
    details: result.ok ? {} : { reason: 'invalid_token' },
    requestId: c.var.requestId,
  });
  if (result.ok) clearSessionCookie(c);
  return result.ok;
}
