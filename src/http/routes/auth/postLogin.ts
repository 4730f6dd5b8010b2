/**
 * @module routes/login
 * POST /api/auth/login — sign in with e-mail address and password (JSON or form) and start a fresh session;
 * 401 for wrong credentials, 429 while too many failed attempts are throttled.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { Email } from '../../../auth/users.ts';
import { PASSWORD_MAX_LENGTH } from '../../../auth/password.ts';
import { signIn } from '../../middleware/session.ts';
import {
  contentTypeRequired,
  InvalidRequest,
  isFormPost,
  json,
  jsonOrForm,
  Problem,
  SignedInUser,
} from './schemas.ts';

const Credentials = z
  .object({ email: Email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
  .openapi('Credentials');

const SignedIn = z.object({ user: SignedInUser, csrfToken: z.string() }).openapi('SignedIn');

const route = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in with e-mail address and password; starts a fresh session',
  middleware: [contentTypeRequired] as const,
  request: { body: jsonOrForm(Credentials) },
  responses: {
    200: json(SignedIn, 'Signed in; the session cookie is set'),
    400: json(InvalidRequest, 'The body is not an e-mail address and password'),
    401: json(Problem, 'The e-mail address or the password is wrong'),
    429: {
      ...json(Problem, 'Too many failed attempts; try again after Retry-After seconds'),
      headers: z.object({ 'Retry-After': z.string() }),
    },
  },
});

export function postLogin(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { email, password } = isFormPost(c) ? c.req.valid('form') : c.req.valid('json');
    const outcome = await signIn(c, { email, password });
    if (!outcome.ok && outcome.reason === 'throttled') {
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      return c.json(
        {
          error: 'too_many_attempts',
          message: {
            nl: `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
            en: `Too many failed sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
          },
        },
        429,
      );
    }
    if (!outcome.ok) {
      return c.json(
        {
          error: 'wrong_credentials',
          message: {
            nl: 'Het e-mailadres of het wachtwoord klopt niet.',
            en: 'The e-mail address or the password is not correct.',
          },
        },
        401,
      );
    }
    return c.json({ user: outcome.user, csrfToken: outcome.csrfToken }, 200);
  });
}
