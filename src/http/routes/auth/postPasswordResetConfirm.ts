/**
 * @module routes/password-reset-confirm
 * POST /api/auth/password-reset/confirm — set a new password with the token from the mailed link, which
 * signs the user out everywhere; 400 when the link is invalid, used or expired.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../auth/password.ts';
import { finishPasswordReset } from '../../password-reset.ts';
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
    const { token, password } = isFormPost(c) ? c.req.valid('form') : c.req.valid('json');
    if (!(await finishPasswordReset(c, { token, newPassword: password }))) {
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
