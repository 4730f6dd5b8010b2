/**
 * @module password-reset
 * "Forgot password": a single-use link, valid for one hour, mailed to the account's address. Only the
 * token's SHA-256 is stored. Callers answer the same whether the address has an account or not.
 */
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { passwordResets, users } from '../store/schema/tenancy.ts';
import type { Database } from '../store/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import { hashPassword } from './password.ts';
import { destroyUserSessions } from './sessions.ts';
import { hashToken, newToken } from './tokens.ts';
import { findActiveUserByEmail } from './users.ts';

export const RESET_VALIDITY_MS = 60 * 60 * 1000;
/** Enough for a lost mail or two; more would let anyone flood someone's inbox. */
export const MAX_OPEN_RESETS = 3;

export type ResetServices = { db: Database; mailer: Mailer; publicUrl: string };

export type ResetRequestOutcome =
  | { outcome: 'sent'; userId: string }
  | { outcome: 'not_delivered'; userId: string; reason: string }
  | { outcome: 'too_many'; userId: string }
  | { outcome: 'unknown_email' };

/** Mails a reset link to the account with this (normalized) address, if there is one. */
export async function requestPasswordReset(
  { db, mailer, publicUrl }: ResetServices,
  email: string,
  now = new Date(),
): Promise<ResetRequestOutcome> {
  const user = await findActiveUserByEmail(db, email);
  if (!user) return { outcome: 'unknown_email' };
  const link = await createResetLink(db, publicUrl, user.id, now);
  if (!link) return { outcome: 'too_many', userId: user.id };
  const sent = await mailer.send({ to: user.email, kind: 'password_reset', ...resetMail(user.name, link) });
  return sent.delivered
    ? { outcome: 'sent', userId: user.id }
    : { outcome: 'not_delivered', userId: user.id, reason: sent.reason };
}

/**
 * A new reset link for this user, or null when MAX_OPEN_RESETS links are open already. The CLI prints
 * it (`loket-yuki reset-password`) where no mail can carry it.
 */
export async function createResetLink(
  db: Database,
  publicUrl: string,
  userId: string,
  now = new Date(),
): Promise<string | null> {
  const token = newToken();
  const created = await db.transaction(async (tx) => {
    // Locking the user row makes simultaneous requests count one after the other.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const [open] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, userId),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      );
    if ((open?.n ?? 0) >= MAX_OPEN_RESETS) return false;
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(now.getTime() + RESET_VALIDITY_MS),
      createdAt: now,
    });
    return true;
  });
  return created ? `${publicUrl}/reset-password?token=${encodeURIComponent(token)}` : null;
}

export type ResetConfirmOutcome = { ok: true; userId: string; email: string } | { ok: false };

/** Sets the new password if the token is live, uses the token up, and ends all the user's sessions. */
export async function confirmPasswordReset(
  db: Database,
  input: { token: string; newPassword: string },
  now = new Date(),
): Promise<ResetConfirmOutcome> {
  const tokenHash = hashToken(input.token);
  const live = and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
  );
  // Checked before hashing, so a made-up token costs us no argon2 work.
  const [reset] = await db
    .select({ userId: users.id, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(live, isNull(users.disabledAt)));
  if (!reset) return { ok: false };

  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    // Claiming the token again inside the transaction makes two simultaneous uses end in one success.
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(live)
      .returning({ userId: passwordResets.userId });
    if (!claimed) return { ok: false as const };
    await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId));
    // Other links mailed earlier must not reset the new password again.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, claimed.userId), isNull(passwordResets.usedAt)));
    await destroyUserSessions(tx, claimed.userId);
    return { ok: true as const, userId: claimed.userId, email: reset.email };
  });
}

function resetMail(name: string, link: string): { subject: string; text: string } {
  return {
    subject: 'Wachtwoord opnieuw instellen / Reset your password',
    text: [
      `Beste ${name},`,
      '',
      'Er is gevraagd om het wachtwoord van uw account voor de Salariskoppeling met Loket opnieuw in te stellen.',
      'Kies een nieuw wachtwoord via deze link. De link is één uur geldig en werkt één keer:',
      '',
      link,
      '',
      'Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft ongewijzigd.',
      '',
      '---',
      '',
      `Dear ${name},`,
      '',
      'Someone asked to reset the password of your account for the Loket payroll link.',
      'Choose a new password through this link. It is valid for one hour and works once:',
      '',
      link,
      '',
      "Didn't ask for this yourself? Then you can ignore this e-mail; your password stays as it is.",
    ].join('\n'),
  };
}
