/**
 * @module mailer
 * Outgoing e-mail over SMTP (nodemailer). Without SMTP_URL nothing is sent and callers are told so,
 * because every mail we send (contract-line requests, password resets, failure digests) is also
 * recorded where a person can see it.
 */
import type { Transporter } from 'nodemailer';
import type { Logger } from '../platform/logger.ts';

/** What a mail is for: the outbox shows it, and metrics count by it. */
export type MailKind = 'invitation' | 'password_reset' | 'contract_line' | 'failure_digest' | 'other';
export type MailMessage = {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  kind?: MailKind;
};
export type MailResult = { delivered: true; messageId: string } | { delivered: false; reason: string };

export type Mailer = {
  /** False without SMTP_URL: then whoever creates a link shows it instead of claiming it was mailed. */
  configured: boolean;
  send(message: MailMessage): Promise<MailResult>;
  close(): void;
};

export type CreateMailerOptions = { smtpUrl: string | undefined; from: string; logger: Logger };

export function createMailer({ smtpUrl, from, logger }: CreateMailerOptions): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      async send(message) {
        logger.warn({ subject: message.subject }, 'SMTP_URL is not set; e-mail not sent');
        return { delivered: false, reason: 'SMTP_URL is not set' };
      },
      close() {},
    };
  }
  // nodemailer is loaded at the first mail, not at start: most processes send none for hours (issue 13 P2).
  let transport: Promise<Transporter> | undefined;
  const transportOnce = () =>
    (transport ??= import('nodemailer').then((nodemailer) => nodemailer.default.createTransport(smtpUrl)));
  return {
    configured: true,
    async send({ kind: _kind, ...message }) {
      try {
        const info = await (await transportOnce()).sendMail({ from, ...message });
        return { delivered: true, messageId: String(info.messageId) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.error({ subject: message.subject, reason }, 'e-mail could not be sent');
        return { delivered: false, reason };
      }
    },
    close: () => void transport?.then((opened) => opened.close()),
  };
}
