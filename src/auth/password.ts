/**
 * @module password
 * Password hashing with argon2id. Production uses @node-rs/argon2's defaults (m=19456 KiB, t=2, p=1);
 * under vitest the cost is minimal so the suites stay fast, as Nango does, without a config knob.
 */
import { hash, verify, type Options } from '@node-rs/argon2';

// The library's default algorithm is argon2id; a unit test pins that.
const cost: Options = process.env.VITEST ? { memoryCost: 8, timeCost: 1, parallelism: 1 } : {};

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that nobody makes us hash a megabyte. */
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, cost);
}

/** False for a wrong password and for a hash that cannot be read, never an exception. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
