/**
 * @module login
 * Checks an e-mail address and password against the users table, under the login throttle (counted
 * before the password is checked). The answer for an unknown address and for a wrong password is the
 * same, and takes the same time.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Database } from '../store/database.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { loginSucceeded, reserveLoginAttempt } from './throttle.ts';
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
  options: { now?: Date; sleep?: (ms: number) => Promise<unknown> } = {},
): Promise<LoginOutcome> {
  const throttle = await reserveLoginAttempt(db, attempt, options.now ?? new Date());
  if (throttle.throttled)
    return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  // Many guesses at one address from elsewhere: slow every attempt down rather than lock the owner out.
  if (throttle.delayMs > 0) await (options.sleep ?? sleepFor)(throttle.delayMs);

  const user = await findActiveUserByEmail(db, attempt.email);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoy()), attempt.password);
  if (!user || !passwordMatches) {
    const knownUser = user && { id: user.id, email: user.email, name: user.name, locale: user.locale };
    return { ok: false, reason: 'wrong_credentials', knownUser };
  }
  await loginSucceeded(db, attempt);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
}
