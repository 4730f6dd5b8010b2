/**
 * @module auth-routes
 * Signing in and out, who am I, and password reset by e-mail link.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { getMe } from './getMe.ts';
import { postLogin } from './postLogin.ts';
import { postLogout } from './postLogout.ts';
import { postPasswordReset } from './postPasswordReset.ts';
import { postPasswordResetConfirm } from './postPasswordResetConfirm.ts';

/** Used before anyone has a session; the CSRF middleware checks only their origin. */
export const SESSIONLESS_AUTH_PATHS = [
  '/api/auth/login',
  '/api/auth/password-reset',
  '/api/auth/password-reset/confirm',
] as const;

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  postLogin(app);
  postLogout(app);
  getMe(app);
  postPasswordReset(app);
  postPasswordResetConfirm(app);
}
