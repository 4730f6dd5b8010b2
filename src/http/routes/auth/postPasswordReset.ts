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
    // Without SMTP nothing is mailed: say so rather than claim a mail went out.
    if (!c.var.services.mailer.configured) return c.json({ message: NO_MAIL }, 202);
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

const NO_MAIL = {
  nl: 'Deze installatie verstuurt geen e-mail (er is geen mailserver ingesteld). Vraag de beheerder om een link om uw wachtwoord opnieuw in te stellen (`loket-yuki reset-password`).',
  en: 'This installation sends no e-mail (no mail server is configured). Ask the administrator for a link to reset your password (`loket-yuki reset-password`).',
};
