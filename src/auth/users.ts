/**
 * @module users
 * Creating the people who can sign in. Used by seeding and, later, by the operator and portal admins.
 */
import { and, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../store/schema/tenancy.ts';
import type { Database } from '../store/database.ts';
import { AppError } from '../core/errors.ts';
import { plainText } from '../core/text.ts';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.ts';

/** E-mail addresses are compared case-insensitively; we store and look them up in this form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An e-mail address as people type it: surrounding spaces and capitals don't matter. */
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const NewUser = z.object({
  email: Email,
  name: plainText(1, 200),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  locale: z.enum(['nl', 'en']).default('nl'),
  isOperator: z.boolean().default(false),
});
export type NewUser = z.input<typeof NewUser>;

/** Creates a user; throws AppError `email_taken` when the address already has an account. */
export async function createUser(db: Database, input: NewUser): Promise<{ id: string }> {
  const user = NewUser.parse(input);
  const passwordHash = await hashPassword(user.password);
  const [row] = await db
    .insert(users)
    .values({
      email: user.email,
      name: user.name,
      passwordHash,
      locale: user.locale,
      isOperator: user.isOperator,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!row) {
    throw new AppError('email_taken', {
      nl: 'Er bestaat al een account met dit e-mailadres.',
      en: 'An account with this e-mail address already exists.',
    });
  }
  return row;
}

export type UserRow = typeof users.$inferSelect;

/** The enabled user with this (normalized) address; matches the case-insensitive unique index. */
export async function findActiveUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.disabledAt)));
  return user;
}
