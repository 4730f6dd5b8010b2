/**
 * @module login
 * Checks an e-mail address and password against the users table, under the login throttle. The answer
 * for an unknown address and for a wrong password is the same, and takes the same time.
 */
import type { Database } from '../store/database.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { checkLoginThrottle, clearLoginFailures, recordLoginFailure } from './throttle.ts';
import { newToken } from './tokens.ts';
import { findActiveUserByEmail } from './users.ts';

export type LoginAttempt = { email: string; password: string; ip: string };
export type SignedInUser = { id: string; email: string; name: string; locale: 'nl' | 'en' };

export type LoginOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  /** `knownUser` is for the audit log only; the person signing in is never told. */
  | { ok: false; reason: 'wrong_credentials'; knownUser: SignedInUser | undefined };

let decoyHash: Promise<string> | undefined;
/** Verifying against a decoy keeps unknown addresses as slow as wrong passwords. */
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(newToken());
  return decoyHash;
}

/** `attempt.email` must already be normalized (see users.ts). */
export async function attemptLogin(
  db: Database,
  attempt: LoginAttempt,
  now = new Date(),
): Promise<LoginOutcome> {
  const throttle = await checkLoginThrottle(db, attempt, now);
  if (throttle.throttled)
    return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };

  const user = await findActiveUserByEmail(db, attempt.email);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoy()), attempt.password);
  if (!user || !passwordMatches) {
    await recordLoginFailure(db, attempt, now);
    const knownUser = user && { id: user.id, email: user.email, name: user.name, locale: user.locale };
    return { ok: false, reason: 'wrong_credentials', knownUser };
  }
  await clearLoginFailures(db, attempt);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
}
