/**
 * @module mail/outbox
 * Every mail goes through the outbox: one row per mail with its outcome (sent, failed, no SMTP), so a
 * mail that did not go out is visible and can be sent again. Only a failed mail keeps its body (until
 * it is sent): it may hold a single-use link, which must not sit readable in the database for long.
 */
import { desc } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { mailOutbox } from '../store/schema/index.ts';
import type { Logger } from '../platform/logger.ts';
import type { MailMessage, MailResult, Mailer } from './mailer.ts';

export type OutboxStatus = (typeof mailOutbox.$inferSelect)['status'];

/** A mailer that records each mail it sends (or could not send) in `mail_outbox`. */
export function outboxMailer(db: Database, mailer: Mailer, logger: Logger): Mailer {
  const recording: Mailer & { unrecorded: Mailer } = {
    unrecorded: mailer,
    configured: mailer.configured,
    async send(message: MailMessage): Promise<MailResult> {
      const result = await mailer.send(message);
      const status = statusOf(mailer, result);
      await db
        .insert(mailOutbox)
        .values({
          kind: message.kind ?? 'other',
          recipients: recipientsOf(message),
          subject: message.subject,
          // Kept only to send a failed mail again; without SMTP nothing can send it, so nothing is kept.
          body: status === 'failed' ? message.text : null,
          status,
          error: result.delivered ? null : result.reason,
          sentAt: result.delivered ? new Date() : null,
        })
        .catch((error: unknown) => logger.error({ err: error }, 'mail outbox row could not be written'));
      return result;
    },
    close: () => mailer.close(),
  };
  return recording;
}

function recipientsOf(message: MailMessage): string {
  return Array.isArray(message.to) ? message.to.join(', ') : message.to;
}

function statusOf(mailer: Mailer, result: MailResult): OutboxStatus {
  if (result.delivered) return 'sent';
  return mailer.configured ? 'failed' : 'not_configured';
}

export type OutboxEntry = {
  id: string;
  kind: string;
  recipients: string;
  subject: string;
  status: OutboxStatus;
  error: string | null;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

/** The newest mails first, without their bodies. */
export async function listOutbox(db: Database, limit = 200): Promise<OutboxEntry[]> {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      recipients: mailOutbox.recipients,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      error: mailOutbox.error,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

/** The mailer under an outbox mailer: sending again must update the mail's row, not add one. */
export function unrecordedMailer(mailer: Mailer): Mailer {
  return 'unrecorded' in mailer ? (mailer as { unrecorded: Mailer }).unrecorded : mailer;
}
