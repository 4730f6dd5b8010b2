/**
 * @module app/operator/create-operator
 * The first operator of an installation, made by `loket-yuki setup`: once. When an operator exists,
 * nothing changes, so setup can run on every deploy.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit.ts';
import { createUser, Email, type NewUser } from '../../auth/users.ts';
import type { Database } from '../../store/database.ts';
import { users } from '../../store/schema/index.ts';

export type OperatorSetup =
  { created: true; userId: string; email: string } | { created: false; email: string };

/** The operator account that exists already, if any: setup then has nothing to do. */
export async function existingOperator(db: Database): Promise<{ email: string } | undefined> {
  const [operator] = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.isOperator, true))
    .orderBy(users.createdAt)
    .limit(1);
  return operator;
}

/** The first operator's id: the command line acts on its authority (whoever has the shell has it). */
export async function existingOperatorId(db: Database): Promise<string | undefined> {
  const [operator] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.isOperator, true))
    .orderBy(users.createdAt)
    .limit(1);
  return operator?.id;
}

export async function createFirstOperator(
  db: Database,
  input: Omit<NewUser, 'isOperator'>,
): Promise<OperatorSetup> {
  return db.transaction(async (tx) => {
    // Two setups at once (a deploy that runs it on each node) must still make one operator.
    await tx.execute(sql`select pg_advisory_xact_lock(4711015)`);
    const existing = await existingOperator(tx);
    if (existing) return { created: false as const, email: existing.email };
    const { id } = await createUser(tx, { ...input, isOperator: true });
    await recordAudit(tx, {
      actorUserId: null,
      actorLabel: 'command line',
      action: 'operator.setup',
      targetType: 'user',
      targetId: id,
    });
    return { created: true as const, userId: id, email: Email.parse(input.email) };
  });
}
