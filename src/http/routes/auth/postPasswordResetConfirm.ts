import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { confirmPasswordReset } from '../../../auth/password-reset.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../auth/password.ts';
import { clearSessionCookie } from '../../middleware/session.ts';
import {
  contentTypeRequired,
  InvalidRequest,
  isFormPost,
  json,
  jsonOrForm,
  Message,
  Problem,
} from './schemas.ts';

const ResetConfirm = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  })
  .openapi('PasswordResetConfirm');

const route = createRoute({
  method: 'post',
  path: '/api/auth/password-reset/confirm',
  tags: ['auth'],
  summary: 'Set a new password with the token from the mailed link; ends all sessions of that user',
  middleware: [contentTypeRequired] as const,
  request: { body: jsonOrForm(ResetConfirm) },
  responses: {
    200: json(z.object({ message: Message }), 'The password is changed; sign in with it'),
    400: json(
      z.union([Problem, InvalidRequest]),
      'The link is unknown, used or expired, or the password too short',
    ),
  },
});

export function postPasswordResetConfirm(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { db } = c.var.services;
    const { token, password } = isFormPost(c) ? c.req.valid('form') : c.req.valid('json');
    const result = await confirmPasswordReset(db, { token, newPassword: password });
    if (!result.ok) {
      await recordAudit(db, {
        actorUserId: null,
        actorLabel: 'anonymous',
        action: 'auth.password_reset.confirm',
        outcome: 'refused',
        details: { reason: 'invalid_token' },
        requestId: c.var.requestId,
      });
      return c.json(
        {
          error: 'reset_link_invalid',
          message: {
            nl: 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan.',
            en: 'This link is invalid, already used or expired. Request a new link.',
          },
        },
        400,
      );
    }
    clearSessionCookie(c);
    await recordAudit(db, {
      actorUserId: result.userId,
      actorLabel: result.email,
      action: 'auth.password_reset.confirm',
      outcome: 'ok',
      requestId: c.var.requestId,
    });
    return c.json(
      {
        message: {
          nl: 'Uw wachtwoord is gewijzigd. U bent overal uitgelogd; log opnieuw in met het nieuwe wachtwoord.',
          en: 'Your password has been changed. You have been signed out everywhere; sign in again with the new password.',
        },
      },
      200,
    );
  });
}
