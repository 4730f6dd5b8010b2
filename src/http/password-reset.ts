/**
 * @module http/password-reset
 * Password resets for the API and the pages alike: the request is mailed and audited after the answer,
 * so the response time cannot tell whether the address has an account; the confirmation sets the new
 * password, audits the outcome and, on success, drops this browser's session cookie.
 */
import type { Context } from 'hono';
import { recordAudit } from '../audit/record-audit.ts';
import { recordRefusal } from '../audit/record-refusal.ts';
import { confirmPasswordReset, requestPasswordReset } from '../auth/password-reset.ts';
import { clearSessionCookie } from './middleware/session.ts';
import type { AppEnv } from './context.ts';

export function startPasswordReset(c: Context<AppEnv>, email: string): void {
  const { db, mailer, config } = c.var.services;
  const requestId = c.var.requestId;
  const route = `${c.req.method} ${c.req.routePath}`;
  void requestPasswordReset({ db, mailer, publicUrl: config.publicUrl }, email)
    .then((result) =>
      result.outcome === 'unknown_email' || result.outcome === 'too_many'
        ? recordRefusal(db, {
            actorUserId: 'userId' in result ? result.userId : null,
            actorLabel: email,
            action: 'auth.password_reset.request',
            route,
            reason: result.outcome,
          })
        : recordAudit(db, {
            actorUserId: result.userId,
            actorLabel: email,
            action: 'auth.password_reset.request',
            outcome: result.outcome === 'sent' ? 'ok' : 'failed',
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
  if (result.ok) {
    await recordAudit(db, {
      actorUserId: result.userId,
      actorLabel: result.email,
      action: 'auth.password_reset.confirm',
      requestId: c.var.requestId,
    });
  } else {
    await recordRefusal(db, {
      actorLabel: 'anonymous',
      action: 'auth.password_reset.confirm',
      route: `${c.req.method} ${c.req.routePath}`,
      reason: 'invalid_token',
    });
  }
  if (result.ok) clearSessionCookie(c);
  return result.ok;
}
