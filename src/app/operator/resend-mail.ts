/**
 * @module app/operator/resend-mail
 * Sends a mail that failed once more (operator only), audited: the outbox row says whether it went out.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { unrecordedMailer, type OutboxEntry } from '../../mail/outbox.ts';
import type { Mailer, MailResult } from '../../mail/mailer.ts';
import type { Database } from '../../store/database.ts';
import { mailOutbox } from '../../store/schema/index.ts';
import { runCommand, type ChangedBy } from '../command.ts';

export const MAIL_NOT_RESENDABLE = new AppError('mail_not_resendable', {
  nl: 'Deze e-mail is al verstuurd, kan niet opnieuw worden verstuurd of bestaat niet.',
  en: 'This e-mail has been sent already, cannot be sent again or does not exist.',
});

export const SMTP_NOT_CONFIGURED = new AppError('smtp_not_configured', {
  nl: 'Er is geen mailserver ingesteld (SMTP_URL); de e-mail kan niet worden verstuurd.',
  en: 'No mail server is configured (SMTP_URL); the e-mail cannot be sent.',
});

export async function resendMail(
  deps: { db: Database; mailer: Mailer },
  by: ChangedBy,
  mailId: string,
): Promise<OutboxEntry> {
  const { db, mailer } = deps;
  // Nothing to send is an answer, not an attempt: only real sends are audited.
  if (!mailer.configured) throw SMTP_NOT_CONFIGURED;
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
  if (!row || row.status !== 'failed' || row.body === null) throw MAIL_NOT_RESENDABLE;
  const text = row.body;
  return runCommand<OutboxEntry, { result: MailResult; attempts: number; body: string }>(db, by, {
    audit: { action: 'mail.resend', targetType: 'mail', targetId: mailId },
    // Sending happens before the transaction: the SMTP round trip must not hold the database.
    check: async () => {
      const result = await unrecordedMailer(mailer).send({
        to: row.recipients.split(', '),
        subject: row.subject,
        text,
      });
      return { result, attempts: row.attempts, body: text };
    },
    change: async (tx, { result, attempts, body }) => {
      const [updated] = await tx
        .update(mailOutbox)
        .set({
          status: result.delivered ? 'sent' : 'failed',
          body: result.delivered ? null : body,
          error: result.delivered ? null : result.reason,
          attempts: attempts + 1,
          sentAt: result.delivered ? new Date() : null,
        })
        .where(eq(mailOutbox.id, mailId))
        .returning();
      const { body: _body, ...entry } = updated!;
      return entry;
    },
    audited: (entry) => ({ details: { status: entry.status } }),
  });
}
