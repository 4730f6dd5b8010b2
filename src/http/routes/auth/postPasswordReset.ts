/**
 * @module routes/password-reset
 * POST /api/auth/password-reset — mail a password-reset link, valid for one hour; the answer is the same
 * whether the address has an account or not.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { startPasswordReset } from '../../password-reset.ts';
import { Email } from '../../../auth/users.ts';
import { contentTypeRequired, InvalidRequest, isFormPost, json, jsonOrForm, Message } from './schemas.ts';

const ResetRequest = z.object({ email: Email }).openapi('PasswordResetRequest');

const route = createRoute({
  method: 'post',
  path: '/api/auth/password-reset',
  tags: ['auth'],
  summary: 'Mail a password-reset link; answers the same whether the address has an account or not',
  middleware: [contentTypeRequired] as const,
  request: { body: jsonOrForm(ResetRequest) },
  responses: {
    202: json(z.object({ message: Message }), 'Accepted; a link is mailed if the address has an account'),
    400: json(InvalidRequest, 'Not an e-mail address'),
  },
});

export function postPasswordReset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => {
    const { email } = isFormPost(c) ? c.req.valid('form') : c.req.valid('json');
    startPasswordReset(c, email);
    return c.json(
      {
        message: {
          nl: 'Als er een account met dit e-mailadres bestaat, is er een e-mail met een link verstuurd. De link is één uur geldig.',
          en: 'If an account with this e-mail address exists, an e-mail with a link has been sent. The link is valid for one hour.',
        },
      },
      202,
    );
  });
}
