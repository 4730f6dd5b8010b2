import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { attemptLogin } from '../../../auth/login.ts';
import { createSession, destroySession } from '../../../auth/sessions.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import { Email } from '../../../auth/users.ts';
import { PASSWORD_MAX_LENGTH } from '../../../auth/password.ts';
import { clientAddress } from '../../middleware/client-address.ts';
import { readSessionToken, setSessionCookie } from '../../middleware/session.ts';
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
    const { db } = c.var.services;
    const { email, password } = isFormPost(c) ? c.req.valid('form') : c.req.valid('json');
    const ip = clientAddress(c);
    const audit = { actorLabel: email, action: 'auth.login' as const, requestId: c.var.requestId };

    const outcome = await attemptLogin(db, { email, password, ip });
    if (!outcome.ok && outcome.reason === 'throttled') {
      await recordAudit(db, {
        ...audit,
        actorUserId: null,
        outcome: 'refused',
        details: { ip, reason: 'throttled' },
      });
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      c.header('Retry-After', String(outcome.retryAfterSeconds));
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
      const actorUserId = outcome.knownUser?.id ?? null;
      const reason = actorUserId ? 'wrong_password' : 'unknown_email';
      await recordAudit(db, { ...audit, actorUserId, outcome: 'refused', details: { ip, reason } });
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

    // A session that existed before the login is never reused, so a planted cookie gains nothing.
    const previous = readSessionToken(c);
    if (previous) await destroySession(db, previous);
    const session = await createSession(db, outcome.user.id);
    setSessionCookie(c, session.token);
    await recordAudit(db, { ...audit, actorUserId: outcome.user.id, outcome: 'ok', details: { ip } });
    return c.json({ user: outcome.user, csrfToken: session.csrfToken }, 200);
  });
}
